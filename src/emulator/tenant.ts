/* The emulated tenant's data: data actions, their versions, and what is live where. */
import { createHash } from 'node:crypto'
import type { Environment } from '../payload.js'

export interface SeedVersion {
  versionId: string
  actionCode: string
  dependencyMatrix?: Record<string, string>
  /** The environment this version is live in, if any. */
  liveIn?: Environment
}

export interface VersionRecord {
  dataActionId: string
  versionId: string
  checksum: string
  dependencyMatrix: Record<string, string>
  status: 'draft' | 'publishing' | 'published' | 'unpublished' | 'failed'
  published: boolean
  environment: Environment | null
  createdAt: string
  publishedAt: string | null
}

/** A version as the emulator keeps it: its record and its code. */
export interface Stored extends VersionRecord {
  actionCode: string
}

/** A tenant's data actions: their versions, and what is live in each environment. */
export class Tenant {
  private readonly actions = new Map<string, Map<string, Stored>>()

  addDataAction(id: string): void {
    if (!this.actions.has(id)) this.actions.set(id, new Map())
  }

  /** Stores a version directly (no request), live where `liveIn` says. */
  seed(dataActionId: string, version: SeedVersion): VersionRecord {
    this.addDataAction(dataActionId)
    const now = new Date().toISOString()
    const stored: Stored = {
      dataActionId,
      versionId: version.versionId,
      checksum: sha256(version.actionCode),
      dependencyMatrix: version.dependencyMatrix ?? {},
      actionCode: version.actionCode,
      status: 'draft',
      published: false,
      environment: null,
      createdAt: now,
      publishedAt: null
    }
    this.actions.get(dataActionId)?.set(version.versionId, stored)
    if (version.liveIn) this.makeLive(stored, version.liveIn)
    return view(stored)
  }

  /** Every version of a data action, and what is live in each environment. */
  state(dataActionId: string): {
    versions: VersionRecord[]
    live: Record<Environment, string | null>
  } {
    const versions = [...(this.actions.get(dataActionId)?.values() ?? [])]
    const liveIn = (env: Environment): string | null =>
      versions.find(v => v.published && v.environment === env)?.versionId ?? null
    return {
      versions: versions.map(view),
      live: { sandbox: liveIn('sandbox'), production: liveIn('production') }
    }
  }

  /** The action code stored for a version (what the client uploaded). */
  codeOf(dataActionId: string, versionId: string): string | undefined {
    return this.actions.get(dataActionId)?.get(versionId)?.actionCode
  }

  /** The versions of a data action by id, undefined for an unknown data action. */
  versionsOf(dataActionId: string): Map<string, Stored> | undefined {
    return this.actions.get(dataActionId)
  }

  makeLive(version: Stored, environment: Environment): void {
    this.takeDown(version.dataActionId, environment)
    version.status = 'published'
    version.published = true
    version.environment = environment
    version.publishedAt = new Date().toISOString()
  }

  /** One live version per environment: whatever was live there no longer is. */
  takeDown(dataActionId: string, environment: Environment): void {
    for (const other of this.actions.get(dataActionId)?.values() ?? []) {
      if (other.published && other.environment === environment) {
        other.published = false
        other.status = 'unpublished'
        other.environment = null
      }
    }
  }
}

export function view(version: Stored | VersionRecord): VersionRecord {
  return {
    dataActionId: version.dataActionId,
    versionId: version.versionId,
    checksum: version.checksum,
    dependencyMatrix: { ...version.dependencyMatrix },
    status: version.status,
    published: version.published,
    environment: version.environment,
    createdAt: version.createdAt,
    publishedAt: version.publishedAt
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
