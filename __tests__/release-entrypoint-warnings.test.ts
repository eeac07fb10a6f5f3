import { startReleaseEmulator } from './emulated.js'
import { makeWorkspace, runAction } from './helpers.js'

/**
 * A release's rollback of many members through dist/index.js: every member's rollback listens
 * for the runner's cancellation, and node must not print a listener-leak warning in the log.
 */
const N = 15
const ids = Array.from(
  { length: N },
  (_, i) => `c1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
)

test('a rollback of fifteen members: every one restored, and no node warning', async () => {
  const emulator = await startReleaseEmulator(ids)
  // The last read-back is wrong: the release fails after every other member was published.
  emulator.faults.add({
    call: 'get',
    versionId: 'v2.0.0',
    skip: N - 1,
    fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
  })
  try {
    const workspace = makeWorkspace({
      'release.yml':
        [
          'dataActions:',
          ...ids.map((id, i) => `  - { dataActionId: ${id}, actionFile: m${i}.js }`)
        ].join('\n') + '\n',
      ...Object.fromEntries(ids.map((_, i) => [`m${i}.js`, `exports.handler = () => ${i}\n`]))
    })
    const run = await runAction(
      {
        mode: 'publish',
        'release-manifest': 'release.yml',
        'target-environment': 'production',
        'client-id': 'demo-client',
        'client-secret': 'demo-secret',
        'api-base-url': emulator.url
      },
      { cwd: workspace, env: { GITHUB_REF: 'refs/tags/v2.0.0' } }
    )
    expect(run.outputs.result).toBe('rolled-back')
    expect(ids.map(id => emulator.state(id).live.production)).toEqual(Array(N).fill('v1'))
    expect(run.stderr).not.toContain('Warning')
  } finally {
    await emulator.stop()
  }
})
