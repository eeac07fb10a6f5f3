/*
 * Part of the CXone client (see client.ts): CXone's answers: the schemas of their bodies, and
 * what each status means, as a typed error (CxoneError; TransientError for what is worth
 * another attempt) that names what was being done and where. Every CXone detail stays in the
 * client's files.
 */
import * as z from '../zod.js'
import { ActionError, firstLine } from '../errors.js'
import { EnvironmentSchema } from '../payload.js'
import { retryAfterMs } from '../http/retry.js'
import type { Answer } from '../http/transport.js'

export const VersionSchema = z.looseObject({
  dataActionId: z.string(),
  versionId: z.string(),
  checksum: z.string(),
  dependencyMatrix: z._default(z.record(z.string(), z.string()), {}),
  status: z.enum(['draft', 'publishing', 'published', 'unpublished', 'failed']),
  published: z.boolean(),
  environment: z.nullable(EnvironmentSchema),
  createdAt: z.optional(z.string()),
  publishedAt: z.optional(z.nullable(z.string()))
})
export type CxoneVersion = z.output<typeof VersionSchema>

export const ListSchema = z.looseObject({ versions: z.array(VersionSchema) })

export const ErrorBodySchema = z.looseObject({
  error: z.string(),
  message: z.optional(z.string()),
  details: z.optional(z.array(z.unknown()))
})

/** A failed call, said for people: what was being done, the status, and CXone's reason. */
export class CxoneError extends ActionError {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string
  ) {
    super(message)
  }
}

/** A failure worth another attempt: 429, 5xx, no complete answer, a lock. */
export class TransientError extends CxoneError {
  constructor(
    message: string,
    status: number | undefined,
    code: string | undefined,
    readonly retryAfterMs?: number
  ) {
    super(message, status, code)
  }
}

export const RETRY_AFTER_CAP_MS = 60_000

/** A request as the messages name it: what was being done, and the method, host and path (never the query). */
export interface Target {
  what: string
  method: string
  url: string
  where: string
}

/** A successful answer's body, parsed with `schema`; a failure as its typed error. */
export function parsed<S extends z.ZodMiniType>(
  target: Target,
  res: Answer,
  schema: S
): { status: number; data: z.output<S> } {
  checked(target, res)
  const json = parseJson(res.body)
  const parsed = schema.safeParse(json)
  if (!parsed.success) {
    throw new CxoneError(
      `${target.what}: ${target.where} answered ${res.status} with ${json === undefined ? 'a body that is not JSON' : 'an unexpected body'} (${firstLine(z.prettifyError(parsed.error))})`,
      res.status
    )
  }
  return { status: res.status, data: parsed.data }
}

/** Maps a status to success or to the contract's meaning of the failure. */
export function checked(target: Target, res: Answer): void {
  if (res.status >= 200 && res.status < 300) return
  const said = `${target.what}: ${target.where} answered ${res.status}`
  if (res.status >= 300 && res.status < 400) {
    const location = header(res, 'location')
    const to = location ? hostOf(location, target.url) : undefined
    throw new CxoneError(
      `${said}, a redirect${to ? ` to ${to}` : ''}: not followed, so no credentials go there; check api-base-url and token-url`,
      res.status
    )
  }
  const parsed = ErrorBodySchema.safeParse(parseJson(res.body))
  const code = parsed.success ? parsed.data.error : undefined
  const reason = parsed.success
    ? `${parsed.data.error}${parsed.data.message ? `: ${parsed.data.message}` : ''}`
    : res.body.trim() === ''
      ? 'empty body'
      : `a ${String(res.headers['content-type'] ?? 'non-JSON').split(';')[0]} body, not CXone's JSON (a proxy?)`
  const failure = `${said} ${reason}`
  const retryAfter = retryAfterMs(header(res, 'retry-after'), RETRY_AFTER_CAP_MS)
  if (res.status === 429 || res.status >= 500) {
    throw new TransientError(failure, res.status, code, retryAfter)
  }
  if (res.status === 409 && code === 'locked') {
    throw new TransientError(failure, res.status, code, retryAfter)
  }
  if (res.status === 403) {
    const scope = target.method === 'GET' ? 'data-action:read' : 'data-action:write'
    throw new CxoneError(
      `${failure} (the client needs the ${scope} scope on this tenant)`,
      403,
      code
    )
  }
  if (res.status === 409 && code === 'version_conflict') {
    throw new CxoneError(
      `${failure}: versions are immutable, so this code needs a new version id`,
      409,
      code
    )
  }
  if (res.status === 422 && parsed.success && parsed.data.details) {
    throw new CxoneError(`${failure} (details: ${JSON.stringify(parsed.data.details)})`, 422, code)
  }
  throw new CxoneError(failure, res.status, code)
}

export function header(res: Answer, name: string): string | undefined {
  const value = res.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** The host a redirect points to (a relative one: the host that answered). */
function hostOf(location: string, base: string): string | undefined {
  try {
    return new URL(location, base).host
  } catch {
    return undefined
  }
}

export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
