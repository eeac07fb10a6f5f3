import { HttpClient, type HttpClientResponse } from '@actions/http-client'
import { z } from 'zod'
import { ActionError, errorMessage } from './errors.js'
import { EnvironmentSchema, type Environment } from './payload.js'
import type { RateController } from './rate-controller.js'
import { retryAfterMs, withRetries, type Backoff, type Sleep } from './retry.js'

/*
 * Everything CXone-specific lives here: hosts, the token flow, paths, bodies, status codes
 * and what they mean. Swapping an endpoint or the auth flow touches this file only.
 */

/** The API base of a region, as NICE publishes it. */
export function defaultApiBase(region: string): string {
  return `https://platform.${region}.nicecxone.com`
}

/** The token endpoint of an API base. */
export function defaultTokenUrl(apiBase: string): string {
  return `${apiBase.replace(/\/+$/, '')}/oauth/token`
}

const VersionSchema = z.looseObject({
  dataActionId: z.string(),
  versionId: z.string(),
  checksum: z.string(),
  dependencyMatrix: z.record(z.string(), z.string()).default({}),
  status: z.enum(['draft', 'publishing', 'published', 'unpublished', 'failed']),
  published: z.boolean(),
  environment: EnvironmentSchema.nullable(),
  createdAt: z.string().optional(),
  publishedAt: z.string().nullable().optional()
})
export type CxoneVersion = z.output<typeof VersionSchema>

const ListSchema = z.looseObject({ versions: z.array(VersionSchema) })

const TokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive()
})

const ErrorBodySchema = z.looseObject({
  error: z.string(),
  message: z.string().optional(),
  details: z.array(z.unknown()).optional()
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

/** A failure worth another attempt: 429, 5xx, a dropped connection, a timeout, a lock. */
class TransientError extends CxoneError {
  constructor(
    message: string,
    status: number | undefined,
    code: string | undefined,
    readonly retryAfterMs?: number
  ) {
    super(message, status, code)
  }
}

export interface CxoneClientOptions {
  apiBaseUrl: string
  tokenUrl: string
  clientId: string
  clientSecret: string
  /** Attempts for a transient failure, the first included. */
  maxAttempts: number
  requestTimeoutMs: number
  /** How long a `409 locked` may be waited out, per call. */
  lockWaitMs: number
  /** Registers a value that must never be printed (the access token). */
  mask?: (secret: string) => void
  sleep?: Sleep
  random?: () => number
  /** Told of each retry, for the log. */
  onRetry?: (message: string) => void
  /** Paces and bounds requests shared with other work (a release); a 429 then waits there. */
  rate?: RateController
}

/** Per call: a signal that stops the waiting (cancellation, or a rollback's own deadline). */
export interface CallOptions {
  signal?: AbortSignal
  /** Told just before each request of the call goes out (after any wait for its turn). */
  onSend?: () => void
}

export interface CallStats {
  requests: number
  retries: number
  /** Answers of 429. */
  rateLimited: number
}

const RETRY_AFTER_CAP_MS = 60_000
/** Under a rate controller 429s cost no attempt; this many in a row still end the call. */
const MAX_RATE_LIMITED_RETRIES = 30
const BACKOFF: Backoff = { baseMs: 200, maxMs: 8_000 }
const TOKEN_REFRESH_MARGIN_MS = 60_000

interface Response {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export class CxoneClient {
  readonly stats: CallStats = { requests: 0, retries: 0, rateLimited: 0 }
  private readonly http: HttpClient
  private readonly apiBase: string
  private token?: { value: string; refreshAt: number }
  private tokenRequest?: Promise<string>

  constructor(private readonly options: CxoneClientOptions) {
    this.apiBase = options.apiBaseUrl.replace(/\/+$/, '')
    // Redirects off: a redirect to another host would carry the token there.
    this.http = new HttpClient('cxone-publish-action', [], {
      allowRetries: false,
      allowRedirects: false,
      keepAlive: true,
      socketTimeout: options.requestTimeoutMs
    })
  }

  /** The version live in `environment`, or undefined when none is. */
  async liveVersion(
    dataActionId: string,
    environment: Environment,
    options: CallOptions = {}
  ): Promise<CxoneVersion | undefined> {
    const query = new URLSearchParams({ environment, published: 'true' })
    const { versions } = await this.call(
      `reading the live version of ${dataActionId} in ${environment}`,
      'GET',
      `${this.versionsPath(dataActionId)}?${query}`,
      undefined,
      ListSchema,
      options
    )
    return versions.find(v => v.published && v.environment === environment)
  }

  /** Uploads a version; `created` is false when it already existed with this checksum. */
  async upload(
    version: {
      dataActionId: string
      versionId: string
      targetEnvironment: Environment
      checksum: string
      dependencyMatrix: Record<string, string>
      actionCode: string
    },
    options: CallOptions = {}
  ): Promise<{ version: CxoneVersion; created: boolean }> {
    const { data, status } = await this.callWithStatus(
      `uploading version ${version.versionId} of ${version.dataActionId}`,
      'POST',
      this.versionPath(version.dataActionId, version.versionId),
      version,
      VersionSchema,
      options
    )
    return { version: data, created: status === 201 }
  }

  /** Asks CXone to make a version live; the answer may still be `publishing` (202). */
  async publish(
    dataActionId: string,
    versionId: string,
    environment: Environment,
    checksum: string,
    options: CallOptions = {}
  ): Promise<CxoneVersion> {
    return this.call(
      `publishing version ${versionId} of ${dataActionId} to ${environment}`,
      'PATCH',
      this.versionPath(dataActionId, versionId),
      { published: true, environment, checksum },
      VersionSchema,
      options
    )
  }

  async unpublish(
    dataActionId: string,
    versionId: string,
    environment: Environment,
    options: CallOptions = {}
  ): Promise<CxoneVersion> {
    return this.call(
      `unpublishing version ${versionId} of ${dataActionId} from ${environment}`,
      'PATCH',
      this.versionPath(dataActionId, versionId),
      { published: false, environment },
      VersionSchema,
      options
    )
  }

  async getVersion(
    dataActionId: string,
    versionId: string,
    options: CallOptions = {}
  ): Promise<CxoneVersion> {
    return this.call(
      `reading back version ${versionId} of ${dataActionId}`,
      'GET',
      this.versionPath(dataActionId, versionId),
      undefined,
      VersionSchema,
      options
    )
  }

  /** The version, or undefined when CXone does not know it (404). */
  async findVersion(
    dataActionId: string,
    versionId: string,
    options: CallOptions = {}
  ): Promise<CxoneVersion | undefined> {
    try {
      return await this.getVersion(dataActionId, versionId, options)
    } catch (error) {
      if (error instanceof CxoneError && error.status === 404 && error.code === 'not_found') {
        return undefined
      }
      throw error
    }
  }

  /** A command a person can run to do `method path body` by hand (no secret in it). */
  manualCommand(method: 'PATCH', dataActionId: string, versionId: string, body: object): string {
    return `curl -X ${method} -H "Authorization: Bearer $CXONE_TOKEN" -H "Content-Type: application/json" -d '${JSON.stringify(body)}' ${this.apiBase}${this.versionPath(dataActionId, versionId)}`
  }

  dispose(): void {
    this.http.dispose()
  }

  private versionsPath(dataActionId: string): string {
    return `/api/v2/studio/data-actions/${encodeURIComponent(dataActionId)}/versions`
  }

  private versionPath(dataActionId: string, versionId: string): string {
    return `${this.versionsPath(dataActionId)}/${encodeURIComponent(versionId)}`
  }

  private async call<S extends z.ZodType>(
    what: string,
    method: string,
    path: string,
    body: unknown,
    schema: S,
    options: CallOptions
  ): Promise<z.output<S>> {
    return (await this.callWithStatus(what, method, path, body, schema, options)).data
  }

  /**
   * One API call with the contract's error handling: a 401 refreshes the token and replays
   * once; 429, 5xx, resets and timeouts are retried with backoff; a lock is waited out
   * within its budget; anything else fails at once, saying what was being done.
   */
  private async callWithStatus<S extends z.ZodType>(
    what: string,
    method: string,
    path: string,
    body: unknown,
    schema: S,
    { signal, onSend }: CallOptions
  ): Promise<{ status: number; data: z.output<S> }> {
    const lockDeadline = Date.now() + this.options.lockWaitMs
    const url = `${this.apiBase}${path}`
    const response = await this.retrying(what, lockDeadline, signal, async () => {
      let res = await this.send(
        what,
        method,
        url,
        body,
        await this.accessToken(signal),
        signal,
        onSend
      )
      if (res.status === 401) {
        this.token = undefined
        res = await this.send(
          what,
          method,
          url,
          body,
          await this.accessToken(signal),
          signal,
          onSend
        )
        if (res.status === 401) {
          throw new CxoneError(
            `${what}: CXone rejected a fresh access token (401); check the client's tenant`,
            401
          )
        }
      }
      return this.checked(what, res)
    })
    const json = parseJson(response.body)
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      throw new CxoneError(
        `${what}: CXone answered ${response.status} with ${json === undefined ? 'a body that is not JSON' : 'an unexpected body'} (${z.prettifyError(parsed.error).split('\n')[0]})`,
        response.status
      )
    }
    return { status: response.status, data: parsed.data }
  }

  private retrying(
    what: string,
    lockDeadline: number,
    signal: AbortSignal | undefined,
    operation: () => Promise<Response>
  ): Promise<Response> {
    let rateLimited = 0
    const rate = this.options.rate
    return withRetries(what, operation, {
      attempts: this.options.maxAttempts,
      backoff: { ...BACKOFF, ...(this.options.random ? { random: this.options.random } : {}) },
      ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
      ...(signal ? { signal } : {}),
      classify: error => {
        if (!(error instanceof TransientError)) return { retry: false }
        if (error.code === 'locked') {
          const delayMs = error.retryAfterMs ?? 1000
          return Date.now() + delayMs <= lockDeadline
            ? { retry: true, delayMs, free: true }
            : { retry: false }
        }
        // A shared controller already holds every request back for the Retry-After.
        if (error.status === 429 && rate && ++rateLimited <= MAX_RATE_LIMITED_RETRIES) {
          return { retry: true, delayMs: 0, free: true }
        }
        return error.retryAfterMs === undefined
          ? { retry: true }
          : { retry: true, delayMs: error.retryAfterMs }
      },
      onRetry: ({ attempt, delayMs, error }) => {
        this.stats.retries++
        this.options.onRetry?.(`${errorMessage(error)}; retry ${attempt} in ${delayMs} ms`)
      }
    })
  }

  /** Maps a status to success or to the contract's meaning of the failure. */
  private checked(what: string, res: Response): Response {
    if (res.status >= 200 && res.status < 300) return res
    const parsed = ErrorBodySchema.safeParse(parseJson(res.body))
    const code = parsed.success ? parsed.data.error : undefined
    const reason = parsed.success
      ? `${parsed.data.error}${parsed.data.message ? `: ${parsed.data.message}` : ''}`
      : res.body.trim() === ''
        ? 'empty body'
        : `a ${String(res.headers['content-type'] ?? 'non-JSON').split(';')[0]} body, not CXone's JSON (a proxy?)`
    const said = `${what}: ${res.status} ${reason}`
    const retryAfter = retryAfterMs(header(res, 'retry-after'), RETRY_AFTER_CAP_MS)
    if (res.status === 429 || res.status >= 500) {
      throw new TransientError(said, res.status, code, retryAfter)
    }
    if (res.status === 409 && code === 'locked') {
      throw new TransientError(said, res.status, code, retryAfter)
    }
    if (res.status === 403) {
      const scope = what.startsWith('reading') ? 'data-action:read' : 'data-action:write'
      throw new CxoneError(
        `${said} (the client needs the ${scope} scope on this tenant)`,
        403,
        code
      )
    }
    if (res.status === 409 && code === 'version_conflict') {
      throw new CxoneError(
        `${said}: versions are immutable, so this code needs a new version id`,
        409,
        code
      )
    }
    if (res.status === 422 && parsed.success && parsed.data.details) {
      throw new CxoneError(`${said} (details: ${JSON.stringify(parsed.data.details)})`, 422, code)
    }
    throw new CxoneError(said, res.status, code)
  }

  /** The cached token, or a new one; concurrent callers share one token request. */
  private async accessToken(signal: AbortSignal | undefined): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return this.token.value
    this.tokenRequest ??= this.requestToken(signal).finally(() => {
      this.tokenRequest = undefined
    })
    return this.tokenRequest
  }

  private async requestToken(signal: AbortSignal | undefined): Promise<string> {
    const what = 'getting an access token'
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret
    }).toString()
    const res = await this.retrying(what, Date.now(), signal, async () => {
      const response = await this.send(what, 'POST', this.options.tokenUrl, form, undefined, signal)
      if (response.status === 401 || response.status === 400) {
        const code = ErrorBodySchema.safeParse(parseJson(response.body)).data?.error ?? 'rejected'
        throw new CxoneError(
          `${what}: ${response.status} ${code}: CXone rejected client-id/client-secret`,
          response.status,
          code
        )
      }
      return this.checked(what, response)
    })
    const parsed = TokenSchema.safeParse(parseJson(res.body))
    if (!parsed.success)
      throw new CxoneError(`${what}: the token response is not what OAuth returns`)
    const { access_token, expires_in } = parsed.data
    this.options.mask?.(access_token)
    this.token = {
      value: access_token,
      refreshAt: Date.now() + expires_in * 1000 - TOKEN_REFRESH_MARGIN_MS
    }
    return access_token
  }

  private async send(
    what: string,
    method: string,
    url: string,
    body: unknown,
    token: string | undefined,
    signal: AbortSignal | undefined,
    onSend?: () => void
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' }
    let data: string | null = null
    if (typeof body === 'string') {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      data = body
    } else if (body !== undefined) {
      headers['content-type'] = 'application/json'
      data = JSON.stringify(body)
    }
    if (token) headers.authorization = `Bearer ${token}`
    const rate = this.options.rate
    await rate?.acquire(signal)
    onSend?.()
    this.stats.requests++
    let response: Response
    try {
      const res: HttpClientResponse = await abortable(
        this.http.request(method, url, data, headers),
        signal
      )
      response = {
        status: res.message.statusCode ?? 0,
        headers: res.message.headers,
        body: await abortable(res.readBody(), signal)
      }
    } catch (error) {
      rate?.release('error')
      if (signal?.aborted) throw error
      throw new TransientError(`${what}: ${errorMessage(error)}`, undefined, 'network')
    }
    if (response.status === 429) this.stats.rateLimited++
    rate?.release(
      response.status === 429
        ? { retryAfterMs: retryAfterMs(header(response, 'retry-after'), RETRY_AFTER_CAP_MS) }
        : 'ok'
    )
    return response
  }
}

/** Stops waiting when `signal` aborts; a request already sent cannot be recalled. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason as Error)
    const onAbort = (): void => reject(signal.reason as Error)
    signal.addEventListener('abort', onAbort, { once: true })
    promise.then(
      value => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error as Error)
      }
    )
  })
}

function header(res: Response, name: string): string | undefined {
  const value = res.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
