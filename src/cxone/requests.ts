/*
 * Part of the CXone client (see client.ts): one logical request, within one attempt budget:
 * the access token (a 401 refreshes it once), retries of 429, 5xx and answers that never came
 * whole, lock waits (409 locked), pacing by the rate controller, and a PATCH's grace after a
 * cancellation. Every CXone detail stays in the client's files.
 */
import type * as z from '../zod.js'
import { errorMessage } from '../errors.js'
import type { RateController } from './rate-controller.js'
import {
  retryAfterMs,
  withRetries,
  type Backoff,
  type Deadline,
  type Sleep
} from '../http/retry.js'
import { Exchanges, NoAnswerError, type Answer } from '../http/transport.js'
import {
  CxoneError,
  header,
  parsed,
  RETRY_AFTER_CAP_MS,
  TransientError,
  type Target
} from './responses.js'
import { AccessToken } from './token.js'

/**
 * Statuses a gateway (CXone's edge, a corporate proxy) answers in CXone's stead when it got
 * no answer in time (504) or a broken one (502): CXone may have carried the request out.
 */
const GATEWAY_STATUSES: ReadonlySet<number | undefined> = new Set([502, 504])

/** The request went out and CXone's own answer did not come back. */
const answerLost = (error: TransientError): boolean =>
  error.code === 'network' || GATEWAY_STATUSES.has(error.status)

export interface CxoneClientOptions {
  apiBaseUrl: string
  tokenUrl: string
  clientId: string
  clientSecret: string
  /** Attempts of one logical request, the first and any token fetch included. */
  maxAttempts: number
  /** One deadline over each request: connect, headers and the whole body. */
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
  /**
   * Told when a request of the call went out and CXone's answer never came whole: lost, cut
   * off by a cancellation, or a gateway's 502 or 504 in its stead.
   */
  onLost?: () => void
  /**
   * Retry transient failures and wait out locks until this time (epoch ms), whatever
   * max-retries says: a rollback's own budget, read at each wait (a cancellation moves it).
   */
  persistUntil?: Deadline
  /**
   * Whether a PATCH may wait for its answer a little past `signal` (true by default: a
   * cancelled publish's outcome is known only from its answer). A rollback's calls, whose
   * signal is their whole budget, say false.
   */
  grace?: boolean
  /**
   * One attempt, and no retry (not even a free one): a read-back inside a PATCH's attempts,
   * which are the retries.
   */
  once?: boolean
}

export interface CallStats {
  requests: number
  retries: number
  /** Answers of 429. */
  rateLimited: number
}

/** The least wait between two tries of a locked PATCH, whatever Retry-After says. */
const MIN_LOCK_WAIT_MS = 500
/** Under a rate controller 429s cost no attempt; this many in a row still end the call. */
const MAX_RATE_LIMITED_RETRIES = 30
const BACKOFF: Backoff = { baseMs: 200, maxMs: 8_000 }
/**
 * A PATCH already sent is not abandoned when the run is cancelled (its outcome would be
 * unknown): its answer is awaited this much longer, within its own deadline.
 */
const PATCH_GRACE_MS = 2_000

/** The requests of one client: their exchanges, access token and stats. */
export class Requests {
  readonly stats: CallStats = { requests: 0, retries: 0, rateLimited: 0 }
  readonly apiBase: string
  private readonly exchanges: Exchanges
  private readonly accessToken: AccessToken

  constructor(private readonly options: CxoneClientOptions) {
    this.apiBase = options.apiBaseUrl.replace(/\/+$/, '')
    this.exchanges = new Exchanges(options.requestTimeoutMs)
    this.accessToken = new AccessToken(options, {
      target: (what, method, url) => this.target(what, method, url),
      send: (target, form) => this.send(target, form, undefined, {})
    })
  }

  /** A request as messages name it: a path is on the API base, a URL as it is. */
  target(what: string, method: string, pathOrUrl: string): Target {
    const url = new URL(pathOrUrl.startsWith('/') ? `${this.apiBase}${pathOrUrl}` : pathOrUrl)
    return { what, method, url: url.toString(), where: `${method} ${url.host}${url.pathname}` }
  }

  dispose(): void {
    this.exchanges.dispose()
  }

  async call<S extends z.ZodMiniType>(
    target: Target,
    body: unknown,
    schema: S,
    options: CallOptions
  ): Promise<z.output<S>> {
    return (await this.callWithStatus(target, body, schema, options)).data
  }

  /**
   * One logical request with the contract's error handling, within one attempt budget
   * (max-retries, or the caller's `persistUntil`) that a token fetch also draws on: a 401
   * refreshes the token and replays once; 429, 5xx and answers that never came whole are
   * retried with backoff; a lock is waited out within its budget; anything else fails at
   * once, naming what was being done and where. `readBack` settles a lost answer.
   */
  async callWithStatus<S extends z.ZodMiniType>(
    target: Target,
    body: unknown,
    schema: S,
    options: CallOptions,
    readBack?: () => Promise<z.output<S> | undefined>
  ): Promise<{ status: number; data: z.output<S> }> {
    const { signal, persistUntil } = options
    const lockWaitEnd = Date.now() + this.options.lockWaitMs
    const lockDeadline = (): number => persistUntil?.at() ?? lockWaitEnd
    let rateLimited = 0
    const rate = this.options.rate
    return withRetries(
      target.what,
      async () => {
        try {
          return parsed(target, await this.authorized(target, body, options), schema)
        } catch (error) {
          const lost = error instanceof TransientError && answerLost(error)
          // Cancelled: the rollback reads the state itself.
          if (!lost || !readBack || signal?.aborted) throw error
          // The PATCH's own failure decides the retry (and is the one told), not the read-back's.
          const data = await readBack().catch((readError: unknown) => {
            throw signal?.aborted ? readError : error
          })
          if (data === undefined) throw error
          return { status: 200, data }
        }
      },
      {
        attempts: options.once
          ? 1
          : persistUntil === undefined
            ? this.options.maxAttempts
            : Infinity,
        ...(persistUntil === undefined ? {} : { until: persistUntil }),
        backoff: { ...BACKOFF, ...(this.options.random ? { random: this.options.random } : {}) },
        ...(this.options.sleep ? { sleep: this.options.sleep } : {}),
        ...(signal ? { signal } : {}),
        classify: error => {
          if (options.once || !(error instanceof TransientError)) return { retry: false }
          if (error.code === 'locked') {
            // Retry-After 0, negative or past must not make a lock a busy loop.
            const delayMs = Math.max(error.retryAfterMs ?? 1000, MIN_LOCK_WAIT_MS)
            return Date.now() + delayMs <= lockDeadline()
              ? { retry: true, delayMs, free: true }
              : { retry: false }
          }
          // A shared controller already holds every request back for the Retry-After.
          if (error.status === 429 && rate && ++rateLimited <= MAX_RATE_LIMITED_RETRIES) {
            return { retry: true, delayMs: 0, free: true }
          }
          // No Retry-After, or one of 0: the backoff's own (growing) wait.
          return error.retryAfterMs ? { retry: true, delayMs: error.retryAfterMs } : { retry: true }
        },
        onRetry: ({ attempt, attempts, delayMs, free, error }) => {
          this.stats.retries++
          const next = free
            ? `trying again in ${delayMs} ms (not counted as an attempt)`
            : Number.isFinite(attempts)
              ? `attempt ${attempt} of ${attempts} in ${delayMs} ms`
              : `attempt ${attempt} in ${delayMs} ms (within the rollback's own budget)`
          this.options.onRetry?.(`${errorMessage(error)}; ${next}`)
        }
      }
    )
  }

  /** Sends with the access token; a 401 refreshes it and replays once (the same attempt). */
  private async authorized(target: Target, body: unknown, options: CallOptions): Promise<Answer> {
    const token = await this.accessToken.get(options.signal)
    const res = await this.send(target, body, token, options)
    if (res.status !== 401) return res
    this.accessToken.forget(token)
    const again = await this.send(target, body, await this.accessToken.get(options.signal), options)
    if (again.status === 401) {
      throw new CxoneError(
        `${target.what}: ${target.where} answered 401 to a fresh access token too; check the client's tenant`,
        401
      )
    }
    return again
  }

  /**
   * One request, paced by the rate controller. An answer that never came whole is a
   * TransientError coded `network`. A PATCH is given a grace after `signal` aborts, since
   * once sent its outcome is only known from its answer.
   */
  private async send(
    target: Target,
    body: unknown,
    token: string | undefined,
    { signal, onSend, onLost, grace: allowGrace = true }: CallOptions
  ): Promise<Answer> {
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
    signal?.throwIfAborted()
    onSend?.()
    this.stats.requests++
    const grace =
      target.method === 'PATCH' && allowGrace
        ? graceAfter(signal, PATCH_GRACE_MS)
        : { signal, dispose: () => undefined }
    let res: Answer
    try {
      res = await this.exchanges.send(target.method, target.url, data, headers, grace.signal)
    } catch (error) {
      rate?.release('error')
      const unsent = error instanceof NoAnswerError && error.unsent
      if (!unsent) onLost?.()
      if (!(error instanceof NoAnswerError)) throw error
      throw new TransientError(
        `${target.what}: ${target.where}: ${error.message}`,
        undefined,
        unsent ? 'unsent' : 'network'
      )
    } finally {
      grace.dispose()
    }
    if (GATEWAY_STATUSES.has(res.status)) onLost?.()
    if (res.status === 429) this.stats.rateLimited++
    rate?.release(
      res.status === 429
        ? { retryAfterMs: retryAfterMs(header(res, 'retry-after'), RETRY_AFTER_CAP_MS) }
        : 'ok'
    )
    return res
  }
}

/** A signal that aborts `graceMs` after `signal` does (with a NoAnswerError), until disposed. */
function graceAfter(
  signal: AbortSignal | undefined,
  graceMs: number
): { signal?: AbortSignal; dispose: () => void } {
  if (!signal) return { dispose: () => undefined }
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const abort = (): void => {
    timer = setTimeout(
      () =>
        controller.abort(new NoAnswerError(`no answer within ${graceMs} ms of the cancellation`)),
      graceMs
    )
  }
  if (signal.aborted) abort()
  else signal.addEventListener('abort', abort, { once: true })
  return {
    signal: controller.signal,
    dispose: () => {
      signal.removeEventListener('abort', abort)
      clearTimeout(timer)
    }
  }
}
