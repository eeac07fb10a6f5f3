import type { CxoneClient, CxoneVersion } from './client.js'
import { dependencyChanges, type DependencyChange } from '../validate/manifest.js'
import { checkReleasedAs, type ReleaseCheck } from './git-history.js'
import { Phases, type Phase } from './phases.js'
import type { Promotion } from './publisher.js'

/** What a publish would do to the version id. */
export type PlannedChange =
  /** Not on CXone: it would be uploaded and published. */
  | 'new version'
  /** Uploaded before with this code, not live: it would be published. */
  | 'publish uploaded version'
  /** Live with this code: nothing to do. */
  | 'unchanged'
  /** On CXone with other code: the publish would fail; a new version id is needed. */
  | 'conflict'

export interface PlanOutcome {
  change: PlannedChange
  /** What is live now in the target environment. */
  live?: CxoneVersion
  /** The version id as CXone has it, if it does. */
  existing?: CxoneVersion
  /** Whether the live version is what this repository released. */
  drift: ReleaseCheck | { state: 'none'; detail: string }
  dependencyChanges: DependencyChange[]
  phases: Phase[]
}

/**
 * Reads what is live (no writes: only GET requests after the token) and says what a
 * publish would change, whether production drifted from the repository, and how the
 * dependencies differ from the live version's.
 */
export async function planVersion(
  client: CxoneClient,
  promotion: Promotion,
  checkout: { workspace: string; actionFile: string },
  log: (line: string) => void = () => undefined
): Promise<PlanOutcome> {
  const { dataActionId: id, versionId, targetEnvironment: env } = promotion.payload
  const phases = new Phases(log)
  const live = await phases.run(
    'Read live',
    () => client.liveVersion(id, env),
    v => (v ? `${v.versionId} is live in ${env}` : `nothing is live in ${env}`)
  )
  const existing = await phases.run(
    'Read version',
    () => client.findVersion(id, versionId),
    v => (v ? `${versionId} exists (${v.status})` : `${versionId} does not exist yet`)
  )
  const change: PlannedChange = !existing
    ? 'new version'
    : existing.checksum !== promotion.checksum
      ? 'conflict'
      : live?.versionId === versionId
        ? 'unchanged'
        : 'publish uploaded version'
  const drift = live
    ? await phases.run(
        'Drift',
        () =>
          checkReleasedAs(checkout.workspace, live.versionId, checkout.actionFile, live.checksum),
        check => check.detail
      )
    : ({ state: 'none', detail: `nothing is live in ${env}` } as const)
  return {
    change,
    ...(live ? { live } : {}),
    ...(existing ? { existing } : {}),
    drift,
    dependencyChanges: dependencyChanges(live?.dependencyMatrix ?? {}, promotion.dependencyMatrix),
    phases: phases.list
  }
}
