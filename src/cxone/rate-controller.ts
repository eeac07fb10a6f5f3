import { sleep as realSleep, type Sleep } from '../http/retry.js'

export interface RateControllerOptions {
  /** Most requests in flight at once. */
  maxInFlight: number
  sleep?: Sleep
  now?: () => number
}

/**
 * One controller for every request a release sends to a host: it keeps at most `maxInFlight`
 * requests in flight and paces them at a rate it learns. A 429 pauses everyone for its
 * Retry-After, halves the window, and sets the rate just under what the server let through
 * in the last second; each second without a 429 raises both again (additive increase,
 * multiplicative decrease). So a release never turns into a 429 storm, and no request
 * spends its retries because its neighbours were greedy.
 */
export class RateController {
  /** Requests per second; unlimited until the first 429. */
  private rate = Number.POSITIVE_INFINITY
  private window: number
  private inFlight = 0
  private nextSendAt = 0
  private pausedUntil = 0
  private lastDecreaseAt = Number.NEGATIVE_INFINITY
  private lastIncreaseAt: number
  private readonly successes: number[] = []
  /** Requests waiting for a slot, first come first served; each is handed its slot. */
  private readonly waiting: Array<() => void> = []
  private readonly now: () => number
  private readonly sleep: Sleep

  constructor(private readonly options: RateControllerOptions) {
    this.window = Math.max(1, options.maxInFlight)
    this.now = options.now ?? (() => performance.now())
    this.sleep = options.sleep ?? realSleep
    this.lastIncreaseAt = this.now()
  }

  /**
   * Waits for a slot in the window, the end of any pause, and the request's turn in the pace.
   * An abort ends the wait at once, and a request that gives up never keeps a slot.
   */
  async acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted()
    if (this.inFlight < this.window && this.waiting.length === 0) this.inFlight++
    else await this.queue(signal)
    // From here this request holds a slot: every way out frees it.
    try {
      signal?.throwIfAborted()
      for (;;) {
        const now = this.now()
        const at = Math.max(now, this.pausedUntil, this.nextSendAt)
        if (at <= now) break
        await this.sleep(at - now, signal)
        // A 429 may have moved the pause while this request slept: look again.
        if (this.now() >= Math.max(this.pausedUntil, this.nextSendAt)) break
      }
      if (Number.isFinite(this.rate)) {
        this.nextSendAt = Math.max(this.now(), this.nextSendAt) + 1000 / this.rate
      }
    } catch (error) {
      this.free()
      throw error
    }
  }

  /**
   * Ends a request acquired before: `ok` when answered, `error` when it got no answer, or
   * `{ retryAfterMs }` when it was answered 429.
   */
  release(outcome: 'ok' | 'error' | { retryAfterMs: number | undefined }): void {
    const now = this.now()
    this.free()
    if (outcome === 'error') return
    if (outcome !== 'ok') {
      this.pausedUntil = Math.max(this.pausedUntil, now + (outcome.retryAfterMs ?? 1000))
      // The 429s of one burst come together: decrease once for them.
      if (now - this.lastDecreaseAt > 1000) {
        this.lastDecreaseAt = now
        const letThrough = this.successesSince(now - 1000)
        this.rate = Math.max(1, Math.min(this.rate, letThrough) * 0.9)
        this.window = Math.max(1, Math.floor(this.window / 2))
      }
      this.lastIncreaseAt = now
      return
    }
    this.successes.push(now)
    if (now - this.lastIncreaseAt >= 1000) {
      this.lastIncreaseAt = now
      if (Number.isFinite(this.rate)) this.rate += Math.max(1, this.rate * 0.05)
      this.window = Math.min(this.options.maxInFlight, this.window + 1)
      this.grant()
    }
  }

  /** The pace now, for logs: requests per second (Infinity before any 429). */
  get requestsPerSecond(): number {
    return this.rate
  }

  /** Waits in line until `grant` hands this request a slot, or until `signal` aborts. */
  private queue(signal: AbortSignal | undefined): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(granted)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(signal?.reason as Error)
      }
      const granted = (): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }
      this.waiting.push(granted)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  private free(): void {
    this.inFlight--
    this.grant()
  }

  /** Hands free slots to waiting requests, counted as in flight from the moment they get them. */
  private grant(): void {
    while (this.inFlight < this.window && this.waiting.length > 0) {
      this.inFlight++
      this.waiting.shift()?.()
    }
  }

  private successesSince(since: number): number {
    while (this.successes.length > 0 && (this.successes[0] ?? 0) < since) this.successes.shift()
    return this.successes.length
  }
}
