/**
 * A signal that aborts after `ms` (with a TimeoutError, as AbortSignal.timeout's does), or as
 * soon as `parent` aborts (with its reason). `clear()` stops its timer.
 *
 * Not AbortSignal.timeout: on node 20, one held only by AbortSignal.any is collected, and its
 * timer with it; measured: such a deadline never fired after a collection (node 24 keeps it).
 */
export function deadline(ms: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController()
  const expire = (): void =>
    controller.abort(new DOMException('The operation timed out.', 'TimeoutError'))
  let end = Date.now() + ms
  let timer = setTimeout(expire, ms)
  const onAbort = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) onAbort()
  parent?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    get end() {
      return end
    },
    endBy: (when: number) => {
      if (when >= end) return
      end = when
      clearTimeout(timer)
      timer = setTimeout(expire, Math.max(0, when - Date.now()))
    },
    clear: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onAbort)
    }
  }
}

export interface Deadline {
  signal: AbortSignal
  /** When it aborts (epoch ms), unless cleared. */
  readonly end: number
  /** Brings the end forward to `when` (epoch ms); a later time changes nothing. */
  endBy: (when: number) => void
  clear: () => void
}
