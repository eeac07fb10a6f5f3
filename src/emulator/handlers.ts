/* The data action endpoints, a handler each; the server calls them once a request is authorized. */
import * as z from '../zod.js'
import { DataActionIdSchema, EnvironmentSchema, VersionIdSchema } from '../payload.js'
import type { Fault } from './faults.js'
import { sha256, view, type Stored, type Tenant } from './tenant.js'
import type { EmulatorOptions, Fail, Send } from './types.js'
import { parseJson } from './wire.js'

const UploadSchema = z.strictObject({
  dataActionId: DataActionIdSchema,
  versionId: VersionIdSchema,
  targetEnvironment: EnvironmentSchema,
  checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected sha256 hex')),
  dependencyMatrix: z.record(z.string(), z.string()),
  actionCode: z.string()
})

const PatchSchema = z.union([
  z.strictObject({
    published: z.literal(true),
    environment: EnvironmentSchema,
    checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'expected sha256 hex'))
  }),
  z.strictObject({ published: z.literal(false), environment: EnvironmentSchema })
])

/** GET .../versions: the versions, filtered by `environment` and `published` when given. */
export function listVersions(
  versions: Map<string, Stored>,
  query: URLSearchParams,
  send: Send
): void {
  const env = query.get('environment')
  const published = query.get('published')
  const list = [...versions.values()].filter(
    v =>
      (env === null || v.environment === env) &&
      (published === null || String(v.published) === published)
  )
  return send(200, { versions: list.map(view) })
}

/** GET .../versions/{versionId}: the version as stored (or with the checksum a fault says). */
export function getVersion(existing: Stored, fault: Fault | undefined, send: Send): void {
  const shown = view(existing)
  if (fault?.kind === 'wrong-checksum') shown.checksum = fault.checksum
  return send(200, shown)
}

/** POST .../versions/{versionId}: stores a new version; the same one again is no change. */
export function upload(
  id: string,
  versionId: string,
  versions: Map<string, Stored>,
  body: string,
  send: Send,
  fail: Fail
): void {
  const parsed = UploadSchema.safeParse(parseJson(body))
  if (!parsed.success) {
    return fail(422, 'unprocessable', 'the version does not match the schema', issues(parsed.error))
  }
  const upload = parsed.data
  if (upload.dataActionId !== id || upload.versionId !== versionId) {
    return fail(422, 'unprocessable', 'the body does not name the version of the path', [
      { field: 'versionId', message: 'must equal the path' }
    ])
  }
  if (sha256(upload.actionCode) !== upload.checksum) {
    return fail(422, 'unprocessable', 'checksum is not sha256(actionCode)', [
      { field: 'checksum', message: 'does not match actionCode' }
    ])
  }
  const existing = versions.get(versionId)
  if (existing) {
    if (existing.checksum === upload.checksum) return send(200, view(existing))
    return fail(409, 'version_conflict', `version ${versionId} exists with other code`)
  }
  const stored: Stored = {
    dataActionId: id,
    versionId,
    checksum: upload.checksum,
    dependencyMatrix: upload.dependencyMatrix,
    actionCode: upload.actionCode,
    status: 'draft',
    published: false,
    environment: null,
    createdAt: new Date().toISOString(),
    publishedAt: null
  }
  versions.set(versionId, stored)
  send(201, view(stored))
}

/**
 * PATCH .../versions/{versionId}: publishes or unpublishes in an environment, at once or (async
 * mode, or a publish fault) accepted with 202 and finished later.
 */
export function patch(
  version: Stored,
  versions: Map<string, Stored>,
  body: string,
  fault: Fault | undefined,
  send: Send,
  fail: Fail,
  backend: { tenant: Tenant; options: EmulatorOptions; timers: Set<NodeJS.Timeout> }
): void {
  const parsed = PatchSchema.safeParse(parseJson(body))
  if (!parsed.success) {
    return fail(422, 'unprocessable', 'the change does not match the schema', issues(parsed.error))
  }
  const change = parsed.data
  if ([...versions.values()].some(v => v.status === 'publishing')) {
    return send(
      409,
      { error: 'locked', message: 'another promotion of this data action is in progress' },
      { 'retry-after': '1' }
    )
  }
  if (!change.published) {
    if (version.published && version.environment === change.environment) {
      version.published = false
      version.status = 'unpublished'
      version.environment = null
    }
    return send(200, view(version))
  }
  const failPublish = fault?.kind === 'publish-fails'
  const delayMs = fault?.kind === 'slow-publish' ? fault.ms : backend.options.asyncPublishMs
  // An injected publish fault forces the asynchronous path, whatever the mode.
  const forcedAsync = failPublish || fault?.kind === 'slow-publish'
  if (change.checksum !== version.checksum) {
    return fail(412, 'checksum_mismatch', 'the checksum sent is not the stored one')
  }
  if (version.published && version.environment === change.environment && !forcedAsync) {
    return send(200, view(version))
  }
  if (backend.options.publish !== 'async' && !forcedAsync) {
    backend.tenant.makeLive(version, change.environment)
    return send(200, view(version))
  }
  // While publishing, nothing is live in that environment.
  backend.tenant.takeDown(version.dataActionId, change.environment)
  version.status = 'publishing'
  version.published = false
  version.environment = change.environment
  send(202, view(version))
  const timer = setTimeout(() => {
    backend.timers.delete(timer)
    if (failPublish) {
      version.status = 'failed'
      version.environment = null
    } else {
      backend.tenant.makeLive(version, change.environment)
    }
  }, delayMs ?? 50)
  backend.timers.add(timer)
}

function issues(error: z.core.$ZodError): Array<{ field: string; message: string }> {
  return error.issues.map(issue => ({ field: issue.path.join('.'), message: issue.message }))
}
