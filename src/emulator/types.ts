/* The shapes the emulator's files share (kept apart so none of them imports another's types back). */
import type { CallKind, Fault } from './faults.js'
import type { SeedVersion } from './tenant.js'

export interface EmulatorClient {
  clientId: string
  clientSecret: string
  scopes?: string[]
}

/** An access token issued, with what it allows and until when. */
export interface IssuedToken {
  scopes: string[]
  expiresAt: number
}

/** The answer to a call: `send` a status and body, or `fail` with an error body. */
export type Send = (status: number, payload?: unknown, headers?: Record<string, string>) => void
export type Fail = (status: number, error: string, message: string, details?: unknown[]) => void

export interface EmulatorOptions {
  port?: number
  /** Delay before each answer. */
  latencyMs?: number
  tokenTtlSeconds?: number
  clients?: EmulatorClient[]
  dataActions?: Array<{ id: string; versions?: SeedVersion[] }>
  /** `sync` answers a publish 200; `async` answers 202 and finishes after `asyncPublishMs`. */
  publish?: 'sync' | 'async'
  asyncPublishMs?: number
  /** A token bucket over every request: `perSecond` refill, `burst` capacity. */
  rateLimit?: { perSecond: number; burst?: number }
  /** Told of each request as it arrives, with its index (to act at request k). */
  onRequest?: (request: RecordedRequest, index: number) => void
}

/** One request as the emulator received it, for tests to assert on. */
export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  call: CallKind | 'unknown'
  versionId?: string
  authorization?: string
  contentType?: string
  userAgent?: string
  body: string
  /** The status answered; `aborted` when the client went away before the request was read. */
  status: number | 'reset' | 'hang' | 'aborted'
  /** The fault injected into this request, if any. */
  fault?: Fault['kind']
  /** Set when the whole answer was sent (a client that gives up on a slow body leaves it unset). */
  completed?: boolean
  /** Milliseconds since the emulator started. */
  at: number
}
