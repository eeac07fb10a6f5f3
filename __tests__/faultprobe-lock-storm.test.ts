import { DEFAULT_CLIENT, type CxoneEmulator } from '../src/emulator/index.js'
import { ID, startEmulator } from './emulated.js'
import { makeWorkspace, NODES, runAction } from './helpers.js'

/**
 * Fault probe: a `409 locked` whose Retry-After is 0 (or an HTTP date already past, or a
 * negative number) is waited out with no wait at all: the client sends PATCH after PATCH as
 * fast as the loopback answers, for the whole publish-timeout-ms (measured: ~1,300 PATCHes in
 * 3 s; the default 120 s would be ~50,000), each one a log line. A lock wait must back off.
 * The rollback, which retries until its own budget whatever max-retries says, does the same
 * with a `503` whose Retry-After is 0 (measured: ~1,170 PATCHes in 2.4 s).
 */
const workspace = makeWorkspace({ 'a.js': 'exports.handler = async () => ({ v: 2 })\n' })

let emulator: CxoneEmulator
beforeEach(async () => {
  emulator = await startEmulator()
})
afterEach(async () => {
  await emulator.stop()
})

describe.each(NODES)('409 locked storm on %s', (_label, node) => {
  test.each(['0', '-1', 'Wed, 21 Oct 2015 07:28:00 GMT'])(
    'Retry-After %j: the lock is waited out with backoff, not in a tight loop',
    async retryAfter => {
      emulator.faults.add({
        call: 'publish',
        versionId: 'v2',
        fault: { kind: 'status', status: 409, error: 'locked', retryAfter }
      })
      const run = await runAction(
        {
          mode: 'publish',
          'client-id': DEFAULT_CLIENT.clientId,
          'client-secret': DEFAULT_CLIENT.clientSecret,
          'api-base-url': emulator.url,
          'action-file': 'a.js',
          'data-action-id': ID,
          'version-id': 'v2',
          'target-environment': 'production',
          'publish-timeout-ms': '3000',
          'pr-comment': 'false'
        },
        { cwd: workspace, node }
      )
      // The transaction itself holds: nothing changed, and the run says so.
      expect(run.exitCode).toBe(1)
      expect(emulator.state(ID).live.production).toBe('v1')
      // A 3 s lock budget with a backoff of even 100 ms is at most a few dozen attempts.
      const patches = emulator.requests.filter(r => r.call === 'publish').length
      expect(patches).toBeLessThan(60)
    },
    30_000
  )

  test('503 with Retry-After 0 during the rollback: retried with backoff, not in a tight loop', async () => {
    // Verify fails, so the rollback restores v1; every restore answers 503, Retry-After: 0.
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1',
      fault: { kind: 'status', status: 503, retryAfter: '0' }
    })
    const run = await runAction(
      {
        mode: 'publish',
        'client-id': DEFAULT_CLIENT.clientId,
        'client-secret': DEFAULT_CLIENT.clientSecret,
        'api-base-url': emulator.url,
        'action-file': 'a.js',
        'data-action-id': ID,
        'version-id': 'v2',
        'target-environment': 'production',
        'publish-timeout-ms': '3000',
        'pr-comment': 'false'
      },
      { cwd: workspace, node }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    const restores = emulator.requests.filter(r => r.call === 'publish' && r.versionId === 'v1')
    expect(restores.length).toBeLessThan(60)
  }, 30_000)
})
