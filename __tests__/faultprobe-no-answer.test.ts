import { jest } from '@jest/globals'
import { CxoneEmulator } from '../src/emulator/index.js'
import { publishVersion } from '../src/cxone/publisher.js'
import { sleep } from '../src/http/retry.js'
import { clientFor, ID, startEmulator } from './emulated.js'
import { callsOf, liveOf, promotion, settings } from './cxone/publish-setup.js'

/*
 * Fault probe (the network as attacker) of the no-answer warning: a publish PATCH whose answer
 * never came may still be carried out by CXone after the run, and a verified rollback must
 * then say so; a PATCH that provably never left must not.
 */
jest.setTimeout(30_000)
let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})
const live = () => liveOf(emulator)
const calls = () => callsOf(emulator)

describe('F1: a lost attempt, then an answered attempt that lands, then a failure', () => {
  test('verify fails: the rollback undoes attempt 2 and says attempt 1 may still land (it does)', async () => {
    emulator = await startEmulator()
    // Attempt 1: carried out only after the client gave up on it (its request timeout).
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'delay', ms: 2500 }
    })
    // Verify (and the read-back after attempt 1) read a wrong checksum: the publish fails after it landed.
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
    })
    const { client } = clientFor(emulator, { requestTimeoutMs: 800, maxAttempts: 3, sleep })
    const outcome = await publishVersion(client, promotion(), settings)
    const liveAtEnd = live()
    await sleep(2500) // attempt 1 is carried out now
    const liveLater = live()
    expect(outcome).toMatchObject({ result: 'rolled-back', rollback: { verified: true } })
    expect(liveAtEnd).toBe('v1')
    // What matters: v2 went live after a verified rollback...
    expect(liveLater).toBe('v2')
    // ...and the run did not say it could (it must, docs/transaction.md Limits).
    expect(outcome.rollback?.mayStillLand).toBe(true)
  })
})

describe('F2: a lost attempt, then an attempt CXone accepts and fails', () => {
  test('nothing is live at the rollback: it restores v1 and says attempt 1 may still land (it does)', async () => {
    emulator = await startEmulator({ asyncPublishMs: 300 })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'delay', ms: 2500 }
    })
    // Attempt 2: accepted (202), then failed by CXone; v1 was taken down meanwhile.
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'publish-fails' }
    })
    const { client } = clientFor(emulator, { requestTimeoutMs: 800, maxAttempts: 3, sleep })
    const outcome = await publishVersion(client, promotion(), settings)
    const liveAtEnd = live()
    await sleep(2500)
    expect(outcome).toMatchObject({ result: 'rolled-back', rollback: { verified: true } })
    expect(liveAtEnd).toBe('v1')
    expect(live()).toBe('v2')
    expect(outcome.rollback?.mayStillLand).toBe(true)
  })
})

describe('F3: a release member with a lost attempt then a landed one, rolled back for a sibling', () => {
  test('member 0 is restored, and the release says its lost attempt may still land (it does)', async () => {
    const ids = [ID, 'b1b2c3d4-e5f6-7890-abcd-ef1234567890']
    const code = (i: number, v: string) =>
      `exports.handler = async () => ({ m: ${i}, v: '${v}' })\n`
    emulator = new CxoneEmulator({
      asyncPublishMs: 1500,
      dataActions: ids.map((id, i) => ({
        id,
        versions: [{ versionId: 'v1', actionCode: code(i, 'v1'), liveIn: 'production' as const }]
      }))
    })
    await emulator.start()
    const { RateController } = await import('../src/cxone/rate-controller.js')
    const { publishRelease } = await import('../src/cxone/release.js')
    const { sha256 } = await import('../src/emulator/index.js')
    // Member 0: attempt 1 lost, carried out at 2.5 s; attempt 2 answered and verified.
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      at: undefined,
      times: 1,
      fault: { kind: 'delay', ms: 2500 }
    })
    const { client } = clientFor(emulator, {
      requestTimeoutMs: 800,
      maxAttempts: 3,
      sleep,
      rate: new RateController({ maxInFlight: 4 })
    })
    // Member 1's publish fails at 1.5 s (after member 0 is verified).
    const promotions = ids.map((id, i) => ({
      payload: {
        dataActionId: id,
        versionId: i === 0 ? 'v2' : 'v3',
        targetEnvironment: 'production' as const
      },
      actionCode: code(i, 'v2'),
      checksum: sha256(code(i, 'v2')),
      dependencyMatrix: {}
    }))
    emulator.faults.add({ call: 'publish', versionId: 'v3', fault: { kind: 'publish-fails' } })
    const outcome = await publishRelease(client, promotions, { publishTimeoutMs: 5000 })
    const atEnd = ids.map(id => emulator.state(id).live.production)
    await sleep(2500)
    const later = ids.map(id => emulator.state(id).live.production)
    expect(outcome.result).toBe('rolled-back')
    expect(atEnd).toEqual(['v1', 'v1'])
    expect(later).toEqual(['v2', 'v1'])
    expect(outcome.members[0]?.rollback?.mayStillLand).toBe(true)
  })
})

describe('E: a PATCH that never left (connection refused) is not one that got no answer', () => {
  test('an answered 503, then the connection is refused: the rollback gives no such warning', async () => {
    const net = await import('node:net')
    emulator = await startEmulator()
    const target = new URL(emulator.url)
    const sockets = new Set<import('node:net').Socket>()
    const proxy = net.createServer(inbound => {
      const outbound = net.connect(Number(target.port), target.hostname)
      inbound.pipe(outbound).pipe(inbound)
      const close = () => (inbound.destroy(), outbound.destroy())
      inbound.on('error', close).on('close', close)
      outbound.on('error', close).on('close', close)
      sockets.add(inbound)
    })
    await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r))
    const port = (proxy.address() as { port: number }).port
    const refuse = () => {
      proxy.close()
      for (const s of sockets) s.destroy()
    }
    const accept = () => proxy.listen(port, '127.0.0.1')
    // Attempt 1 answered 503 by CXone (not lost); before attempt 2 nothing listens any more.
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'status', status: 503 }
    })
    const client = new (await import('../src/cxone/client.js')).CxoneClient({
      apiBaseUrl: `http://127.0.0.1:${port}`,
      tokenUrl: `http://127.0.0.1:${port}/oauth/token`,
      clientId: (await import('../src/emulator/index.js')).DEFAULT_CLIENT.clientId,
      clientSecret: (await import('../src/emulator/index.js')).DEFAULT_CLIENT.clientSecret,
      maxAttempts: 2,
      requestTimeoutMs: 800,
      lockWaitMs: 1000,
      random: () => 0.25,
      onRetry: message => {
        if (message.startsWith('publishing version v2') && message.includes('503')) {
          refuse()
          setTimeout(accept, 600)
        }
      }
    })
    try {
      const outcome = await publishVersion(client, promotion(), settings)
      // CXone saw exactly one publish PATCH (answered 503): nothing of this run is outstanding.
      expect(calls().filter(c => c.startsWith('publish v2'))).toEqual(['publish v2 503'])
      expect(outcome).toMatchObject({ result: 'rolled-back', finalLive: 'v1' })
      expect(outcome.rollback?.mayStillLand).toBeUndefined()
    } finally {
      client.dispose()
      refuse()
    }
  })
})
