// `npm run demo`: the main job end to end. Starts the embedded CXone emulator with a data
// action whose v1 is live in production, then runs the real dist/index.js as the runner would.
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CxoneEmulator, DEFAULT_CLIENT } from '../dist/emulator/index.js'
import { ROOT, runAction } from './run-action.mjs'

const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const emulator = new CxoneEmulator({
  publish: 'async',
  asyncPublishMs: 150,
  dataActions: [
    {
      id: ID,
      versions: [
        {
          versionId: 'v1',
          actionCode: 'exports.handler = async () => ({ route: "general-queue" })\n',
          liveIn: 'production'
        }
      ]
    }
  ]
})
const url = await emulator.start()

// One audit log for the whole demo, as a repository would keep across runs.
const auditLog = join(mkdtempSync(join(tmpdir(), 'cxone-demo-')), 'cxone-audit.jsonl')
const common = {
  'audit-log': auditLog,
  'action-file': 'examples/actions/lookup-customer.js',
  'data-action-id': ID,
  'target-environment': 'production',
  'dependency-manifest': 'examples/actions/package.json',
  'dependency-policy': 'examples/dependency-policy.yml'
}
const publish = {
  ...common,
  mode: 'publish',
  'api-base-url': url,
  'client-id': DEFAULT_CLIENT.clientId,
  'client-secret': DEFAULT_CLIENT.clientSecret
}

function show(title, run) {
  console.log(`\n=== ${title}`)
  for (const line of run.stdout.split('\n')) {
    if (
      line.startsWith('::add-mask::') ||
      line.startsWith('::group::') ||
      line.startsWith('::endgroup::')
    )
      continue
    if (line.trim()) console.log(`  ${line}`)
  }
  const { result, checksum, ...rest } = run.outputs
  console.log(
    `  -> exit code ${run.exitCode}, result=${result}, checksum=${checksum?.slice(0, 12)}…, ${JSON.stringify(rest)}`
  )
}

function state(title) {
  const { live, versions } = emulator.state(ID)
  console.log(
    `\n--- ${title}: live in production: ${live.production ?? 'nothing'}; versions: ${versions.map(v => `${v.versionId} (${v.status})`).join(', ')}`
  )
}

let ok = true
try {
  state('CXone before')
  const gate = await runAction({
    ...common,
    mode: 'validate',
    'version-id': 'pr-42',
    'action-file': 'examples/broken/lookup-customer.js',
    'dependency-manifest': 'examples/broken/package.json'
  })
  show('1. Pull request gate on a broken revision (mode: validate, no credentials)', gate)
  ok &&= gate.exitCode === 1

  const first = await runAction(publish, { env: { GITHUB_REF: 'refs/tags/v2' } })
  show('2. Tag v2 pushed: publish examples/actions/lookup-customer.js (mode: publish)', first)
  ok &&= first.outputs.result === 'published' && emulator.state(ID).live.production === 'v2'
  state('CXone after v2')

  emulator.faults.add({ call: 'publish', versionId: 'v3', fault: { kind: 'publish-fails' } })
  const second = await runAction(publish, { env: { GITHUB_REF: 'refs/tags/v3' } })
  show('3. Tag v3 pushed, and CXone fails the publish (injected): rolled back', second)
  ok &&= second.outputs.result === 'rolled-back' && emulator.state(ID).live.production === 'v2'
  state('CXone at the end')

  // Three runs, five records: each publish writes its intent before its first request.
  console.log(`\n=== 4. Verify the audit log the three runs left (${auditLog})`)
  const head = second.outputs['audit-hash']
  const verified = execFileSync(
    process.execPath,
    [join(ROOT, 'dist/cli/index.js'), 'verify-audit', auditLog, '--head', head],
    { encoding: 'utf8' }
  )
  console.log(
    `  $ node dist/cli/index.js verify-audit ${auditLog} --head ${head}\n  ${verified.trim()}`
  )
  ok &&= verified.includes('OK, 5 record(s) chained')
} finally {
  await emulator.stop()
}
console.log(ok ? '\nDemo finished as expected.' : '\nDemo did NOT behave as expected.')
process.exitCode = ok ? 0 : 1
