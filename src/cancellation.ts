import { ActionError } from './errors.js'

/** The job was cancelled (SIGINT, then SIGTERM, from the runner). */
export class CancelledError extends ActionError {
  /** When (epoch ms): the runner kills the process 10 s after it sends SIGINT. */
  readonly at = Date.now()

  constructor() {
    super('the job was cancelled')
  }
}

export interface Cancellation {
  signal: AbortSignal
  dispose: () => void
}

/**
 * Listens for the runner's SIGINT and SIGTERM from the moment it is called (the entry point
 * calls it first thing: a signal with no listener would end the process with no result).
 * The first aborts `signal`; the work then stops and restores what was live before.
 */
export function watchCancellation(): Cancellation {
  const controller = new AbortController()
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    // Imported here, not with this module: the entry point listens before anything else loads.
    // A warning that cannot be written must not become an unhandled rejection mid-rollback.
    void import('./workflow.js')
      .then(({ warning }) =>
        warning(
          `Received ${signal}: stopping, and restoring what was live before if anything changed.`
        )
      )
      .catch(() => undefined)
    controller.abort(new CancelledError())
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
}
