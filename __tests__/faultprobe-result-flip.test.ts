import { readFileSync } from 'node:fs'
import { DEFAULT_CLIENT, type CxoneEmulator } from '../src/emulator/index.js'
import { ID, startEmulator } from './emulated.js'
import { makeWorkspace, NODES, runAction } from './helpers.js'

/**
 * Fault probe: once a publish is verified live, nothing after it may turn the step into a
 * failure. A dependency named `constructor` (a valid npm name) makes the report's "changes
 * against the live version" read `Object.prototype.constructor` as the live version's value
 * (plan.ts dependencyChanges indexes a plain object), the summary renderer throws on that
 * function, and main.ts's catch then writes `result=failed` after `result=published`, and
 * exits 1, while v2 is verified live and the audit record says `published`.
 */
const CODE = 'exports.handler = async () => ({ v: 2 })\n'

let emulator: CxoneEmulator
beforeEach(async () => {
  emulator = await startEmulator()
})
afterEach(async () => {
  await emulator.stop()
})

const inputs = (mode: string) => ({
  mode,
  'client-id': DEFAULT_CLIENT.clientId,
  'client-secret': DEFAULT_CLIENT.clientSecret,
  'api-base-url': emulator.url,
  'action-file': 'a.js',
  'data-action-id': ID,
  'version-id': 'v2',
  'target-environment': 'production',
  'dependency-manifest': 'deps.json',
  'pr-comment': 'false'
})

describe.each(NODES)('result after a verified publish on %s', (_label, node) => {
  test('a dependency named constructor: published, exit 0, result and audit agree', async () => {
    const workspace = makeWorkspace({
      'a.js': CODE,
      'deps.json': JSON.stringify({ constructor: '1.0.0' })
    })
    const run = await runAction(inputs('publish'), { cwd: workspace, node })
    expect(emulator.state(ID).live.production).toBe('v2')
    expect(run.errors).toEqual([])
    expect(run.outputs.result).toBe('published')
    expect(run.exitCode).toBe(0)
    const log = readFileSync(run.outputs['audit-log-path'] ?? '', 'utf8')
      .trimEnd()
      .split('\n')
    expect((JSON.parse(log.at(-1) ?? '{}') as { result?: string }).result).toBe(run.outputs.result)
  })

  test('the live version has a dependency named constructor and this one not: still published', async () => {
    emulator.seed(ID, {
      versionId: 'v1c',
      actionCode: 'exports.handler = () => 3\n',
      dependencyMatrix: { constructor: '1.0.0' },
      liveIn: 'production'
    })
    const workspace = makeWorkspace({ 'a.js': CODE, 'deps.json': '{}' })
    const run = await runAction(inputs('publish'), { cwd: workspace, node })
    expect(emulator.state(ID).live.production).toBe('v2')
    expect(run.outputs.result).toBe('published')
    expect(run.exitCode).toBe(0)
  })

  test('plan mode with a dependency named constructor: planned', async () => {
    const workspace = makeWorkspace({
      'a.js': CODE,
      'deps.json': JSON.stringify({ constructor: '1.0.0' })
    })
    const run = await runAction(inputs('plan'), { cwd: workspace, node })
    expect(run.errors).toEqual([])
    expect(run.outputs.result).toBe('planned')
    expect(run.exitCode).toBe(0)
  })
})
