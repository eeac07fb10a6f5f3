/**
 * Node exits when its event loop has nothing left to do, even while a promise the run awaits
 * is still pending: then nothing can ever settle it (a bug: a wait no timer, socket or child
 * process will end). Without this guard the step would end there, half done, with no
 * result, no rollback and exit code 0 (node 20) or 13 (node 24). With it, 'beforeExit' finds
 * the innermost pending guarded work (the one guarded last: a publish inside the run) and
 * runs its rescue instead, which keeps the process alive until the rescue has settled the
 * work's promise (rolled back what was begun, and said why). If a rescue stalls too, the
 * next guard out is rescued.
 */

interface Guarded {
  rescued: boolean
  rescue: () => void
}

const pending: Guarded[] = []

function onBeforeExit(): void {
  const innermost = pending.findLast(work => !work.rescued)
  innermost?.rescue()
}

/** `work`'s outcome; or, if the event loop drains while it is pending, `rescue()`'s. */
export function settleOnDrain<T>(work: Promise<T>, rescue: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const leave = (): void => {
      pending.splice(pending.indexOf(guarded), 1)
      if (pending.length === 0) process.off('beforeExit', onBeforeExit)
    }
    const guarded: Guarded = {
      rescued: false,
      rescue: () => {
        guarded.rescued = true
        rescue().then(resolve, reject).finally(leave)
      }
    }
    if (pending.push(guarded) === 1) process.on('beforeExit', onBeforeExit)
    work.then(
      value => {
        if (guarded.rescued) return
        leave()
        resolve(value)
      },
      (error: unknown) => {
        if (guarded.rescued) return
        leave()
        reject(error as Error)
      }
    )
  })
}

/** What a rescue says happened. */
export const STALLED =
  'the run stopped before it finished: it was waiting for something that could no longer happen (a bug in the action)'
