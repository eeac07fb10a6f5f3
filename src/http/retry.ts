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

/**
 * A time (epoch ms) that can come earlier: a rollback's end of waits, which a cancellation
 * brings forward. `moved` aborts when it does, so a wait already under way wakes.
 */
export interface Deadline {
  at: () => number
  moved: AbortSignal
}

/** A deadline that never moves. */
export function fixedDeadline(at: number): Deadline {
  return { at: () => at, moved: new AbortController().signal }
}

/**
 * Waits `ms`, but not past `deadline`, even when it comes earlier during the wait: the caller
 * then still gets its last attempt at the new time, rather than `signal` cutting it off.
 */
export async function waitWithin(
  ms: number,
  deadline: Deadline,
  sleepFor: Sleep,
  signal?: AbortSignal
): Promise<void> {
  const wake = Date.now() + ms
  try {
    await sleepFor(ms, signal ? AbortSignal.any([signal, deadline.moved]) : deadline.moved)
  } catch (error) {
    if (signal?.aborted || !deadline.moved.aborted) throw error
    const left = Math.min(wake, deadline.at()) - Date.now()
    if (left > 0) await sleepFor(left, signal)
  }
}

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
  /** No wait may end after this time: the operation's own budget (a cancellation moves it). */
  until?: Deadline
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
      const left = policy.until === undefined ? Infinity : policy.until.at() - Date.now()
      if (left <= 0) throw error
      const delayMs = Math.min(left, decision.delayMs ?? backoffDelay(attempt, policy.backoff))
      if (!free) attempt++
      policy.onRetry?.({ label, attempt, attempts: policy.attempts, delayMs, free, error })
      const sleepFor = policy.sleep ?? sleep
      await (policy.until
        ? waitWithin(delayMs, policy.until, sleepFor, policy.signal)
        : sleepFor(delayMs, policy.signal))
    }
  }
}
