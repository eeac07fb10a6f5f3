import type { CxoneEmulator } from '../../src/emulator/index.js'
import { publishVersion } from '../../src/cxone/publisher.js'
import { sleep } from '../../src/http/retry.js'
import { clientFor, startEmulator } from '../emulated.js'
import { callsOf, liveOf, promotion, settings } from './publish-setup.js'

/**
 * A publish PATCH whose answer never came from CXone (lost, or a gateway's 502/504): CXone
 * may have carried it out, or may yet (docs/transaction.md, Limits).
 */
let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})

const calls = () => callsOf(emulator)
const live = () => liveOf(emulator)

describe('a publish PATCH that got no answer', () => {
  // CXone may still carry it out after the rollback has read (docs/transaction.md, Limits).
  test('the rollback says the publish may still land; an answered failure does not', async () => {
    emulator = await startEmulator()
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'delay', ms: 2500 } })
    const { client } = clientFor(emulator, { requestTimeoutMs: 1000, maxAttempts: 1, sleep })
    const unanswered = await publishVersion(client, promotion(), settings)
    expect(unanswered).toMatchObject({
      result: 'rolled-back',
      rollback: {
        verified: true,
        mayStillLand: true,
        detail: expect.stringContaining(
          'the publish of v2 got no answer: should CXone still carry it out, v2 goes live unverified'
        )
      }
    })
    await emulator.stop()

    emulator = await startEmulator()
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
    const answered = await publishVersion(clientFor(emulator).client, promotion(), settings)
    expect(answered.result).toBe('rolled-back')
    expect(answered.rollback?.detail).not.toContain('no answer')
    expect(answered.rollback?.mayStillLand).toBeUndefined()
  })

  test('a lost attempt then an answered retry: the lost one may still land, and it is said', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'delay', ms: 2500 }
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      fault: { kind: 'status', status: 503 }
    })
    const { client } = clientFor(emulator, { requestTimeoutMs: 1000, maxAttempts: 2, sleep })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('rolled-back')
    expect(outcome.rollback?.detail).toContain('the publish of v2 got no answer')
  })

  // A gateway's 502 or 504 stands between the client and CXone's answer: CXone may have
  // carried the PATCH out, or may yet.
  test.each([502, 504])(
    'a gateway answering %i after CXone carried the publish out: read back, it counts',
    async status => {
      emulator = await startEmulator()
      emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'gateway', status } })
      const { client } = clientFor(emulator, { sleep })
      const outcome = await publishVersion(client, promotion(), settings)
      expect(outcome.result).toBe('published')
      expect(live()).toBe('v2')
      expect(calls()).toContain(`publish v2 ${status}`)
      expect(calls().filter(call => call.startsWith('publish v2'))).toHaveLength(1)
    }
  )

  test.each([502, 504])(
    'a gateway answering %i to every attempt: the rollback says the publish may still land',
    async status => {
      emulator = await startEmulator()
      emulator.faults.add({
        call: 'publish',
        versionId: 'v2',
        fault: { kind: 'status', status, body: 'html' }
      })
      const { client } = clientFor(emulator, { maxAttempts: 2, sleep })
      const outcome = await publishVersion(client, promotion(), settings)
      expect(outcome).toMatchObject({
        result: 'rolled-back',
        rollback: { verified: true },
        finalLive: 'v1'
      })
      expect(outcome.rollback?.detail).toContain('the publish of v2 got no answer')
    }
  )
})

describe('a cancellation', () => {
  test('while the PATCH hangs: it went out with no answer, and the rollback says so', async () => {
    emulator = await startEmulator()
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'hang' } })
    const { client } = clientFor(emulator, { requestTimeoutMs: 30_000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 300)
    const outcome = await publishVersion(client, promotion(), {
      ...settings,
      cancel: cancel.signal,
      cancelRestoreMs: 3000
    })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      rollback: { verified: true, mayStillLand: true },
      finalLive: 'v1'
    })
    expect(outcome.rollback?.detail).toContain('the publish of v2 got no answer')
  })

  test('in the wait after an answered 503: nothing is outstanding, and nothing is said', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'status', status: 503, retryAfter: '20' }
    })
    const { client } = clientFor(emulator, { sleep })
    const cancel = new AbortController()
    const running = publishVersion(client, promotion(), {
      ...settings,
      publishTimeoutMs: 30_000,
      cancel: cancel.signal,
      cancelRestoreMs: 3000
    })
    while (!calls().includes('publish v2 503')) await sleep(10)
    cancel.abort()
    const outcome = await running
    expect(outcome).toMatchObject({ result: 'rolled-back', finalLive: 'v1' })
    expect(outcome.rollback?.mayStillLand).toBeUndefined()
    expect(outcome.rollback?.detail).not.toContain('no answer')
    expect(calls().filter(call => call.startsWith('publish v2'))).toEqual(['publish v2 503'])
  })
})
