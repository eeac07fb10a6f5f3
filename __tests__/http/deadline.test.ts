import { deadline } from '../../src/http/deadline.js'

/** gc() is there because the test script runs jest with --expose-gc. */
const collect = (globalThis as { gc?: () => void }).gc

test('a deadline aborts with a TimeoutError, even when only its listener holds it and memory is collected', async () => {
  let reason: unknown
  // Held by nothing but the listener, as a signal passed down into a request is.
  deadline(100).signal.addEventListener('abort', event => {
    reason = (event.target as AbortSignal).reason
  })
  collect?.()
  await new Promise(resolve => setTimeout(resolve, 50))
  collect?.()
  await new Promise(resolve => setTimeout(resolve, 200))
  expect(collect).toBeDefined()
  expect(reason).toMatchObject({ name: 'TimeoutError' })
})

test("a deadline aborts with its parent's reason, and clear() stops its timer", async () => {
  const parent = new AbortController()
  const { signal, clear } = deadline(60_000, parent.signal)
  parent.abort(new Error('cancelled'))
  expect(signal.reason).toEqual(new Error('cancelled'))
  const quiet = deadline(50)
  quiet.clear()
  await new Promise(resolve => setTimeout(resolve, 100))
  expect(quiet.signal.aborted).toBe(false)
  clear()
})
