import type { CxoneEmulator } from '../../src/emulator/index.js'
import { sha256 } from '../../src/emulator/index.js'
import { publishVersion } from '../../src/cxone/publisher.js'
import { sleep } from '../../src/http/retry.js'
import { clientFor, ID, startEmulator, V1_CODE } from '../emulated.js'
import { callsOf, liveOf, promotion, settings, V2_CODE } from './publish-setup.js'

/**
 * The transaction's rollback and baseline (transaction.ts), through a publish against the
 * emulator; each test asserts CXone's final state and requests.
 */
let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})

const calls = () => callsOf(emulator)
const live = () => liveOf(emulator)

describe('failures from the publish on are rolled back, and the rollback verified', () => {
  test('an async publish that ends failed: v1 is live again', async () => {
    emulator = await startEmulator({ publish: 'async', asyncPublishMs: 100 })
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      cause: 'CXone reported the publish of v2 as failed',
      rollback: { action: 'restore', versionId: 'v1', verified: true },
      finalLive: 'v1'
    })
    expect(live()).toBe('v1')
    expect(calls()).toContain('publish v1 202')
    expect(calls().at(-1)).toBe('list 200')
  })

  test('a read-back with another checksum: v1 is live again', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
    })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('rolled-back')
    expect(outcome.cause).toBe(
      `version v2 does not read back live in production: checksum is ${'f'.repeat(64)}, expected ${sha256(V2_CODE)}`
    )
    // The rollback reads what is live first (v2: this run's), restores v1, and reads again.
    expect(calls()).toEqual([
      'token 200',
      'list 200',
      'upload v2 201',
      'publish v2 200',
      'get v2 200',
      'list 200',
      'publish v1 200',
      'list 200'
    ])
    expect(live()).toBe('v1')
  })

  test('the first publish ever failing takes the new version down: nothing is live, as before', async () => {
    emulator = await startEmulator({ publish: 'async', asyncPublishMs: 50 })
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion('v2', V2_CODE, 'sandbox'), settings)
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      rollback: { action: 'unpublish', versionId: 'v2', verified: true },
      finalLive: null
    })
    expect(outcome.previous).toBeUndefined()
    expect(emulator.state(ID).live.sandbox).toBeNull()
    // The failed publish left nothing live: there is nothing to unpublish.
    expect(calls().some(c => c.startsWith('unpublish'))).toBe(false)
  })

  test('the first publish ever, live but not verified: taken down again', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'wrong-checksum', checksum: 'e'.repeat(64) }
    })
    const { client } = clientFor(emulator)
    const outcome = await publishVersion(client, promotion('v2', V2_CODE, 'sandbox'), settings)
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      rollback: { action: 'unpublish', versionId: 'v2', verified: true },
      finalLive: null
    })
    expect(calls().slice(-3)).toEqual(['list 200', 'unpublish v2 200', 'list 200'])
    expect(emulator.state(ID).live.sandbox).toBeNull()
  })
})

describe('failures from the publish on, through retries and deadlines', () => {
  test('a persistent 503 on the publish exhausts its retries, then v1 is restored', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      fault: { kind: 'status', status: 503 }
    })
    const { client } = clientFor(emulator, { maxAttempts: 3 })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.result).toBe('rolled-back')
    expect(outcome.cause).toContain('503')
    expect(calls().filter(c => c === 'publish v2 503')).toHaveLength(3)
    expect(live()).toBe('v1')
  })

  test('a publish still running at the deadline: the rollback waits it out, then restores', async () => {
    emulator = await startEmulator()
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      fault: { kind: 'slow-publish', ms: 1200 }
    })
    const { client } = clientFor(emulator, { sleep, lockWaitMs: 5000 })
    const outcome = await publishVersion(client, promotion(), { publishTimeoutMs: 800 })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      cause: 'version v2 was still publishing when the publish deadline passed',
      rollback: { action: 'restore', versionId: 'v1', verified: true },
      finalLive: 'v1'
    })
    // No PATCH meets the lock: the rollback reads until v2 has settled, then restores v1.
    expect(calls().filter(c => c.startsWith('publish'))).toEqual([
      'publish v2 202',
      'publish v1 200'
    ])
    expect(live()).toBe('v1')
  })

  test('a rollback that cannot complete says so, with the state read and the fix by hand', async () => {
    emulator = await startEmulator({ publish: 'async', asyncPublishMs: 50 })
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1',
      fault: { kind: 'status', status: 503 }
    })
    const { client } = clientFor(emulator, { maxAttempts: 2, sleep })
    // The rollback retries within its own budget (the publish timeout), then gives up.
    const outcome = await publishVersion(client, promotion(), { publishTimeoutMs: 1000 })
    expect(outcome.result).toBe('failed')
    expect(outcome.rollback).toMatchObject({ action: 'restore', versionId: 'v1', verified: false })
    expect(outcome.rollback?.detail).toContain('503')
    expect(outcome.rollback?.detail).toContain('CXone now reports nothing live in production')
    expect(outcome.finalLive).toBeNull()
    expect(outcome.manualFix).toBe(
      `curl -X PATCH -H "Authorization: Bearer $CXONE_TOKEN" -H "Content-Type: application/json" -d '{"published":true,"environment":"production","checksum":"${sha256(V1_CODE)}"}' '${emulator.url}/api/v2/studio/data-actions/${ID}/versions/v1'`
    )
    expect(live()).toBeNull()
  })
})

describe('a rollback that tells the truth', () => {
  test('has its own budget: with max-retries 1, a 502 on the restore is retried, not fatal', async () => {
    emulator = await startEmulator({ publish: 'async', asyncPublishMs: 50 })
    emulator.faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1',
      times: 1,
      fault: { kind: 'status', status: 502 }
    })
    const { client } = clientFor(emulator, { maxAttempts: 1 })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      rollback: { action: 'restore', versionId: 'v1', verified: true },
      finalLive: 'v1'
    })
    expect(calls().filter(c => c.startsWith('publish v1'))).toEqual([
      'publish v1 502',
      'publish v1 202'
    ])
    expect(live()).toBe('v1')
  })

  test("never restores over another run's verified publish: it leaves it, and says so", async () => {
    emulator = await startEmulator()
    let openGate: () => void = () => undefined
    const gate = new Promise<void>(resolve => (openGate = resolve))
    // Run A's verify waits while run B publishes v3 and verifies it.
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'gate', opened: gate }
    })
    const a = clientFor(emulator).client
    const running = publishVersion(a, promotion(), settings)
    while (!emulator.requests.some(r => r.call === 'get' && r.versionId === 'v2')) {
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    const b = await publishVersion(
      clientFor(emulator).client,
      promotion('v3', 'exports.handler = () => 3\n'),
      settings
    )
    expect(b.result).toBe('published')
    openGate()
    const outcome = await running
    expect(outcome).toMatchObject({
      result: 'failed',
      cause: expect.stringContaining('version v2 does not read back live in production') as string,
      rollback: { action: 'restore', versionId: 'v1', verified: false },
      finalLive: 'v3',
      supersededBy: 'v3'
    })
    expect(outcome.rollback?.detail).toBe(
      'v3 is live in production: another run published it after this one began; left as it is'
    )
    expect(outcome.manualFix).toBeUndefined()
    expect(live()).toBe('v3')
  })
})

describe('a true baseline', () => {
  test('a version still publishing when the run starts is waited for, and is what a rollback restores', async () => {
    emulator = await startEmulator()
    const other = clientFor(emulator).client
    const v15 = 'exports.handler = () => 1.5\n'
    await other.upload({
      dataActionId: ID,
      versionId: 'v1.5',
      targetEnvironment: 'production',
      checksum: sha256(v15),
      dependencyMatrix: {},
      actionCode: v15
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1.5',
      fault: { kind: 'slow-publish', ms: 600 }
    })
    await other.publish(ID, 'v1.5', 'production', sha256(v15))
    expect(live()).toBeNull()
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'wrong-checksum', checksum: 'd'.repeat(64) }
    })
    const { client } = clientFor(emulator, { sleep })
    const outcome = await publishVersion(client, promotion(), settings)
    expect(outcome.phases[0]).toMatchObject({
      name: 'Read live',
      detail: 'v1.5 is live in production (once v1.5 had finished publishing)'
    })
    expect(outcome).toMatchObject({
      result: 'rolled-back',
      previous: { versionId: 'v1.5' },
      rollback: { action: 'restore', versionId: 'v1.5', verified: true },
      finalLive: 'v1.5'
    })
    expect(live()).toBe('v1.5')
  })
})
