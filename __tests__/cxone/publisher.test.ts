import { CancelledError } from '../../src/cancellation.js'
import { STALLED } from '../../src/cxone/drain-guard.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { publishVersion } from '../../src/cxone/publisher.js'
import { sleep } from '../../src/http/retry.js'
import { clientFor, ID, startEmulator } from '../emulated.js'
import { callsOf, liveOf, promotion, settings, V2_CODE } from './publish-setup.js'

/**
 * A publish (publishVersion) against the emulator: what it does, and what it says when it
 * fails before the publish, stalls or is cancelled; each test asserts CXone's final state and
 * requests.
 */
let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})

const calls = () => callsOf(emulator)
const live = () => liveOf(emulator)

describe('a publish that succeeds', () => {
  test('reads live, uploads, publishes, verifies', async () => {
    emulator = await startEmulator()
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome).toMatchObject({
      result: 'published',
      previous: { versionId: 'v1' },
      finalLive: 'v2'
    })
    expect(outcome.phases.map(p => [p.name, p.ok])).toEqual([
      ['Read live', true],
      ['Upload', true],
      ['Publish', true],
      ['Verify', true]
    ])
    expect(calls()).toEqual([
      'token 200',
      'list 200',
      'upload v2 201',
      'publish v2 200',
      'get v2 200'
    ])
    expect(live()).toBe('v2')
    expect(emulator.codeOf(ID, 'v2')).toBe(V2_CODE)
    expect(JSON.parse(emulator.requests[3]!.body)).toEqual({
      published: true,
      environment: 'production',
      checksum: sha256(V2_CODE)
    })
  })

  test('a 202 is polled until the version is live', async () => {
    emulator = await startEmulator({ publish: 'async', asyncPublishMs: 250 })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('published')
    const polls = calls().filter(c => c === 'get v2 200')
    expect(polls.length).toBeGreaterThanOrEqual(2)
    expect(calls().slice(0, 4)).toEqual([
      'token 200',
      'list 200',
      'upload v2 201',
      'publish v2 202'
    ])
    expect(live()).toBe('v2')
  })

  test('a re-run of the same version is unchanged and publishes nothing', async () => {
    emulator = await startEmulator()
    const { client } = clientFor(emulator)
    await publishVersion(client, promotion(), settings)
    const before = emulator.requests.length
    const again = await publishVersion(client, promotion(), settings)
    expect(again).toMatchObject({
      result: 'unchanged',
      previous: { versionId: 'v2' },
      finalLive: 'v2'
    })
    expect(calls().slice(before)).toEqual(['list 200', 'upload v2 200'])
  })

  test('a version uploaded earlier but never published is published on re-run', async () => {
    emulator = await startEmulator()
    emulator.seed(ID, { versionId: 'v2', actionCode: V2_CODE })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('published')
    expect(calls()).toContain('upload v2 200')
    expect(live()).toBe('v2')
  })
})

describe('failures before the publish change nothing', () => {
  test('a version id that exists with other code fails before any PATCH', async () => {
    emulator = await startEmulator()
    emulator.seed(ID, { versionId: 'v2', actionCode: 'exports.handler = () => "other"' })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('failed')
    expect(outcome.cause).toContain('409 version_conflict')
    expect(outcome.cause).toContain('nothing live was changed')
    expect(outcome.rollback).toBeUndefined()
    expect(calls()).toEqual(['token 200', 'list 200', 'upload v2 409'])
    expect(live()).toBe('v1')
  })
})

describe('no silent end', () => {
  /** A request the emulator holds forever, as a wait nothing can end. */
  const stuck = (call: 'get' | 'upload') =>
    emulator.faults.add({
      call,
      versionId: 'v2',
      fault: { kind: 'gate', opened: new Promise(() => undefined) }
    })
  const arrived = async (call: string): Promise<void> => {
    while (!emulator.requests.some(r => r.call === call && r.versionId === 'v2')) {
      await new Promise(resolve => setTimeout(resolve, 10))
    }
  }

  test('stuck after its PATCH when the event loop drains: what it began is rolled back, and said', async () => {
    emulator = await startEmulator()
    stuck('get')
    const { client } = clientFor(emulator, { requestTimeoutMs: 600_000 })
    const running = publishVersion(client, promotion(), settings)
    await arrived('get')
    expect(live()).toBe('v2')
    process.emit('beforeExit', 0)
    expect(await running).toMatchObject({
      result: 'rolled-back',
      cause: STALLED,
      rollback: { action: 'restore', versionId: 'v1', verified: true },
      finalLive: 'v1'
    })
    expect(live()).toBe('v1')
  })

  test('stuck before anything live changed: it fails, saying so', async () => {
    emulator = await startEmulator()
    stuck('upload')
    const { client } = clientFor(emulator, { requestTimeoutMs: 600_000 })
    const running = publishVersion(client, promotion(), settings)
    await arrived('upload')
    process.emit('beforeExit', 0)
    expect(await running).toMatchObject({
      result: 'failed',
      cause: `${STALLED} (nothing live was changed)`
    })
    expect(calls().some(c => c.startsWith('publish'))).toBe(false)
  })
})

describe('cancellation', () => {
  test('after the upload, before the publish went out: it stops, nothing live changed', async () => {
    emulator = await startEmulator()
    const cancel = new AbortController()
    const outcome = await publishVersion(clientFor(emulator).client, promotion(), {
      ...settings,
      cancel: cancel.signal,
      log: line => line.startsWith('Upload') && cancel.abort()
    })
    expect(outcome).toMatchObject({
      result: 'failed',
      cause: 'the job was cancelled (nothing live was changed)'
    })
    expect(outcome.rollback).toBeUndefined()
    expect(calls().filter(call => call.startsWith('publish'))).toEqual([])
    expect(live()).toBe('v1')
  })

  test('during the publish: v1 is restored before the run ends', async () => {
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
      cause: 'the job was cancelled',
      rollback: { action: 'restore', versionId: 'v1', verified: true },
      finalLive: 'v1'
    })
    expect(live()).toBe('v1')
  })

  // The last attempt's own answer (CXone's 409), not the hard stop cutting it off.
  test.each([
    [
      'cancelled during the publish, a restore kept locked: its retries stop before the hard stop',
      { kind: 'delay', ms: 800 } as const,
      (since: number) => Date.now() - since >= 300
    ],
    [
      'cancelled during a rollback kept locked: its retries end before the hard stop set then',
      { kind: 'publish-fails' } as const,
      () => calls().includes('publish v1 409')
    ]
  ])('%s', async (_name, publishFault, cancelNow) => {
    emulator = await startEmulator()
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: publishFault })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1',
      fault: { kind: 'status', status: 409, error: 'locked', retryAfter: '1' }
    })
    const { client } = clientFor(emulator, { requestTimeoutMs: 30_000, sleep })
    const cancel = new AbortController()
    const since = Date.now()
    // The cancellation moves the rollback's end from 20 s to 3 s away.
    const watch = setInterval(() => {
      if (cancelNow(since)) cancel.abort()
    }, 20)
    const outcome = await publishVersion(client, promotion(), {
      ...settings,
      publishTimeoutMs: 20_000,
      cancel: cancel.signal,
      cancelRestoreMs: 3000
    }).finally(() => clearInterval(watch))
    expect(cancel.signal.aborted).toBe(true)
    expect(outcome.result).toBe('failed')
    expect(outcome.rollback).toMatchObject({
      verified: false,
      detail: expect.stringMatching(/409 locked/)
    })
  })

  // A wait begun before the cancellation (a Retry-After longer than the time left) wakes at
  // the new end of waits, and the restore gets its last attempt. (Found by a fault probe.)
  test.each([
    [
      '429 Retry-After 20',
      { kind: 'status', status: 429, error: 'rate_limited', retryAfter: '20' }
    ],
    [
      '409 locked Retry-After 30',
      { kind: 'status', status: 409, error: 'locked', retryAfter: '30' }
    ]
  ] as const)(
    'a restore answered %s once, then cancelled: the rollback still gets its last attempt',
    async (_name, fault) => {
      emulator = await startEmulator()
      emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
      emulator.faults.add({ call: 'publish', versionId: 'v1', times: 1, fault })
      const { client } = clientFor(emulator, { requestTimeoutMs: 30_000, sleep })
      const cancel = new AbortController()
      const watch = setInterval(() => {
        if (!calls().some(call => /^publish v1 4/.test(call))) return
        clearInterval(watch)
        setTimeout(() => cancel.abort(new CancelledError()), 300)
      }, 5)
      const outcome = await publishVersion(client, promotion(), {
        ...settings,
        publishTimeoutMs: 60_000,
        cancel: cancel.signal,
        cancelRestoreMs: 3000
      }).finally(() => clearInterval(watch))
      expect(cancel.signal.aborted).toBe(true)
      expect(calls()).toContain('publish v1 200')
      expect(outcome.result).toBe('rolled-back')
      expect(live()).toBe('v1')
    }
  )

  test('before the publish: nothing live is touched and no PATCH is sent', async () => {
    emulator = await startEmulator()
    emulator.faults.add({ call: 'upload', fault: { kind: 'hang' } })
    const { client } = clientFor(emulator, { requestTimeoutMs: 30_000 })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 300)
    const outcome = await publishVersion(client, promotion(), {
      ...settings,
      cancel: cancel.signal
    })
    expect(outcome.result).toBe('failed')
    expect(outcome.cause).toBe('the job was cancelled (nothing live was changed)')
    expect(calls().some(c => c.startsWith('publish'))).toBe(false)
    expect(live()).toBe('v1')
  })
})
