import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CxoneEmulator } from '../../src/emulator/index.js'
import { ID, startEmulator } from '../emulated.js'
import { makeWorkspace, runAction } from '../helpers.js'

/** Plan mode through dist/index.js: reads only, and tells what a publish would change. */
const V1 = "const _ = require('lodash')\nexports.handler = () => _.identity('v1')\n"
const V2 =
  "const _ = require('lodash')\nconst axios = require('axios')\nexports.handler = () => _.identity('v2')\n"

/** A checkout whose history released V1 as tag v1, with V2 as the working code. */
function repository(): string {
  const ws = makeWorkspace({
    'actions/lookup.js': V1,
    'actions/deps.json': '{"lodash": "4.17.20"}'
  })
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-C', ws, ...args],
      { stdio: 'ignore' }
    )
  git('init', '-q')
  git('add', '.')
  git('commit', '-q', '-m', 'v1')
  git('tag', 'v1')
  writeFileSync(join(ws, 'actions/lookup.js'), V2)
  writeFileSync(join(ws, 'actions/deps.json'), '{"lodash": "4.17.21", "axios": "1.7.9"}')
  return ws
}

let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})

const plan = (cwd: string, extra: Record<string, string> = {}) =>
  runAction(
    {
      mode: 'plan',
      'client-id': 'demo-client',
      'client-secret': 'demo-secret',
      'api-base-url': emulator.url,
      'action-file': 'actions/lookup.js',
      'dependency-manifest': 'actions/deps.json',
      'data-action-id': ID,
      'version-id': 'v2',
      'target-environment': 'production',
      ...extra
    },
    { cwd }
  )

const start = (liveCode: string, liveId = 'v1') =>
  startEmulator({
    dataActions: [
      {
        id: ID,
        versions: [
          {
            versionId: liveId,
            actionCode: liveCode,
            liveIn: 'production',
            dependencyMatrix: { lodash: '4.17.20' }
          }
        ]
      }
    ]
  })

test('a new version: what would change, no drift, and nothing but reads', async () => {
  emulator = await start(V1)
  const run = await plan(repository())
  expect(run.exitCode).toBe(0)
  expect(run.warnings).toEqual([])
  expect(run.outputs).toMatchObject({
    result: 'planned',
    'previous-version-id': 'v1',
    'version-id': 'v2'
  })
  expect(run.summary).toContain('Planned change: <strong>new version</strong>')
  expect(run.summary).toContain('the live v1 is actions/lookup.js at tag v1')
  expect(run.summary).toContain('<tr><td>lodash</td><td>4.17.20</td><td>4.17.21</td></tr>')
  expect(run.summary).toContain('<tr><td>axios</td><td>(none)</td><td>1.7.9</td></tr>')
  const api = emulator.requests.filter(r => r.call !== 'token')
  expect(api.map(r => r.method)).toEqual(['GET', 'GET'])
  expect(emulator.state(ID).versions.map(v => v.versionId)).toEqual(['v1'])
})

test('drift: the live version is not the code released under its tag', async () => {
  emulator = await start('exports.handler = () => "patched by hand in the CXone console"\n')
  const run = await plan(repository())
  expect(run.exitCode).toBe(0)
  expect(run.outputs.result).toBe('planned')
  expect(run.warnings).toHaveLength(1)
  expect(run.warnings[0]).toMatch(
    /^::warning::Drift: the live v1 has checksum [0-9a-f]{64}, but actions\/lookup.js at tag v1 has [0-9a-f]{64}: production was changed by hand$/
  )
})

test('drift: the live version id has no tag in the repository', async () => {
  emulator = await start(V1, 'hotfix-7')
  const run = await plan(repository())
  expect(run.warnings).toEqual([
    '::warning::Drift: the live version hotfix-7 has no matching git tag here: it was not released from this repository'
  ])
})

test('without git history, drift is reported as not checked', async () => {
  emulator = await start(V1)
  const ws = makeWorkspace({
    'actions/lookup.js': V2,
    'actions/deps.json': '{"lodash": "4.17.21", "axios": "1.7.9"}'
  })
  const run = await plan(ws)
  expect(run.outputs.result).toBe('planned')
  expect(run.summary).toContain('drift could not be checked: the workspace is not a git checkout')
})

test('a version id taken by other code: the plan fails, as the publish would', async () => {
  emulator = await start(V1)
  emulator.seed(ID, { versionId: 'v2', actionCode: 'exports.handler = () => "someone else"\n' })
  const run = await plan(repository())
  expect(run.exitCode).toBe(1)
  expect(run.outputs.result).toBe('failed')
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain('::error::Plan: version v2 of')
  expect(run.errors[0]).toContain('already exists with other code')
})

test('already live: unchanged', async () => {
  emulator = await start(V2, 'v2')
  const run = await plan(repository())
  expect(run.outputs.result).toBe('planned')
  expect(run.summary).toContain('Planned change: <strong>unchanged</strong>')
})
