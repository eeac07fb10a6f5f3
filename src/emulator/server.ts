/*
 * The emulator's HTTP server (see index.ts for the whole emulator): each request is recorded,
 * its fault (if any), the latency and the rate limit applied, its token checked, and then it
 * is handed to the handler of its endpoint (tokens.ts, handlers.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { Socket } from 'node:net'
import { DataActionIdSchema, type Environment } from '../payload.js'
import { FaultPlan } from './faults.js'
import { getVersion, listVersions, patch, upload } from './handlers.js'
import { Tenant, type SeedVersion, type VersionRecord } from './tenant.js'
import { issueToken } from './tokens.js'
import type { EmulatorOptions, IssuedToken, RecordedRequest } from './types.js'
import { applyFault, callOf, LIST_PATH, readBody, replier, VERSION_PATH } from './wire.js'

/** A local CXone on 127.0.0.1: start it, seed it, inject faults, read what it received. */

export class CxoneEmulator {
  readonly faults = new FaultPlan()
  readonly requests: RecordedRequest[] = []
  private readonly server: Server
  private readonly sockets = new Set<Socket>()
  private readonly tokens = new Map<string, IssuedToken>()
  private readonly tenant = new Tenant()
  private readonly timers = new Set<NodeJS.Timeout>()
  private readonly started = Date.now()
  private bucket: { tokens: number; at: number } | undefined
  private baseUrl = ''

  constructor(private readonly options: EmulatorOptions = {}) {
    for (const action of options.dataActions ?? []) {
      this.addDataAction(action.id)
      for (const version of action.versions ?? []) this.seed(action.id, version)
    }
    this.server = createServer((req, res) => {
      // A client that gives up mid-request must not bring the emulator down.
      res.on('error', () => undefined)
      this.handle(req, res).catch(() => res.destroy())
    })
    this.server.on('connection', socket => {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
    })
  }

  /** Starts listening on 127.0.0.1; resolves to the base URL. */
  async start(): Promise<string> {
    await new Promise<void>(resolve =>
      this.server.listen(this.options.port ?? 0, '127.0.0.1', resolve)
    )
    const { port } = this.server.address() as { port: number }
    this.baseUrl = `http://127.0.0.1:${port}`
    return this.baseUrl
  }

  get url(): string {
    return this.baseUrl
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer)
    for (const socket of this.sockets) socket.destroy()
    await new Promise(resolve => this.server.close(resolve))
  }

  addDataAction(id: string): void {
    this.tenant.addDataAction(id)
  }

  /** Stores a version directly (no request), live where `liveIn` says. */
  seed(dataActionId: string, version: SeedVersion): VersionRecord {
    return this.tenant.seed(dataActionId, version)
  }

  /** Every version of a data action, and what is live in each environment. */
  state(dataActionId: string): {
    versions: VersionRecord[]
    live: Record<Environment, string | null>
  } {
    return this.tenant.state(dataActionId)
  }

  /** The action code stored for a version (what the client uploaded). */
  codeOf(dataActionId: string, versionId: string): string | undefined {
    return this.tenant.codeOf(dataActionId, versionId)
  }

  /**
   * One request: recorded, its fault (if any) and the rate limit applied, then authorized and
   * routed to the handler of its endpoint.
   */
  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator')
    const record = recordOf(req, url, Date.now() - this.started)
    const index = this.requests.push(record) - 1
    res.on('finish', () => (record.completed = true))
    this.options.onRequest?.(record, index)
    const body = await readBody(req).catch(() => null)
    if (body === null) {
      record.status = 'aborted'
      return
    }
    record.body = body ?? ''
    const versionMatch = VERSION_PATH.exec(url.pathname)
    const listMatch = LIST_PATH.exec(url.pathname)
    record.call = callOf(req.method, url.pathname, versionMatch, listMatch, record.body)
    if (versionMatch?.[2]) record.versionId = decodeURIComponent(versionMatch[2])
    const fault = this.faults.take(record.call, record.versionId, index)
    if (fault) record.fault = fault.kind
    const { send, fail } = replier(res, record, fault)

    if (this.options.latencyMs) await this.sleep(this.options.latencyMs)
    if (fault?.kind === 'delay') await this.sleep(fault.ms)
    if (fault?.kind === 'gate') await fault.opened.catch(() => undefined)

    if (body === undefined) return fail(413, 'payload_too_large', 'body too large')
    const waitSeconds = this.rateLimited()
    if (waitSeconds !== undefined) {
      return send(
        429,
        { error: 'rate_limited', message: 'too many requests' },
        { 'retry-after': String(waitSeconds) }
      )
    }
    if (fault && applyFault(fault, record, res, send, this.tokens)) return

    if (record.call === 'token') {
      return issueToken(record.body, this.options, this.tokens, send, fail)
    }
    const token = this.authorize(req.headers.authorization)
    if (!token) return fail(401, 'invalid_token', 'the access token is missing, unknown or expired')
    const needs = req.method === 'GET' ? 'data-action:read' : 'data-action:write'
    if (!token.scopes.includes(needs)) {
      return fail(403, 'insufficient_scope', `this client lacks the ${needs} scope`)
    }

    const id = decodeURIComponent((versionMatch ?? listMatch)?.[1] ?? '')
    if (!versionMatch && !listMatch) return fail(404, 'not_found', `no route for ${url.pathname}`)
    if (!DataActionIdSchema.safeParse(id).success) {
      return fail(422, 'unprocessable', 'the data action id is not a UUID', [
        { field: 'dataActionId', message: 'expected a UUID' }
      ])
    }
    const versions = this.tenant.versionsOf(id)
    if (!versions) return fail(404, 'not_found', `unknown data action ${id}`)

    if (listMatch) {
      if (req.method !== 'GET') return fail(405, 'method_not_allowed', 'use GET')
      return listVersions(versions, url.searchParams, send)
    }

    const versionId = record.versionId ?? ''
    if (req.method === 'POST') return upload(id, versionId, versions, record.body, send, fail)
    const existing = versions.get(versionId)
    if (!existing) return fail(404, 'not_found', `unknown version ${versionId} of ${id}`)
    if (req.method === 'GET') return getVersion(existing, fault, send)
    if (req.method === 'PATCH') {
      const backend = { tenant: this.tenant, options: this.options, timers: this.timers }
      return patch(existing, versions, record.body, fault, send, fail, backend)
    }
    return fail(405, 'method_not_allowed', 'use GET, POST or PATCH')
  }

  private authorize(header: string | undefined): { scopes: string[] } | undefined {
    const token = header?.startsWith('Bearer ') ? header.slice(7) : undefined
    const entry = token === undefined ? undefined : this.tokens.get(token)
    if (!entry || entry.expiresAt <= Date.now()) return undefined
    return entry
  }

  /** Seconds to wait when the bucket is empty, else undefined (and a token is taken). */
  private rateLimited(): number | undefined {
    const limit = this.options.rateLimit
    if (!limit) return undefined
    const now = Date.now()
    const burst = limit.burst ?? limit.perSecond
    const bucket = (this.bucket ??= { tokens: burst, at: now })
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * limit.perSecond)
    bucket.at = now
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return undefined
    }
    return Math.ceil((1 - bucket.tokens) / limit.perSecond)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.timers.delete(timer)
        resolve()
      }, ms)
      this.timers.add(timer)
    })
  }
}

/** The record of a request as it arrives: its body, call and status are filled in later. */
function recordOf(req: IncomingMessage, url: URL, at: number): RecordedRequest {
  return {
    method: req.method ?? '',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    call: 'unknown',
    ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
    ...(req.headers['user-agent'] ? { userAgent: req.headers['user-agent'] } : {}),
    body: '',
    status: 0,
    at
  }
}
