import { CxoneEmulator } from '../src/emulator/index.js'
import { startReleaseEmulator } from './emulated.js'
import { makeWorkspace, NODES, runAction } from './helpers.js'

/**
 * Two runs of the action on one data action at once, through dist/index.js: run A fails its
 * verify because run B published and verified a newer version meanwhile. A must never
 * "restore" its previous version over B's verified publish; it leaves B's and says so.
 */
const ids = Array.from(
  { length: 3 },
  (_, i) => `e1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
)
const code = (i: number) => `exports.handler = async () => ({ member: ${i} })\n`
const workspace = makeWorkspace({
  ...Object.fromEntries(ids.map((_, i) => [`m${i}.js`, code(i)])),
  // Release A: members 0 and 1; release B: members 1 and 2 (member 1 is in both).
  'a.yml': `- { dataActionId: ${ids[0]}, actionFile: m0.js, versionId: a0 }\n- { dataActionId: ${ids[1]}, actionFile: m1.js, versionId: a1 }\n`,
  'b.yml': `versionId: b\ndataActions:\n  - { dataActionId: ${ids[1]}, actionFile: m1.js }\n  - { dataActionId: ${ids[2]}, actionFile: m2.js }\n`
})

let emulator: CxoneEmulator
beforeEach(async () => {
  emulator = await startReleaseEmulator(ids)
})
afterEach(async () => {
  await emulator.stop()
})

const credentials = () => ({
  mode: 'publish',
  'client-id': 'demo-client',
  'client-secret': 'demo-secret',
  'api-base-url': emulator.url,
  'target-environment': 'production',
  'pr-comment': 'false'
})
const single = (versionId: string) => ({
  ...credentials(),
  'action-file': 'm0.js',
  'data-action-id': ids[0]!,
  'version-id': versionId
})
const live = () => ids.map(id => emulator.state(id).live.production)

/** Holds run A's read-back of `versionId` until `release()` is called. */
function holdReadBack(versionId: string): { arrived: () => Promise<void>; release: () => void } {
  let release: () => void = () => undefined
  emulator.faults.add({
    call: 'get',
    versionId,
    times: 1,
    fault: { kind: 'gate', opened: new Promise<void>(resolve => (release = resolve)) }
  })
  return {
    arrived: async () => {
      while (!emulator.requests.some(r => r.call === 'get' && r.versionId === versionId)) {
        await new Promise(resolve => setTimeout(resolve, 10))
      }
    },
    release: () => release()
  }
}

describe.each(NODES)('concurrent runs on %s', (_label, node) => {
  test("A never restores over B's verified publish: it leaves it, and says so", async () => {
    const held = holdReadBack('v2')
    const a = runAction(single('v2'), { cwd: workspace, node })
    await held.arrived()
    const b = await runAction(single('v3'), { cwd: workspace, node })
    expect(b.exitCode).toBe(0)
    expect(b.outputs.result).toBe('published')
    held.release()
    const run = await a
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({
      result: 'failed',
      published: 'false',
      'rolled-back': 'false'
    })
    expect(run.errors).toEqual([
      `::error::Publishing v2 of ${ids[0]} to production failed: version v2 does not read back live in production: published is false, environment is null. NOT ROLLED BACK: v3 is live in production: another run published it after this one began; left as it is.`
    ])
    expect(live()[0]).toBe('v3')
  })

  test("two releases sharing a member: A restores its own member and leaves B's", async () => {
    const held = holdReadBack('a1')
    const a = runAction({ ...credentials(), 'release-manifest': 'a.yml' }, { cwd: workspace, node })
    await held.arrived()
    const b = await runAction(
      { ...credentials(), 'release-manifest': 'b.yml' },
      { cwd: workspace, node }
    )
    expect(b.outputs.result).toBe('published')
    held.release()
    const run = await a
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain(
      `NOT ROLLED BACK, another run's version is live for ${ids[1]} (b): left as it is.`
    )
    expect(live()).toEqual(['v1', 'b', 'b'])
  })
})
