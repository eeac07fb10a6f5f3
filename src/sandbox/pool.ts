import { availableParallelism } from 'node:os'
import { Sandbox, type Evaluator, type SandboxReport } from './sandbox.js'

/**
 * Children of one pool: each may reach SANDBOX_RSS_MB (plus what it allocates between two
 * looks of the watchdog) while the action itself holds ~100 MB; two keep it all under 1 GB
 * whatever the files do and however many cores the runner has.
 */
const MAX_CHILDREN = 2

/**
 * Several sandbox children sharing a queue of files (the members of one release, which come
 * from one commit: sharing a child crosses no trust boundary). A child that was killed, or has
 * served its share, is replaced for the files still to come.
 */
export class SandboxPool implements Evaluator {
  private readonly idle: Sandbox[] = []
  private readonly waiting: Array<(sandbox: Sandbox) => void> = []
  private started = 0
  private disposed = false

  constructor(
    private readonly size: number,
    first?: Sandbox
  ) {
    if (first) {
      this.idle.push(first)
      this.started = 1
    }
  }

  async evaluate(
    code: string,
    filename: string,
    timeoutMs: number,
    signal?: AbortSignal
  ): Promise<SandboxReport> {
    const sandbox = await this.take(signal)
    try {
      return await sandbox.evaluate(code, filename, timeoutMs, signal)
    } finally {
      this.give(sandbox)
    }
  }

  dispose(): void {
    this.disposed = true
    for (const sandbox of this.idle.splice(0)) sandbox.dispose()
  }

  private take(signal?: AbortSignal): Promise<Sandbox> {
    signal?.throwIfAborted()
    const ready = this.idle.pop()
    if (ready) return Promise.resolve(ready)
    if (this.started < this.size) {
      this.started++
      return Promise.resolve(Sandbox.start())
    }
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        const at = this.waiting.indexOf(waiter)
        if (at >= 0) this.waiting.splice(at, 1)
        reject(signal?.reason)
      }
      const waiter = (sandbox: Sandbox): void => {
        signal?.removeEventListener('abort', onAbort)
        resolve(sandbox)
      }
      this.waiting.push(waiter)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  private give(sandbox: Sandbox): void {
    if (this.disposed) return sandbox.dispose()
    let next: Sandbox | undefined = sandbox
    if (!sandbox.usable) {
      // Replaced only when a file is waiting; else take() starts one when one comes.
      sandbox.dispose()
      this.started--
      next = undefined
    }
    const waiter = this.waiting.shift()
    if (!waiter) {
      if (next) this.idle.push(next)
      return
    }
    if (!next) this.started++
    waiter(next ?? Sandbox.start())
  }
}

/** How many children a pool of this machine runs. */
export function sandboxChildren(): number {
  return Math.max(1, Math.min(availableParallelism(), MAX_CHILDREN))
}
