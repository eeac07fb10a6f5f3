// `npm run bench`: the issues' speed and memory targets, measured side by side in one run and
// printed as ratios (absolute times on a shared machine mean little; ratios hold).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CxoneEmulator, DEFAULT_CLIENT } from '../dist/emulator/index.js'
import { ROOT, runAction } from './run-action.mjs'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const results = []

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function report(name, value, limit, unit = '×') {
  const ok = value <= limit
  results.push(ok)
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}: ${value.toFixed(2)}${unit} (target ≤ ${limit}${unit})`
  )
}

async function time(command, args, env = {}) {
  const started = performance.now()
  const child = spawn(command, args, { stdio: 'ignore', env: { ...process.env, ...env } })
  await once(child, 'close')
  return performance.now() - started
}

/** A workspace with a typical 2 KB action file and a 1 MB one built from the same code. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-'))
  mkdirSync(join(dir, 'actions'))
  const typical = readFileSync(join(ROOT, 'examples/actions/lookup-customer.js'), 'utf8')
  writeFileSync(join(dir, 'actions/typical.js'), typical)
  const body = typical.replace(/^exports\.handler[\s\S]*$/m, '')
  let big = "'use strict'\n"
  for (let i = 0; big.length < 1024 * 1024; i++) {
    big += body
      .replace(/^'use strict'$/m, '')
      .replace(
        /(?<!['/])\b(axios|get|CRM_TIMEOUT_MS|normalisePhone|findCustomer)\b(?!')/g,
        `$1_${i}`
      )
  }
  big += typical
    .slice(typical.indexOf('exports.handler'))
    .replace(/(?<!['/])\b(get|normalisePhone|findCustomer|axios)\b(?!')/g, '$1_0')
  writeFileSync(join(dir, 'actions/big.js'), big)
  writeFileSync(
    join(dir, 'actions/package.json'),
    readFileSync(join(ROOT, 'examples/actions/package.json'))
  )
  return dir
}

async function benchValidate() {
  console.log('\n# Validate mode (issue 2)')
  const ws = workspace()
  const inputs = file => ({
    mode: 'validate',
    'action-file': `actions/${file}`,
    'data-action-id': ID,
    'version-id': 'v1',
    'dependency-manifest': 'actions/package.json'
  })
  // Warm the file cache, then alternate so both sides see the same machine.
  await runAction(inputs('typical.js'), { cwd: ws })
  const baseline = []
  const typical = []
  const big = []
  for (let i = 0; i < ROUNDS; i++) {
    baseline.push(await time(process.execPath, ['-e', '']))
    const t = await runAction(inputs('typical.js'), { cwd: ws })
    if (t.outputs.result !== 'validated') throw new Error(`typical run failed:\n${t.stdout}`)
    typical.push(t.durationMs)
    const b = await runAction(inputs('big.js'), { cwd: ws })
    if (b.outputs.result !== 'validated') throw new Error(`1 MB run failed:\n${b.stdout}`)
    big.push(b.durationMs)
  }
  const base = median(baseline)
  console.log(
    `node -e '': ${base.toFixed(0)} ms; validate 2 KB: ${median(typical).toFixed(0)} ms; validate 1 MB: ${median(big).toFixed(0)} ms (medians of ${ROUNDS})`
  )
  report("validate 2 KB ÷ node -e ''", median(typical) / base, 3.5)
  report('validate 1 MB − validate 2 KB', median(big) - median(typical), 300, ' ms')
  const { actionMb, sandboxMb } = await runMeasured(inputs('typical.js'), { cwd: ws })
  console.log(
    `peak RSS of a validate run: action ${Math.round(actionMb)} MB, sandbox child ${sandboxMb} MB`
  )
}

// Prints the action process's peak resident memory as it exits (it cannot see its own end).
const RSS_HOOK = `--import=data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`

/** Runs the action with its peak memory measured: the action process's and, as the summary line reports it, its sandbox child's (MB). */
async function runMeasured(inputs, options = {}) {
  const run = await runAction(inputs, {
    ...options,
    env: { ...options.env, NODE_OPTIONS: RSS_HOOK }
  })
  return {
    run,
    actionMb: Number(/maxrss=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024,
    sandboxMb: Number(/Sandbox: .*peak (\d+) MB/.exec(run.stdout)?.[1] ?? 0)
  }
}

async function benchPublish() {
  console.log('\n# Publish mode (issue 3): 20 ms injected latency, synchronous publishes')
  const LATENCY = 20
  const emulator = new CxoneEmulator({
    latencyMs: LATENCY,
    dataActions: [
      {
        id: ID,
        versions: [
          { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' }
        ]
      }
    ]
  })
  const url = await emulator.start()
  const ratios = []
  let worst = { latency: 0, requests: 0 }
  let peakAction = 0
  let peakSandbox = 0
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const before = emulator.requests.length
      const { run, actionMb, sandboxMb } = await runMeasured({
        mode: 'publish',
        'action-file': 'examples/actions/lookup-customer.js',
        'dependency-manifest': 'examples/actions/package.json',
        'data-action-id': ID,
        'version-id': `bench-${i}`,
        'target-environment': 'production',
        'api-base-url': url,
        'client-id': DEFAULT_CLIENT.clientId,
        'client-secret': DEFAULT_CLIENT.clientSecret
      })
      if (run.outputs.result !== 'published') throw new Error(`publish failed:\n${run.stdout}`)
      const requests = emulator.requests.length - before
      const latency = Number(run.outputs['latency-ms'])
      ratios.push(latency / (requests * (LATENCY + 5)))
      if (latency > worst.latency) worst = { latency, requests }
      peakAction = Math.max(peakAction, actionMb)
      peakSandbox = Math.max(peakSandbox, sandboxMb)
    }
  } finally {
    await emulator.stop()
  }
  const requests = worst.requests
  console.log(
    `requests per publish: ${requests}; ideal ${requests} × ${LATENCY} ms = ${requests * LATENCY} ms; ` +
      `limit ${requests} × ${LATENCY + 5} ms = ${requests * (LATENCY + 5)} ms; ` +
      `latency-ms median ${median(ratios).toFixed(2)}× the limit, worst ${worst.latency} ms`
  )
  report('publish latency ÷ (requests × 25 ms), median', median(ratios), 1)
  report('peak RSS of a publish run (action process)', peakAction, 120, ' MB')
  console.log(`peak RSS of its sandbox child: ${peakSandbox} MB`)
}

/** Answers that never come whole (issue 9): each run ends at the cap or the deadline. */
async function benchBodies() {
  console.log('\n# Bodies and attempts (issue 9): one publish whose read-back misbehaves')
  const emulator = new CxoneEmulator({
    dataActions: [
      {
        id: ID,
        versions: [
          { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' }
        ]
      }
    ]
  })
  const url = await emulator.start()
  const publish = (versionId, extra = {}) =>
    runAction({
      mode: 'publish',
      'action-file': 'examples/actions/lookup-customer.js',
      'dependency-manifest': 'examples/actions/package.json',
      'data-action-id': ID,
      'version-id': versionId,
      'target-environment': 'production',
      'api-base-url': url,
      'client-id': DEFAULT_CLIENT.clientId,
      'client-secret': DEFAULT_CLIENT.clientSecret,
      'max-retries': '1',
      ...extra
    })
  try {
    const clean = await publish('bodies-clean')
    const cases = [
      ['100 MB body', { kind: 'huge', bytes: 100 * 1024 * 1024 }, {}],
      [
        'body trickling 1 byte / 300 ms',
        { kind: 'trickle', everyMs: 300 },
        { 'request-timeout-ms': '2000' }
      ]
    ]
    for (const [name, fault, extra] of cases) {
      emulator.faults.clear()
      const versionId = `bodies-${fault.kind}`
      emulator.faults.add({ call: 'get', versionId, times: 1, fault })
      const run = await publish(versionId, extra)
      const read = emulator.requests.find(r => r.fault === fault.kind)
      console.log(
        `${name}${extra['request-timeout-ms'] ? ` (request-timeout-ms ${extra['request-timeout-ms']})` : ''}: ` +
          `run ${run.durationMs.toFixed(0)} ms against ${clean.durationMs.toFixed(0)} ms for a clean one; ` +
          `result ${run.outputs.result}; body read whole: ${read?.completed ? 'YES' : 'no'}`
      )
      results.push(run.outputs.result === 'rolled-back' && !read?.completed)
    }
    emulator.faults.clear()
    emulator.faults.add({ call: 'token', fault: { kind: 'status', status: 503 } })
    const before = emulator.requests.length
    const failed = await publish('bodies-token', { 'max-retries': '5' })
    console.log(
      `token answered 503 throughout, max-retries 5: ${emulator.requests.length - before} requests, ` +
        `run ${failed.durationMs.toFixed(0)} ms; result ${failed.outputs.result}`
    )
    results.push(emulator.requests.length - before === 5)
  } finally {
    await emulator.stop()
  }
}

async function benchRelease() {
  const MEMBERS = Number(process.env.BENCH_RELEASE_MEMBERS ?? 100)
  const RATE = 50
  console.log(
    `\n# Release (issue 5): ${MEMBERS} data actions, rate limit ${RATE}/s (token bucket), 10 ms latency`
  )
  const ids = Array.from(
    { length: MEMBERS },
    (_, i) => `c1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
  )
  const ws = mkdtempSync(join(tmpdir(), 'cxone-bench-release-'))
  mkdirSync(join(ws, 'actions'))
  const typical = readFileSync(join(ROOT, 'examples/actions/lookup-customer.js'), 'utf8')
  ids.forEach((id, i) =>
    writeFileSync(join(ws, `actions/m${i}.js`), `${typical}\n// member ${i}\n`)
  )
  writeFileSync(join(ws, 'deps.json'), readFileSync(join(ROOT, 'examples/actions/package.json')))
  writeFileSync(
    join(ws, 'release.yml'),
    [
      'versionId: v2',
      'dependencyManifest: deps.json',
      'dataActions:',
      ...ids.map((id, i) => `  - { dataActionId: ${id}, actionFile: actions/m${i}.js }`)
    ].join('\n') + '\n'
  )
  const emulatorFor = () =>
    new CxoneEmulator({
      latencyMs: 10,
      rateLimit: { perSecond: RATE },
      dataActions: ids.map(id => ({
        id,
        versions: [
          { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' }
        ]
      }))
    })
  const credentials = url => ({
    'api-base-url': url,
    'client-id': DEFAULT_CLIENT.clientId,
    'client-secret': DEFAULT_CLIENT.clientSecret
  })

  const emulator = emulatorFor()
  const url = await emulator.start()
  let measured
  try {
    measured = await runMeasured(
      {
        mode: 'publish',
        'release-manifest': 'release.yml',
        'target-environment': 'production',
        ...credentials(url)
      },
      { cwd: ws }
    )
  } finally {
    await emulator.stop()
  }
  const { run } = measured
  const failures = ids.filter(id => emulator.state(id).live.production !== 'v2').length
  if (run.outputs.result !== 'published' || failures > 0)
    throw new Error(`release failed:\n${run.stdout.slice(-3000)}`)
  const answered = emulator.requests.filter(r => r.status !== 429)
  const limited = emulator.requests.filter(r => r.status === 429)
  const first = emulator.requests[0]?.at ?? 0
  const lateLimited = limited.filter(r => r.at - first > 1000).length
  const ideal = (answered.length / RATE) * 1000
  const latency = Number(run.outputs['latency-ms'])
  console.log(
    `release: ${answered.length} requests answered (+${limited.length} answered 429, ${lateLimited} after the first second); ` +
      `latency-ms ${latency} against the ideal ${answered.length} ÷ ${RATE}/s = ${ideal.toFixed(0)} ms; ${failures} failures`
  )
  report('release time ÷ ideal (requests ÷ rate limit)', latency / ideal, 1.15)
  report('429 responses after the first second', lateLimited, 5, '')
  report('peak RSS of the release run (action process)', measured.actionMb, 150, ' MB')

  // Side by side: the same members promoted one at a time by single-action runs.
  const sequential = emulatorFor()
  const seqUrl = await sequential.start()
  const started = performance.now()
  try {
    for (let i = 0; i < MEMBERS; i++) {
      const single = await runAction(
        {
          mode: 'publish',
          'action-file': `actions/m${i}.js`,
          'data-action-id': ids[i],
          'version-id': 'v2',
          'dependency-manifest': 'deps.json',
          'target-environment': 'production',
          ...credentials(seqUrl)
        },
        { cwd: ws }
      )
      if (single.outputs.result !== 'published')
        throw new Error(`sequential run ${i} failed:\n${single.stdout}`)
    }
  } finally {
    await sequential.stop()
  }
  const sequentialMs = performance.now() - started
  console.log(
    `sequential single-action runs: ${(sequentialMs / 1000).toFixed(1)} s in all (each validates and starts node); ` +
      `release: ${(run.durationMs / 1000).toFixed(1)} s in all, ${(latency / 1000).toFixed(1)} s publishing; ` +
      `sequential ÷ release (whole runs) = ${(sequentialMs / run.durationMs).toFixed(2)}×`
  )
}

await benchValidate()
await benchPublish()
await benchBodies()
await benchRelease()
const failed = results.filter(ok => !ok).length
console.log(failed === 0 ? '\nAll targets met.' : `\n${failed} target(s) missed.`)
process.exitCode = failed === 0 ? 0 : 1
