import type { ChildProcess } from 'node:child_process'
import { CxoneEmulator, DEFAULT_CLIENT, type EmulatorOptions } from '../src/emulator/index.js'
import { makeWorkspace, NODES, runAction } from './helpers.js'

/**
 * Fault probe: the runner's cancel, as README "Cancellation" describes it (SIGINT, SIGTERM
 * 7.5 s later, SIGKILL 2.5 s after that), must never leave a run without `result`.
 * Each test plays the runner's schedule and asserts only on what the run left: its outputs,
 * exit code and what is live.
 */
const ID = 'f1b2c3d4-e5f6-7890-abcd-ef1234567890'
const V1 = 'exports.handler = () => 1\n'
const workspace = makeWorkspace({ 'a.js': 'exports.handler = async () => ({ v: 2 })\n' })

let emulator: CxoneEmulator
let child: ChildProcess | undefined
const timers: NodeJS.Timeout[] = []

/** The runner's cancel: SIGINT now, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. */
function cancelLikeTheRunner(c: ChildProcess): void {
  c.kill('SIGINT')
  timers.push(setTimeout(() => c.kill('SIGTERM'), 7_500))
  timers.push(setTimeout(() => c.kill('SIGKILL'), 10_000))
}

async function start(onRequest?: EmulatorOptions['onRequest']) {
  emulator = new CxoneEmulator({
    dataActions: [
      { id: ID, versions: [{ versionId: 'v1', actionCode: V1, liveIn: 'production' }] }
    ],
    ...(onRequest ? { onRequest } : {})
  })
  await emulator.start()
}
afterEach(async () => {
  for (const t of timers.splice(0)) clearTimeout(t)
  await emulator?.stop()
})

const inputs = () => ({
  mode: 'publish',
  'client-id': DEFAULT_CLIENT.clientId,
  'client-secret': DEFAULT_CLIENT.clientSecret,
  'api-base-url': emulator.url,
  'action-file': 'a.js',
  'data-action-id': ID,
  'version-id': 'v2',
  'target-environment': 'production',
  'pr-comment': 'false'
})

/** What every cancelled run must leave: a result, exit 1, and a result that matches CXone. */
function expectAccountedFor(run: Awaited<ReturnType<typeof runAction>>): void {
  expect(run.signal).toBeNull()
  expect(run.outputs.result).toBeDefined()
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  const live = emulator.state(ID).live.production
  if (run.outputs.result === 'rolled-back') expect(live).toBe('v1')
}

describe.each(NODES)('cancellation on %s', (_label, node) => {
  test('SIGINT while a rollback (from a failed verify) waits out a lock: it still ends with a result before the kill', async () => {
    await start()
    // Verify fails, so the rollback starts with the full publish-timeout-ms budget (120 s by
    // default); its restore of v1 meets a lock that never clears.
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1',
      fault: { kind: 'status', status: 409, error: 'locked', retryAfter: '1' }
    })
    let cancelled = false
    const run = await runAction(inputs(), {
      cwd: workspace,
      node,
      timeoutMs: 60_000,
      onOutput: (out, c) => {
        // The rollback has begun: the runner cancels the job now.
        if (!cancelled && out.includes('Verify failed')) {
          cancelled = true
          cancelLikeTheRunner(c)
        }
      }
    })
    expect(cancelled).toBe(true)
    expectAccountedFor(run)
  }, 60_000)

  test('SIGINT mid-publish, the rollback PATCH hangs and CXone stops answering: a result before the kill', async () => {
    // SIGINT lands while the PATCH of v2 is being answered (it takes effect); the rollback then
    // sends PATCH v1, which never answers, and CXone's list stops answering too.
    await start(request => {
      if (request.method === 'PATCH' && request.path.endsWith('/v2') && child)
        cancelLikeTheRunner(child)
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'delay', ms: 300 }
    })
    emulator.faults.add({ call: 'publish', versionId: 'v1', fault: { kind: 'hang' } })
    // The first two lists (read live, the rollback's read) answer; later ones hang.
    emulator.faults.add({ call: 'list', skip: 2, fault: { kind: 'hang' } })
    const run = await runAction(inputs(), {
      cwd: workspace,
      node,
      timeoutMs: 60_000,
      onSpawn: c => (child = c)
    })
    expectAccountedFor(run)
    // Nothing claims v1 is back while v2 is what CXone has live.
    expect(run.outputs['rolled-back']).not.toBe('true')
  }, 60_000)

  // Before node runs the action's first line no handler can exist (a SIGINT then ends any
  // node program, as the runner expects); the action listens from its first line. The cancel
  // lands at the first thing it writes, before anything is validated or sent.
  test('SIGINT at the first line the step writes: the run still ends with a result', async () => {
    await start()
    let cancelled = false
    const run = await runAction(inputs(), {
      cwd: workspace,
      node,
      onOutput: (_stdout, c) => {
        if (!cancelled) cancelLikeTheRunner(c)
        cancelled = true
      }
    })
    expectAccountedFor(run)
    expect(emulator.state(ID).live.production).toBe('v1')
  }, 30_000)

  test('SIGINT while a release rolls back: it still ends with a result before the kill', async () => {
    const ids = [0, 1].map(i => `f1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`)
    emulator = new CxoneEmulator({
      dataActions: ids.map(id => ({
        id,
        versions: [{ versionId: 'v1', actionCode: V1, liveIn: 'production' as const }]
      }))
    })
    await emulator.start()
    // One member's verify fails; restoring v1 meets a lock that never clears.
    emulator.faults.add({
      call: 'get',
      versionId: 'v2',
      times: 1,
      fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
    })
    emulator.faults.add({
      call: 'publish',
      versionId: 'v1',
      fault: { kind: 'status', status: 409, error: 'locked', retryAfter: '1' }
    })
    const release = makeWorkspace({
      'a.js': 'exports.handler = async () => 2\n',
      'b.js': 'exports.handler = async () => 3\n',
      'r.yml': `versionId: v2\ndataActions:\n  - { dataActionId: ${ids[0]}, actionFile: a.js }\n  - { dataActionId: ${ids[1]}, actionFile: b.js }\n`
    })
    let cancelled = false
    const rest = Object.fromEntries(
      Object.entries(inputs()).filter(
        ([name]) => !['action-file', 'data-action-id', 'version-id'].includes(name)
      )
    )
    const run = await runAction(
      { ...rest, 'release-manifest': 'r.yml' },
      {
        cwd: release,
        node,
        timeoutMs: 60_000,
        onOutput: (out, c) => {
          if (!cancelled && out.includes('Rolling back')) {
            cancelled = true
            cancelLikeTheRunner(c)
          }
        }
      }
    )
    expect(cancelled).toBe(true)
    expect(run.signal).toBeNull()
    expect(run.outputs.result).toBeDefined()
    expect(run.exitCode).toBe(1)
  }, 60_000)
})
