import { errorMessage } from '../errors.js'

/** One step of a run, as the summary, webhook and audit log show it. */
export interface Phase {
  name: string
  durationMs: number
  ok: boolean
  detail: string
}

/** Times named steps, logs each outcome once, and keeps them in order. */
export class Phases {
  readonly list: Phase[] = []

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** Runs `fn` as phase `name`; `detail` says what it found. Failures are recorded and rethrown. */
  async run<T>(name: string, fn: () => Promise<T>, detail: (value: T) => string): Promise<T> {
    const started = performance.now()
    const finish = (ok: boolean, said: string): void => {
      this.list.push({
        name,
        ok,
        durationMs: Math.round(performance.now() - started),
        detail: said
      })
      this.log(ok ? `${name}: ${said}` : `${name} failed: ${said}`)
    }
    try {
      const value = await fn()
      finish(true, detail(value))
      return value
    } catch (error) {
      finish(false, describeFailure(error))
      throw error
    }
  }

  /** Records a step timed elsewhere (validation). */
  add(phase: Phase): void {
    this.list.push(phase)
  }

  get last(): Phase | undefined {
    return this.list.at(-1)
  }
}

/** A failure in words; a deadline's abort is not a stack of DOMException text. */
export function describeFailure(error: unknown): string {
  if (error instanceof DOMException && error.name === 'TimeoutError') return 'its deadline passed'
  return errorMessage(error)
}
