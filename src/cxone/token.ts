/*
 * Part of the CXone client (see client.ts): getting and caching the OAuth access token (the
 * client credentials grant), refreshed a minute before it expires. Every CXone detail stays in
 * the client's files.
 */
import * as z from '../zod.js'
import type { Answer } from '../http/transport.js'
import { checked, CxoneError, ErrorBodySchema, parseJson, type Target } from './responses.js'

const TokenSchema = z.looseObject({
  access_token: z.string().check(z.minLength(1)),
  token_type: z.optional(z.string()),
  expires_in: z.number().check(z.positive())
})

const TOKEN_REFRESH_MARGIN_MS = 60_000

/** The client's credentials for the token flow. */
export interface Credentials {
  tokenUrl: string
  clientId: string
  clientSecret: string
  /** Registers a value that must never be printed (the access token). */
  mask?: (secret: string) => void
}

/** How the client names and sends a request: a token request is paced and counted like any. */
export interface TokenTransport {
  target(what: string, method: string, url: string): Target
  send(target: Target, form: string): Promise<Answer>
}

/** The client's access token: one at a time, shared by every call. */
export class AccessToken {
  private token?: { value: string; refreshAt: number }
  private tokenRequest?: Promise<string>

  constructor(
    private readonly options: Credentials,
    private readonly transport: TokenTransport
  ) {}

  /**
   * The cached token, or a new one. Concurrent callers share one token request, which runs
   * under its own deadline only (a caller that gives up stops waiting, not the request).
   */
  async get(signal: AbortSignal | undefined): Promise<string> {
    if (this.token && Date.now() < this.token.refreshAt) return this.token.value
    this.tokenRequest ??= this.requestToken().finally(() => {
      this.tokenRequest = undefined
    })
    return abortable(this.tokenRequest, signal)
  }

  /** Forgets `token` if it is the one held: CXone answered 401 to it. */
  forget(token: string): void {
    if (this.token?.value === token) this.token = undefined
  }

  /** One token request: an attempt of the call that needed it, never a loop of its own. */
  private async requestToken(): Promise<string> {
    const target = this.transport.target('getting an access token', 'POST', this.options.tokenUrl)
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: this.options.clientId,
      client_secret: this.options.clientSecret
    }).toString()
    const res = await this.transport.send(target, form)
    if (res.status === 401 || res.status === 400) {
      const code = ErrorBodySchema.safeParse(parseJson(res.body)).data?.error ?? 'rejected'
      throw new CxoneError(
        `${target.what}: ${target.where} answered ${res.status} ${code}: CXone rejected client-id/client-secret`,
        res.status,
        code
      )
    }
    checked(target, res)
    const parsed = TokenSchema.safeParse(parseJson(res.body))
    if (!parsed.success) {
      throw new CxoneError(
        `${target.what}: ${target.where} answered ${res.status} with a body that is not an OAuth token response`
      )
    }
    const { access_token, expires_in } = parsed.data
    this.options.mask?.(access_token)
    this.token = {
      value: access_token,
      refreshAt: Date.now() + expires_in * 1000 - TOKEN_REFRESH_MARGIN_MS
    }
    return access_token
  }
}

/** Stops waiting when `signal` aborts; the work itself goes on. */
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
