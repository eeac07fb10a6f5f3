// The README's first command: runs the real dist/index.js on the examples, as a workflow would.
import { runAction } from './run-action.mjs'

const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'

function show(title, run) {
  console.log(`\n=== ${title}`)
  for (const line of run.stdout.split('\n')) {
    if (line.startsWith('::error') || line.startsWith('::warning')) console.log(`  ${line}`)
    else if (/^(pass|fail|skipped) /.test(line)) console.log(`  ${line}`)
  }
  console.log(`  exit code ${run.exitCode}; outputs: ${JSON.stringify(run.outputs)}`)
}

const good = await runAction({
  mode: 'validate',
  'action-file': 'examples/actions/lookup-customer.js',
  'data-action-id': ID,
  'version-id': 'v2',
  'target-environment': 'production',
  'dependency-manifest': 'examples/actions/package.json',
  'dependency-policy': 'examples/dependency-policy.yml'
})
show('validate examples/actions/lookup-customer.js (the pull-request gate)', good)

const broken = await runAction({
  mode: 'validate',
  'action-file': 'examples/broken/lookup-customer.js',
  'data-action-id': ID,
  'version-id': 'v2',
  'target-environment': 'production',
  'dependency-manifest': 'examples/broken/package.json',
  'dependency-policy': 'examples/dependency-policy.yml'
})
show('validate examples/broken/lookup-customer.js (expected to fail)', broken)

const ok = good.exitCode === 0 && broken.exitCode === 1
console.log(ok ? '\nDemo finished as expected.' : '\nDemo did NOT behave as expected.')
process.exitCode = ok ? 0 : 1
