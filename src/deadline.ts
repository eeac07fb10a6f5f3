/**
 * A signal that aborts after `ms` (with a TimeoutError, as AbortSignal.timeout's does), or as
 * soon as `parent` aborts (with its reason). `clear()` stops its timer.
 *
 * Not AbortSignal.timeout: on node 20, one held only by AbortSignal.any is collected, and its
 * timer with it; measured: such a deadline never fired after a collection (node 24 keeps it).
 */
export function deadline(
  ms: number,
  parent?: AbortSignal
): { signal: AbortSignal; clear: () => void } {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')),
    ms
  )
  const onAbort = (): void => controller.abort(parent?.reason)
  if (parent?.aborted) onAbort()
  parent?.addEventListener('abort', onAbort, { once: true })
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer)
      parent?.removeEventListener('abort', onAbort)
    }
  }
}
