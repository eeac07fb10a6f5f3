import { STALLED } from '../../src/cxone/drain-guard.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import type { Promotion } from '../../src/cxone/publisher.js'
import { RateController } from '../../src/cxone/rate-controller.js'
import { publishRelease, releaseChecksum } from '../../src/cxone/release.js'
import { sleep } from '../../src/http/retry.js'
import { CxoneEmulator as Emulator } from '../../src/emulator/index.js'
import { clientFor } from '../emulated.js'

const ids = Array.from(
  { length: 6 },
  (_, i) => `a1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
)
const code = (i: number, v: string) =>
  `exports.handler = async () => ({ member: ${i}, version: '${v}' })\n`
const promotion = (i: number, versionId = 'v2'): Promotion => ({
  payload: { dataActionId: ids[i]!, versionId, targetEnvironment: 'production' },
  actionCode: code(i, versionId),
  checksum: sha256(code(i, versionId)),
  dependencyMatrix: {}
})

/** Six data actions; members 0-4 have v1 live in production, member 5 has nothing live. */
async function emulatorFor(
  options: ConstructorParameters<typeof Emulator>[0] = {}
): Promise<CxoneEmulator> {
  const emulator = new Emulator({
    dataActions: ids.map((id, i) => ({
      id,
      versions:
        i < 5 ? [{ versionId: 'v1', actionCode: code(i, 'v1'), liveIn: 'production' as const }] : []
    })),
    ...options
  })
  await emulator.start()
  return emulator
}

let emulator: CxoneEmulator | undefined
afterEach(async () => {
  await emulator?.stop()
  emulator = undefined
})
const live = () => ids.map(id => emulator?.state(id).live.production)

describe('the release checksum', () => {
  test('covers every member id and checksum, in any order', () => {
    const a = { dataActionId: ids[0]!, checksum: 'a'.repeat(64) }
    const b = { dataActionId: ids[1]!, checksum: 'b'.repeat(64) }
    expect(releaseChecksum([a, b])).toBe(releaseChecksum([b, a]))
    expect(releaseChecksum([a, b])).toBe(
      sha256(`${ids[0]} ${'a'.repeat(64)}\n${ids[1]} ${'b'.repeat(64)}\n`)
    )
    expect(releaseChecksum([a, { ...b, checksum: 'c'.repeat(64) }])).not.toBe(
      releaseChecksum([a, b])
    )
  })
})

describe('publishing a release', () => {
  test('all members published and verified; one already live counts as unchanged', async () => {
    emulator = await emulatorFor()
    emulator!.seed(ids[4]!, { versionId: 'v2', actionCode: code(4, 'v2'), liveIn: 'production' })
    const lines: string[] = []
    const { client } = clientFor(emulator!, { rate: new RateController({ maxInFlight: 4 }) })
    const outcome = await publishRelease(
      client,
      [0, 1, 2, 3, 4, 5].map(i => promotion(i)),
      {
        publishTimeoutMs: 5000,
        log: line => lines.push(line)
      }
    )
    expect(outcome.result).toBe('published')
    expect(outcome.members.map(m => m.result)).toEqual([
      'published',
      'published',
      'published',
      'published',
      'unchanged',
      'published'
    ])
    expect(live()).toEqual(['v2', 'v2', 'v2', 'v2', 'v2', 'v2'])
    expect(outcome.phases.map(p => p.name)).toEqual(['Prepare', 'Publish'])
    expect(lines).toContain('5/5 published')
    // Every member was read and uploaded before any was published.
    const calls = emulator!.requests.map(r => r.call)
    expect(calls.lastIndexOf('upload')).toBeLessThan(calls.indexOf('publish'))
  })

  test('a member failing before any publish stops the release with nothing live changed', async () => {
    emulator = await emulatorFor()
    emulator!.seed(ids[1]!, { versionId: 'v2', actionCode: 'other code' })
    const { client } = clientFor(emulator!, { rate: new RateController({ maxInFlight: 4 }) })
    const outcome = await publishRelease(
      client,
      [0, 1, 2].map(i => promotion(i)),
      { publishTimeoutMs: 5000 }
    )
    expect(outcome.result).toBe('failed')
    expect(outcome.cause).toContain('409 version_conflict')
    expect(outcome.cause).toContain('nothing live was changed')
    expect(emulator!.requests.some(r => r.call === 'publish')).toBe(false)
    expect(live()).toEqual(['v1', 'v1', 'v1', 'v1', 'v1', null])
    expect(outcome.members.map(m => m.result)).toEqual(['not published', 'failed', 'not published'])
  })

  test('under a rate limit: no failures, and the controller keeps 429s to the first burst', async () => {
    emulator = await emulatorFor({ rateLimit: { perSecond: 10 } })
    const rate = new RateController({ maxInFlight: 4 })
    const { client } = clientFor(emulator!, { rate, sleep })
    const outcome = await publishRelease(
      client,
      [0, 1, 2, 3, 4, 5].map(i => promotion(i)),
      { publishTimeoutMs: 10_000 }
    )
    expect(outcome.result).toBe('published')
    const limited = emulator!.requests.filter(r => r.status === 429)
    const first = emulator!.requests[0]?.at ?? 0
    expect(limited.length).toBeGreaterThan(0)
    expect(limited.filter(r => r.at - first > 1000)).toHaveLength(0)
    expect(rate.requestsPerSecond).toBeLessThanOrEqual(12)
  })
})

describe('a failing release is rolled back, every member verified', () => {
  test('one member failing restores every member already published, each verified', async () => {
    emulator = await emulatorFor({ publish: 'async', asyncPublishMs: 30 })
    emulator!.faults.add({ call: 'publish', versionId: 'v2-bad', fault: { kind: 'publish-fails' } })
    const { client } = clientFor(emulator!, { rate: new RateController({ maxInFlight: 4 }), sleep })
    const members = [promotion(0), promotion(1), promotion(2, 'v2-bad'), promotion(3), promotion(5)]
    const outcome = await publishRelease(client, members, { publishTimeoutMs: 5000 })
    expect(outcome.result).toBe('rolled-back')
    expect(outcome.cause).toBe(`${ids[2]}: CXone reported the publish of v2-bad as failed`)
    expect(live()).toEqual(['v1', 'v1', 'v1', 'v1', 'v1', null])
    for (const member of outcome.members.filter(m => m.rollback)) {
      expect(member.rollback?.verified).toBe(true)
      expect(member.result).toBe('rolled-back')
    }
    expect(outcome.members.find(m => m.dataActionId === ids[5])?.finalLive ?? null).toBeNull()
    expect(outcome.phases.map(p => [p.name, p.ok])).toEqual([
      ['Prepare', true],
      ['Publish', false],
      ['Rollback', true]
    ])
  })

  test('a restoration that cannot finish makes the release failed, with the fix by hand', async () => {
    emulator = await emulatorFor()
    emulator!.faults.add({
      call: 'get',
      versionId: 'v2-bad',
      fault: { kind: 'wrong-checksum', checksum: '0'.repeat(64) }
    })
    emulator!.faults.add({
      call: 'publish',
      versionId: 'v1',
      fault: { kind: 'status', status: 503 }
    })
    const { client } = clientFor(emulator!, {
      rate: new RateController({ maxInFlight: 2 }),
      maxAttempts: 2,
      sleep
    })
    // The rollback retries within its own budget (the publish timeout), then gives up.
    const outcome = await publishRelease(client, [promotion(0, 'v2-bad')], {
      publishTimeoutMs: 1000
    })
    expect(outcome.result).toBe('failed')
    expect(outcome.members[0]).toMatchObject({ result: 'failed', rollback: { verified: false } })
    expect(outcome.members[0]?.manualFix).toContain('curl -X PATCH')
  })
})

describe('a cancelled or stalled release is rolled back', () => {
  test('a cancellation mid-release restores every member whose publish was sent', async () => {
    emulator = await emulatorFor()
    emulator.faults.add({ call: 'publish', versionId: 'v2-slow', fault: { kind: 'hang' } })
    const { client } = clientFor(emulator!, {
      rate: new RateController({ maxInFlight: 4 }),
      requestTimeoutMs: 30_000
    })
    const cancel = new AbortController()
    setTimeout(() => cancel.abort(), 300)
    const outcome = await publishRelease(
      client,
      [promotion(0), promotion(1, 'v2-slow'), promotion(2)],
      {
        publishTimeoutMs: 5000,
        cancel: cancel.signal,
        cancelRestoreMs: 3000
      }
    )
    expect(outcome.result).toBe('rolled-back')
    expect(outcome.cause).toBe('the job was cancelled')
    expect(live().slice(0, 3)).toEqual(['v1', 'v1', 'v1'])
  })

  test('a member stuck when the event loop drains: every member whose publish was sent is restored', async () => {
    emulator = await emulatorFor()
    emulator.faults.add({
      call: 'get',
      versionId: 'v2-stuck',
      fault: { kind: 'gate', opened: new Promise(() => undefined) }
    })
    const { client } = clientFor(emulator, {
      rate: new RateController({ maxInFlight: 2 }),
      requestTimeoutMs: 600_000
    })
    const running = publishRelease(
      client,
      [promotion(0), promotion(1, 'v2-stuck'), promotion(2), promotion(3), promotion(5)],
      { publishTimeoutMs: 5000 }
    )
    // Once the others are verified, only the stuck read is left: what a drained loop sees.
    while (emulator.requests.filter(r => r.call === 'get' && r.status === 200).length < 4) {
      await new Promise(resolve => setTimeout(resolve, 10))
    }
    process.emit('beforeExit', 0)
    const outcome = await running
    expect(outcome).toMatchObject({ result: 'rolled-back', cause: STALLED })
    expect(live()).toEqual(['v1', 'v1', 'v1', 'v1', 'v1', null])
  })
})
