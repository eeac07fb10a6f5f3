import { jest } from '@jest/globals'
import { CxoneEmulator } from '../src/emulator/index.js'
import { publishVersion } from '../src/cxone/publisher.js'
import { clientFor, startEmulator } from './emulated.js'
import { callsOf, liveOf, promotion, settings } from './cxone/publish-setup.js'

/*
 * Fault probe of the read-back after a PATCH with no answer (requests.ts): the PATCH's own
 * failure decides its retries, and the read-back is one attempt inside them.
 */
jest.setTimeout(30_000)
let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})
const live = () => liveOf(emulator)
const calls = () => callsOf(emulator)

describe("the PATCH's own failure decides its retries, not its read-back's", () => {
  test('under a release controller, a 502 PATCH whose read-back meets 429s gets no free retries', async () => {
    emulator = await startEmulator()
    const { RateController } = await import('../src/cxone/rate-controller.js')
    let t = 0
    const rate = new RateController({
      maxInFlight: 4,
      now: () => t,
      sleep: async ms => void (t += ms)
    })
    // Every publish attempt: a gateway 502 (not carried out). The read-backs: 31 × 429 each
    // (enough to end each read-back), for 5 read-backs.
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      fault: { kind: 'status', status: 502, body: 'html' }
    })
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      times: 31 * 5,
      fault: { kind: 'status', status: 429, retryAfter: '0' }
    })
    const { client } = clientFor(emulator, { maxAttempts: 2, sleep: async () => undefined, rate })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('rolled-back')
    expect(live()).toBe('v1')
    // max-retries 2: two PATCHes, each read back once (a 502 is no 429).
    expect(calls().filter(c => c.startsWith('publish v2'))).toEqual([
      'publish v2 502',
      'publish v2 502'
    ])
    expect(calls().filter(c => c.startsWith('get v2'))).toEqual(['get v2 429', 'get v2 429'])
  })

  test('single publish: a 502 storm on the PATCH and its read-backs; requests and the cause', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      fault: { kind: 'status', status: 502, body: 'html' }
    })
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'status', status: 502, body: 'html' }
    })
    const { client } = clientFor(emulator, {
      maxAttempts: 3,
      sleep: async () => undefined
    })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(live()).toBe('v1')
    // The cause names the publish, not its read-back.
    expect(outcome.cause).toMatch(/^publishing version v2 .* PATCH .* answered 502/)
    expect(calls().filter(c => c.startsWith('publish v2'))).toHaveLength(3)
    expect(calls().filter(c => c.startsWith('get v2'))).toHaveLength(3)
  })
})

describe('L: a token 502 inside a PATCH attempt (the PATCH never went out)', () => {
  test('answered 401, the token fetch 502s: read back, no no-answer warning', async () => {
    emulator = await startEmulator()
    // Every publish: revoke tokens and answer 401 (answered, not carried out); the first
    // re-fetch of the token: a gateway 502.
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'revoke-token' } })
    emulator.faults.add({
      call: 'token',
      skip: 1,
      times: 1,
      fault: { kind: 'status', status: 502, body: 'html' }
    })
    const { client } = clientFor(emulator, { maxAttempts: 3, sleep: async () => undefined })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(live()).toBe('v1')
    expect(outcome.rollback?.mayStillLand).toBeUndefined()
  })
})

describe('how long one publish can last under a release controller (fake clock)', () => {
  test('a 502 on every PATCH, a 429 with Retry-After 60 on every read-back: one read-back per PATCH', async () => {
    emulator = await startEmulator()
    const { RateController } = await import('../src/cxone/rate-controller.js')
    let t = 0
    const rate = new RateController({
      maxInFlight: 4,
      now: () => t,
      sleep: async ms => void (t += ms)
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      fault: { kind: 'status', status: 502, body: 'html' }
    })
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'status', status: 429, retryAfter: '60' }
    })
    const { client } = clientFor(emulator, { maxAttempts: 5, sleep: async () => undefined, rate })
    const outcome = await publishVersion(client, promotion(), { publishTimeoutMs: 120_000 })
    expect(outcome.result).toBe('rolled-back')
    expect(calls().filter(c => c.startsWith('publish v2'))).toHaveLength(5)
    expect(calls().filter(c => c.startsWith('get v2'))).toHaveLength(5)
    // Five Retry-Afters of 60 s and the backoff: minutes, not the hours nested retries took
    // (the job's timeout would kill it before it left a result).
    expect(t).toBeLessThan(10 * 60_000)
  })
})
