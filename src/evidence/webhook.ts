import { randomUUID } from 'node:crypto'
import { ActionError, errorMessage } from '../errors.js'
import { sleep as realSleep, withRetries, type Sleep } from '../http/retry.js'
import type { WebhookPayload } from './run-record-schema.js'
import { Exchanges } from '../http/transport.js'
import { signature, webhookKey } from './webhook-signature.js'

export interface WebhookOptions {
  url: string
  /** Signs the request when given. */
  secret?: string
  /** Whole budget, retries included. */
  budgetMs?: number
  sleep?: Sleep
}

const ATTEMPT_TIMEOUT_MS = 4_000
const BACKOFF = { baseMs: 500, maxMs: 1_500 }

/** A transient answer worth one more try. */
class RetryableWebhookError extends ActionError {}

/**
 * POSTs the payload once, retrying 429 and 5xx briefly within the budget (15 s). Throws on
 * failure: the caller turns that into a warning, never a failed step.
 */
export async function postWebhook(
  payload: WebhookPayload,
  options: WebhookOptions
): Promise<number> {
  const body = JSON.stringify(payload)
  const id = `msg_${randomUUID()}`
  const key = options.secret ? webhookKey(options.secret) : undefined
  const budgetMs = options.budgetMs ?? 15_000
  const deadline = Date.now() + budgetMs
  const attemptMs = Math.min(ATTEMPT_TIMEOUT_MS, budgetMs)
  // One deadline over each attempt, and a bounded body: a receiver cannot hold the run.
  const http = new Exchanges(attemptMs)
  try {
    return await withRetries(
      'webhook',
      async () => {
        // Each attempt is signed afresh, so a receiver's replay window holds for retries too.
        const timestamp = Math.floor(Date.now() / 1000)
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          'webhook-id': id,
          'webhook-timestamp': String(timestamp)
        }
        if (key) headers['webhook-signature'] = signature(key, id, timestamp, body)
        let status: number
        try {
          status = (await http.send('POST', options.url, body, headers)).status
        } catch (error) {
          throw new RetryableWebhookError(
            `the webhook could not be reached: ${errorMessage(error)}`
          )
        }
        if (status >= 200 && status < 300) return status
        const message = `the webhook answered ${status}`
        if (status === 429 || status >= 500) throw new RetryableWebhookError(message)
        throw new ActionError(message)
      },
      {
        attempts: 3,
        backoff: BACKOFF,
        sleep: options.sleep ?? realSleep,
        // Another try only if a full wait and a full attempt still fit in the budget.
        classify: error =>
          error instanceof RetryableWebhookError &&
          Date.now() + BACKOFF.maxMs + attemptMs <= deadline
            ? { retry: true }
            : { retry: false }
      }
    )
  } finally {
    http.dispose()
  }
}
