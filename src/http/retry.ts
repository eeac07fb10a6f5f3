/** Waits; tests replace it so retries cost no time. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(signal?.reason as Error)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })

export interface Backoff {
  /** First delay before jitter. */
  baseMs: number
  /** Largest delay before jitter. */
  maxMs: number
  random?: () => number
}

/** Exponential backoff with full jitter: a uniform wait in [0, min(max, base·2^attempt)). */
export function backoffDelay(attempt: number, backoff: Backoff): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempt)
  return Math.floor((backoff.random ?? Math.random)() * ceiling)
}

/**
 * `Retry-After` in seconds or as an HTTP date, in milliseconds from `now`, capped; undefined
 * when absent or unreadable (the caller then backs off on its own).
 */
export function retryAfterMs(
  header: string | undefined,
  capMs: number,
  now = Date.now()
): number | undefined {
  if (header === undefined || header.trim() === '') return undefined
  const value = header.trim()
  const seconds = /^\d+(\.\d+)?$/.test(value) ? Number(value) * 1000 : Date.parse(value) - now
  if (Number.isNaN(seconds)) return undefined
  return Math.min(capMs, Math.max(0, Math.ceil(seconds)))
}

/** What to do after a failed attempt. */
export type RetryDecision =
  | { retry: false }
  /** `free`: the wait does not use up an attempt (its own budget bounds it). */
  | { retry: true; delayMs?: number; free?: boolean }

export interface RetryPolicy {
  /** Attempts in all, the first included (Infinity: until `until`). */
  attempts: number
  /**
   * No wait may end after this time (epoch ms): the operation's own budget. Read before each
   * wait, since a cancellation can bring it forward.
   */
  until?: () => number
  backoff: Backoff
  classify: (error: unknown) => RetryDecision
  sleep?: Sleep
  signal?: AbortSignal
  /** Told before each wait: `attempt` is the number of the attempt that follows it. */
  onRetry?: (info: {
    label: string
    attempt: number
    attempts: number
    delayMs: number
    free: boolean
    error: unknown
  }) => void
}

/** Runs `operation` until it succeeds, a failure is final, or the attempts or time are spent. */
export async function withRetries<T>(
  label: string,
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy
): Promise<T> {
  let attempt = 1
  for (let tries = 0; ; tries++) {
    try {
      return await operation(tries)
    } catch (error) {
      const decision = policy.classify(error)
      if (!decision.retry) throw error
      const free = decision.free ?? false
      if (!free && attempt >= policy.attempts) throw error
      // Within a budget, the last wait ends at its end, for one last attempt.
      const left = policy.until === undefined ? Infinity : policy.until() - Date.now()
      if (left <= 0) throw error
      const delayMs = Math.min(left, decision.delayMs ?? backoffDelay(attempt, policy.backoff))
      if (!free) attempt++
      policy.onRetry?.({ label, attempt, attempts: policy.attempts, delayMs, free, error })
      await (policy.sleep ?? sleep)(delayMs, policy.signal)
    }
  }
}
