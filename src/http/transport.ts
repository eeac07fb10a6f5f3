import { HttpClient } from '@actions/http-client'
import type { IncomingHttpHeaders } from 'node:http'
import { deadline } from './deadline.js'
import { errorMessage } from '../errors.js'

/** Most bytes of an answer read from CXone (its answers are a few KB); a longer one is cut off. */
export const MAX_ANSWER_BYTES = 4 * 1024 * 1024

/** An answer read whole. */
export interface Answer {
  status: number
  headers: IncomingHttpHeaders
  body: string
}

/** No complete answer came back: the connection failed or was cut, the deadline passed, or the body was too large. */
export class NoAnswerError extends Error {
  /** The request never left: the connection was refused, or its host not found. */
  constructor(
    message: string,
    readonly unsent = false
  ) {
    super(message)
  }
}

/** Connection failures that come before a byte of the request is written. */
const UNSENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL'
])

/**
 * HTTP exchanges with one deadline over all of each (connect, headers and the whole body) and
 * a capped body read in linear time. Requests and proxies are @actions/http-client's; the body
 * is read here, since its readBody() waits forever on a body cut mid-stream, can be neither
 * aborted nor capped, and copies the whole buffer per chunk.
 */
export class Exchanges {
  private readonly http: HttpClient
  /** The signal of the request being built (handed over synchronously, see send). */
  private handingOver?: { signal: AbortSignal; taken: boolean }

  constructor(private readonly timeoutMs: number) {
    // Redirects off: a redirect to another host would carry the token there.
    this.http = new HttpClient(
      'cxone-publish-action',
      [
        {
          // Runs as the request is built: it gets this exchange's signal, which destroys it.
          prepareRequest: options => {
            if (!this.handingOver) return
            options.signal = this.handingOver.signal
            this.handingOver.taken = true
          },
          canHandleAuthentication: () => false,
          handleAuthentication: () => Promise.reject(new Error('not supported'))
        }
      ],
      { allowRetries: false, allowRedirects: false, keepAlive: true, socketTimeout: timeoutMs }
    )
  }

  /**
   * Sends one request and reads its answer whole, or fails with a NoAnswerError within the
   * deadline. `signal` stops it sooner; its reason is what is thrown then.
   */
  async send(
    method: string,
    url: string,
    data: string | null,
    headers: Record<string, string>,
    signal?: AbortSignal
  ): Promise<Answer> {
    const { signal: stop, clear } = deadline(this.timeoutMs, signal)
    let received: number | undefined
    try {
      // http-client builds the request (and calls prepareRequest) before request() first
      // awaits, so the signal is handed over synchronously, and checked to have been taken.
      const handingOver = (this.handingOver = { signal: stop, taken: false })
      const request = this.http.request(method, url, data, headers)
      this.handingOver = undefined
      const res = await request
      if (!handingOver.taken) {
        res.message.destroy()
        throw new Error('@actions/http-client no longer takes the request deadline')
      }
      received = 0
      const chunks: Buffer[] = []
      const message = res.message
      const destroy = (): void => void message.destroy(stop.reason as Error)
      stop.addEventListener('abort', destroy, { once: true })
      try {
        for await (const chunk of message as AsyncIterable<Buffer>) {
          received += chunk.length
          if (received > MAX_ANSWER_BYTES) {
            message.destroy()
            throw new NoAnswerError(
              `the answer is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; not read further`
            )
          }
          chunks.push(chunk)
        }
      } finally {
        stop.removeEventListener('abort', destroy)
      }
      return {
        status: res.message.statusCode ?? 0,
        headers: res.message.headers,
        body: Buffer.concat(chunks, received).toString('utf8')
      }
    } catch (error) {
      if (error instanceof NoAnswerError) throw error
      if (signal?.aborted) throw signal.reason
      if (stop.aborted) {
        throw new NoAnswerError(
          `no complete answer within ${this.timeoutMs} ms (request-timeout-ms)`
        )
      }
      if (received !== undefined) {
        throw new NoAnswerError(
          `the connection closed before the whole answer arrived (after ${received} bytes of its body)`
        )
      }
      throw new NoAnswerError(connectionFailure(error), neverSent(error))
    } finally {
      clear()
    }
  }

  dispose(): void {
    this.http.dispose()
  }
}

/** Whether a failure proves the request never left (every address tried refused, say). */
function neverSent(error: unknown): boolean {
  const { code, errors } = error as { code?: unknown; errors?: unknown }
  if (Array.isArray(errors) && errors.length > 0) return errors.every(neverSent)
  return typeof code === 'string' && UNSENT_CODES.has(code)
}

/** A connection error in words; node's AggregateError (several addresses tried) has no message. */
function connectionFailure(error: unknown): string {
  const { message, code, syscall } = error as { message?: string; code?: string; syscall?: string }
  if (message) return message
  return code ? `${syscall ?? 'connect'} ${code}` : errorMessage(error)
}
