/* The emulator's wire: its paths, reading a request's body, writing an answer as faults bend it. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { CallKind, Fault } from './faults.js'
import type { Fail, IssuedToken, RecordedRequest, Send } from './types.js'

export const VERSION_PATH = /^\/api\/v2\/studio\/data-actions\/([^/]+)\/versions\/([^/]+)$/
export const LIST_PATH = /^\/api\/v2\/studio\/data-actions\/([^/]+)\/versions$/
const MAX_BODY_BYTES = 16 * 1024 * 1024

/** Answers as the fault says instead of carrying the call out; false for the other faults. */
export function applyFault(
  fault: Fault,
  record: RecordedRequest,
  res: ServerResponse,
  send: Send,
  tokens: Map<string, IssuedToken>
): boolean {
  switch (fault.kind) {
    case 'status': {
      const headers: Record<string, string> = {
        ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
        ...(fault.location ? { location: fault.location } : {})
      }
      record.status = fault.status
      if (fault.body === 'html') {
        res.writeHead(fault.status, { 'content-type': 'text/html', ...headers })
        res.end(`<html><body><h1>${fault.status} Bad Gateway</h1>proxy error</body></html>`)
      } else if (fault.body === 'empty') {
        res.writeHead(fault.status, headers)
        res.end()
      } else {
        send(
          fault.status,
          { error: fault.error ?? 'injected', message: `injected ${fault.status}` },
          headers
        )
      }
      return true
    }
    case 'reset':
      record.status = 'reset'
      res.socket?.destroy()
      return true
    case 'hang':
      record.status = 'hang'
      return true
    case 'revoke-token':
      tokens.clear()
      send(401, { error: 'invalid_token', message: 'the access token was revoked' })
      return true
    default:
      return false
  }
}

/** `send` and `fail` for one request: each records the status, then answers as the fault says. */
export function replier(
  res: ServerResponse,
  record: RecordedRequest,
  fault: Fault | undefined
): { send: Send; fail: Fail } {
  const send: Send = (status, payload, headers = {}) => {
    record.status = fault?.kind === 'gateway' ? fault.status : status
    const text = payload === undefined ? '' : JSON.stringify(payload)
    answer(
      res,
      status,
      text,
      {
        ...(text ? { 'content-type': 'application/json' } : {}),
        ...headers
      },
      fault
    )
  }
  const fail: Fail = (status, error, message, details) =>
    send(status, { error, message, ...(details ? { details } : {}) })
  return { send, fail }
}

export function callOf(
  method: string | undefined,
  path: string,
  version: RegExpExecArray | null,
  list: RegExpExecArray | null,
  body: string
): CallKind | 'unknown' {
  if (path === '/oauth/token' && method === 'POST') return 'token'
  if (list && method === 'GET') return 'list'
  if (!version) return 'unknown'
  if (method === 'GET') return 'get'
  if (method === 'POST') return 'upload'
  if (method === 'PATCH') {
    return (parseJson(body) as { published?: unknown } | undefined)?.published === false
      ? 'unpublish'
      : 'publish'
  }
  return 'unknown'
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Writes an answer, as the fault (if any) says: whole, cut halfway through its body, a byte at
 * a time, or padded to a huge size. The headers always announce the whole body.
 */
function answer(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string>,
  fault: Fault | undefined
): void {
  if (fault?.kind === 'gateway') {
    res.writeHead(fault.status, { 'content-type': 'text/html' })
    res.end(`<html><body><h1>${fault.status}</h1>no answer from upstream in time</body></html>`)
    return
  }
  const bytes = Buffer.from(text)
  const length = fault?.kind === 'huge' ? Math.max(bytes.length, fault.bytes) : bytes.length
  res.writeHead(status, { ...headers, 'content-length': String(length) })
  switch (fault?.kind) {
    case 'cut':
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy())
      return
    case 'trickle': {
      let sent = 0
      const timer = setInterval(() => {
        const byte = bytes.subarray(sent, ++sent)
        if (sent < bytes.length) res.write(byte)
        else res.end(byte)
      }, fault.everyMs)
      res.on('close', () => clearInterval(timer))
      return
    }
    case 'huge': {
      // Streamed as the client reads, so the emulator never holds the whole body.
      const pad = Buffer.alloc(64 * 1024, ' ')
      let left = length - bytes.length
      const more = (): void => {
        while (left > 0 && !res.destroyed) {
          const chunk = pad.subarray(0, Math.min(pad.length, left))
          left -= chunk.length
          if (!res.write(chunk)) return void res.once('drain', more)
        }
        if (!res.destroyed) res.end()
      }
      res.write(bytes)
      more()
      return
    }
    default:
      res.end(bytes)
  }
}

export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
