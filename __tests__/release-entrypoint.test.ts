import { CxoneEmulator, sha256 } from '../src/emulator/index.js'
import { releaseChecksum } from '../src/cxone/release.js'
import { startReleaseEmulator } from './emulated.js'
import { makeWorkspace, runAction } from './helpers.js'

/** A release through dist/index.js, as a tag push would run it. */
const ids = Array.from(
  { length: 5 },
  (_, i) => `b1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
)
const code = (i: number) =>
  `const _ = require('lodash')\nexports.handler = async e => _.get(e, 'member${i}')\n`

function releaseWorkspace(files: Record<string, string> = {}): string {
  return makeWorkspace({
    'deps.json': '{"lodash": "4.17.21"}',
    'release.yml':
      [
        'dependencyManifest: deps.json',
        'dataActions:',
        ...ids.map((id, i) => `  - { dataActionId: ${id}, actionFile: actions/m${i}.js }`)
      ].join('\n') + '\n',
    ...Object.fromEntries(ids.map((_, i) => [`actions/m${i}.js`, code(i)])),
    ...files
  })
}

let emulator: CxoneEmulator
beforeEach(async () => {
  emulator = await startReleaseEmulator(ids)
})
afterEach(async () => {
  await emulator.stop()
})

const inputs = (mode = 'publish') => ({
  mode,
  'release-manifest': 'release.yml',
  'target-environment': 'production',
  'client-id': 'demo-client',
  'client-secret': 'demo-secret',
  'api-base-url': emulator.url
})

test('a release tag publishes every member, verified; one checksum for the release', async () => {
  const run = await runAction(inputs(), {
    cwd: releaseWorkspace(),
    env: { GITHUB_REF: 'refs/tags/v2.0.0' }
  })
  expect(run.errors).toEqual([])
  expect(run.exitCode).toBe(0)
  expect(run.outputs).toMatchObject({
    result: 'published',
    published: 'true',
    'rolled-back': 'false',
    'version-id': 'v2.0.0',
    checksum: releaseChecksum(ids.map((id, i) => ({ dataActionId: id, checksum: sha256(code(i)) })))
  })
  expect(ids.map(id => emulator.state(id).live.production)).toEqual(Array(5).fill('v2.0.0'))
  expect(run.stdout).toContain('5/5 published')
  expect(run.summary).toContain(
    `<td>${ids[3]}</td><td>v2.0.0</td><td>v1</td><td>published</td><td>v2.0.0</td>`
  )
})

test('a pull request gates a release with no version anywhere: validate mode publishes nothing', async () => {
  const run = await runAction(
    { mode: 'validate', 'release-manifest': 'release.yml' },
    { cwd: releaseWorkspace(), env: { GITHUB_REF: 'refs/pull/7/merge' } }
  )
  expect(run.errors).toEqual([])
  expect(run.outputs.result).toBe('validated')
  expect(run.summary).toContain('All 5 data actions of the release passed every check.')
  // The same manifest cannot be published without a version.
  const publish = await runAction(inputs(), {
    cwd: releaseWorkspace(),
    env: { GITHUB_REF: 'refs/heads/main' }
  })
  expect(publish.outputs.result).toBe('failed')
  expect(publish.errors[0]).toContain('no versionId')
  expect(emulator.requests).toHaveLength(0)
})

test('every failing member is reported, and not one request is sent', async () => {
  const ws = releaseWorkspace({
    'actions/m1.js': 'exports.handler = ( => 1\n',
    'actions/m3.js': "require('moment')\nexports.handler = () => 1\n"
  })
  const run = await runAction(inputs(), { cwd: ws, env: { GITHUB_REF: 'refs/tags/v2.0.0' } })
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('failed')
  expect(run.errors).toHaveLength(2)
  expect(run.errors[0]).toMatch(
    new RegExp(`^::error file=actions/m1.js,line=1,col=\\d+::\\[${ids[1]}\\] Syntax error`)
  )
  expect(run.errors[1]).toMatch(
    new RegExp(
      `^::error file=actions/m3.js,line=1::\\[${ids[3]}\\] Dependency 'moment': undeclared`
    )
  )
  expect(run.summary).toContain('2 of 5 data actions failed validation; nothing was sent to CXone.')
  expect(emulator.requests).toEqual([])
})

test("a member's missing file is reported against release-manifest", async () => {
  const ws = releaseWorkspace({
    'release.yml': `- { dataActionId: ${ids[0]}, actionFile: actions/gone.js, versionId: v2 }\n`
  })
  const run = await runAction(inputs('validate'), { cwd: ws })
  expect(run.errors).toEqual([
    `::error::[${ids[0]}] Input 'release-manifest': 'actions/gone.js' does not exist`
  ])
})

test('a failing member rolls the whole release back: one error line, every member as before', async () => {
  emulator.faults.add({
    call: 'get',
    versionId: 'v2.0.0',
    times: 1,
    fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
  })
  const run = await runAction(inputs(), {
    cwd: releaseWorkspace(),
    env: { GITHUB_REF: 'refs/tags/v2.0.0' }
  })
  expect(run.exitCode).toBe(1)
  expect(run.outputs).toMatchObject({
    result: 'rolled-back',
    'rolled-back': 'true',
    published: 'false'
  })
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(
    /^::error::The release failed: .* Rolled back: \d member\(s\) restored to what was live before \(verified\)\.$/
  )
  expect(ids.map(id => emulator.state(id).live.production)).toEqual(Array(5).fill('v1'))
})

test("a gateway's 504 to every publish: rolled back, and the error line says those publishes may still land", async () => {
  emulator.faults.add({
    call: 'publish',
    versionId: 'v2.0.0',
    fault: { kind: 'status', status: 504, body: 'html' }
  })
  const run = await runAction(
    { ...inputs(), 'max-retries': '1' },
    { cwd: releaseWorkspace(), env: { GITHUB_REF: 'refs/tags/v2.0.0' } }
  )
  expect(run.outputs.result).toBe('rolled-back')
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(
    /^::error::The release failed: .* Rolled back: \d member\(s\) restored to what was live before \(verified\)\. The publish of v2\.0\.0 of b1b2c3d4-[-0-9a-f]+(, v2\.0\.0 of b1b2c3d4-[-0-9a-f]+)* got no answer: should CXone still carry it out, it goes live unverified \(check with mode: plan\)\.$/
  )
  expect(ids.map(id => emulator.state(id).live.production)).toEqual(Array(5).fill('v1'))
})

describe('an early member failure in a release of more members than concurrency', () => {
  // One request at a time: four members queue behind the one that fails.
  const oneAtATime = () => ({ ...inputs(), concurrency: '1' })

  test("member 0's publish (request 11) answered 422: every member whose publish was sent is restored", async () => {
    emulator.faults.add({
      call: 'publish',
      at: 11,
      fault: { kind: 'status', status: 422, error: 'unprocessable' }
    })
    const run = await runAction(oneAtATime(), {
      cwd: releaseWorkspace(),
      env: { GITHUB_REF: 'refs/tags/v2.0.0' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs).toMatchObject({ result: 'rolled-back', 'rolled-back': 'true' })
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('422 unprocessable')
    expect(ids.map(id => emulator.state(id).live.production)).toEqual(Array(5).fill('v1'))
  })

  test("member 0's upload answered 409 conflict: the release stops, nothing live changed", async () => {
    emulator.seed(ids[0]!, { versionId: 'v2.0.0', actionCode: 'other code\n' })
    const run = await runAction(oneAtATime(), {
      cwd: releaseWorkspace(),
      env: { GITHUB_REF: 'refs/tags/v2.0.0' }
    })
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]).toContain('409 version_conflict')
    expect(run.errors[0]).toContain('nothing live was changed')
    expect(emulator.requests.some(r => r.call === 'publish')).toBe(false)
    expect(ids.map(id => emulator.state(id).live.production)).toEqual(Array(5).fill('v1'))
  })
})
