import { CxoneEmulator, DEFAULT_CLIENT } from '../src/emulator/index.js'
import { makeWorkspace, NODES, runAction } from './helpers.js'

/**
 * Fault probe: CONTRACT.md §6 settles that a version has one environment and that promoting
 * the same id moves it. So publishing v2 (live in sandbox, the usual sandbox-then-production
 * path with `version-id` from the tag) to production takes sandbox's live version away. When
 * that publish fails and "rolls back", only production is put back: sandbox is left with
 * nothing live, and the step still reports `rolled-back=true` ("what was live before is live
 * again"). Either the rollback restores sandbox too, or the run must not claim a clean
 * rollback (and must say what it left).
 */
const ID = 'f4b2c3d4-e5f6-7890-abcd-ef1234567890'
const CODE = 'exports.handler = async () => ({ v: 2 })\n'
const workspace = makeWorkspace({ 'a.js': CODE })

let emulator: CxoneEmulator
beforeEach(async () => {
  emulator = new CxoneEmulator({
    dataActions: [
      {
        id: ID,
        versions: [
          { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' },
          { versionId: 'v2', actionCode: CODE, liveIn: 'sandbox' }
        ]
      }
    ]
  })
  await emulator.start()
})
afterEach(async () => {
  await emulator.stop()
})

describe.each(NODES)('promotion from sandbox to production on %s', (_label, node) => {
  // Once: the publish's read-back lies, the rollback's does not. Always: every read-back of
  // v2 lies, so putting it back in sandbox cannot be verified.
  test.each([
    ['the read-back lies once', 1],
    ['every read-back lies', undefined]
  ])(
    'a failed promotion leaves every environment as it was, or does not claim it did (%s)',
    async (_case, times) => {
      expect(emulator.state(ID).live).toEqual({ sandbox: 'v2', production: 'v1' })
      // The read-back of v2 disagrees: the publish fails after it took, and is rolled back.
      emulator.faults.add({
        call: 'get',
        versionId: 'v2',
        ...(times ? { times } : {}),
        fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
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
          'pr-comment': 'false'
        },
        { cwd: workspace, node }
      )
      expect(run.exitCode).toBe(1)
      expect(emulator.state(ID).live.production).toBe('v1')
      // Either everything is back (a clean rollback may say so), or the run does not claim it.
      const everythingBack =
        JSON.stringify(emulator.state(ID).live) ===
        JSON.stringify({ sandbox: 'v2', production: 'v1' })
      const sandboxSaid = run.errors.join('\n').includes('sandbox')
      expect({ rolledBack: run.outputs['rolled-back'], sandboxSaid }).toEqual({
        rolledBack: times ? 'true' : 'false',
        sandboxSaid: times ? sandboxSaid : true
      })
      expect(everythingBack).toBe(true)
    }
  )
})

test('a promotion that moves a version out of sandbox says so', async () => {
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
      'pr-comment': 'false'
    },
    { cwd: workspace }
  )
  expect(run.outputs.result).toBe('published')
  expect(emulator.state(ID).live).toEqual({ sandbox: null, production: 'v2' })
  expect(run.warnings).toEqual([
    expect.stringContaining(
      'v2 was live in sandbox; a version is live in one environment at a time'
    )
  ])
})
