// The release section: a release of many data actions, validated, then published under a rate
// limit (and, with BENCH_SEQUENTIAL set, the same members one single-action run at a time).
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CxoneEmulator, DEFAULT_CLIENT } from '../../dist/emulator/index.js'
import { node24Path } from '../node24.mjs'
import { ROOT, runAction } from '../run-action.mjs'
import { median, NODES, report, reportRss, ROUNDS, runMeasured } from './common.mjs'

/** The members of the benchmark's release, and the rate limit (requests per second) it meets. */
const MEMBERS = Number(process.env.BENCH_RELEASE_MEMBERS ?? 100)
const RATE = 50

/**
 * A release of MEMBERS data actions (BENCH_RELEASE_MEMBERS, 100 by default): validated by the pool (validate mode, the PR gate of a
 * release), then published against a rate limit; the whole step's wall time against the
 * ideal (requests ÷ rate).
 */
export async function benchRelease() {
  console.log(
    `\n# Release (issues 5, 11): ${MEMBERS} data actions, rate limit ${RATE}/s (token bucket), 10 ms latency`
  )
  const ids = Array.from(
    { length: MEMBERS },
    (_, i) => `c1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
  )
  const ws = releaseWorkspace(ids)
  const release = { 'release-manifest': 'release.yml', 'dependency-policy': 'policy.yml' }
  await validateRelease(ws, release)
  const run = await publishRelease(ws, release, ids)
  if (!process.env.BENCH_SEQUENTIAL) return
  // Side by side: the same members promoted one at a time by single-action runs.
  await publishOneByOne(ws, ids, run)
}

/** A workspace with a release manifest of the given members, each a copy of the typical file. */
function releaseWorkspace(ids) {
  const ws = mkdtempSync(join(tmpdir(), 'cxone-bench-release-'))
  mkdirSync(join(ws, 'actions'))
  const typical = readFileSync(join(ROOT, 'examples/actions/lookup-customer.js'), 'utf8')
  ids.forEach((id, i) =>
    writeFileSync(join(ws, `actions/m${i}.js`), `${typical}\n// member ${i}\n`)
  )
  writeFileSync(join(ws, 'deps.json'), readFileSync(join(ROOT, 'examples/actions/package.json')))
  writeFileSync(join(ws, 'policy.yml'), readFileSync(join(ROOT, 'examples/dependency-policy.yml')))
  writeFileSync(
    join(ws, 'release.yml'),
    [
      'versionId: v2',
      'dependencyManifest: deps.json',
      'dataActions:',
      ...ids.map((id, i) => `  - { dataActionId: ${id}, actionFile: actions/m${i}.js }`)
    ].join('\n') + '\n'
  )
  return ws
}

/** The release validated (validate mode, the PR gate): its Validate phase and peak RSS. */
async function validateRelease(ws, release) {
  const validations = []
  let validateRss = 0
  for (let i = 0; i < Math.min(ROUNDS, 5); i++) {
    const { run, actionMb } = await runMeasured(
      { mode: 'validate', ...release, 'target-environment': 'production' },
      { cwd: ws }
    )
    if (run.outputs.result !== 'validated')
      throw new Error(`release validation failed:\n${run.stdout}`)
    validations.push(validateMs(run))
    validateRss = Math.max(validateRss, actionMb)
  }
  console.log(`validation of ${MEMBERS} members: ${validations.map(ms => `${ms} ms`).join(', ')}`)
  report(`validating ${MEMBERS} members (median)`, median(validations), 1000, ' ms')
  // Issue 11's ceiling for it (main measured 104 MB on node 24 and 90 on node 20).
  report(`peak RSS of a ${MEMBERS}-member validate run (action process)`, validateRss, 97, ' MB')
}

/** An emulator holding the members, v1 live in production, behind 10 ms and a rate limit. */
function emulatorFor(ids) {
  return new CxoneEmulator({
    latencyMs: 10,
    rateLimit: { perSecond: RATE },
    dataActions: ids.map(id => ({
      id,
      versions: [
        { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' }
      ]
    }))
  })
}

const credentials = url => ({
  'api-base-url': url,
  'client-id': DEFAULT_CLIENT.clientId,
  'client-secret': DEFAULT_CLIENT.clientSecret
})

/**
 * The release published on each node: its peak RSS; on node 24, its wall time and latency
 * against the ideal and the 429s after the first second. Returns node 24's run.
 */
async function publishRelease(ws, release, ids) {
  let run
  for (const [label, node] of NODES) {
    const emulator = emulatorFor(ids)
    const url = await emulator.start()
    let measured
    try {
      measured = await runMeasured(
        { mode: 'publish', ...release, 'target-environment': 'production', ...credentials(url) },
        { cwd: ws, node }
      )
    } finally {
      await emulator.stop()
    }
    const failures = ids.filter(id => emulator.state(id).live.production !== 'v2').length
    if (measured.run.outputs.result !== 'published' || failures > 0)
      throw new Error(`release failed:\n${measured.run.stdout.slice(-3000)}`)
    reportRss(`peak RSS of the ${MEMBERS}-member release run`, node, 'release', measured.actionMb)
    if (node !== node24Path) continue
    run = measured.run
    const answered = emulator.requests.filter(r => r.status !== 429)
    const limited = emulator.requests.filter(r => r.status === 429)
    const first = emulator.requests[0]?.at ?? 0
    const lateLimited = limited.filter(r => r.at - first > 1000).length
    const ideal = (answered.length / RATE) * 1000
    const latency = Number(run.outputs['latency-ms'])
    console.log(
      `${label} release: ${answered.length} requests answered (+${limited.length} answered 429, ${lateLimited} after the first second); ` +
        `ideal ${answered.length} ÷ ${RATE}/s = ${ideal.toFixed(0)} ms; whole step ${run.durationMs.toFixed(0)} ms ` +
        `(validation ${validateMs(run)} ms, latency-ms ${latency})`
    )
    report('release step (wall) ÷ ideal (requests ÷ rate limit)', run.durationMs / ideal, 1.15)
    report('release latency-ms ÷ ideal', latency / ideal, 1.15)
    report('429 responses after the first second', lateLimited, 5, '')
  }
  return run
}

/** The same members promoted one at a time by single-action runs, against the release's run. */
async function publishOneByOne(ws, ids, run) {
  const sequential = emulatorFor(ids)
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
        { cwd: ws, node: node24Path }
      )
      if (single.outputs.result !== 'published')
        throw new Error(`sequential run ${i} failed:\n${single.stdout}`)
    }
  } finally {
    await sequential.stop()
  }
  const sequentialMs = performance.now() - started
  console.log(
    `sequential single-action runs: ${(sequentialMs / 1000).toFixed(1)} s in all; ` +
      `release: ${(run.durationMs / 1000).toFixed(1)} s; sequential ÷ release = ${(sequentialMs / run.durationMs).toFixed(2)}×`
  )
}

/** The validate phase's duration, from the run's audit record. */
function validateMs(run) {
  const lines = readFileSync(run.outputs['audit-log-path'], 'utf8').trim().split('\n')
  const { phases } = JSON.parse(lines.at(-1))
  if (phases[0]?.name !== 'Validate') throw new Error('the audit record has no Validate phase')
  return phases[0].durationMs
}
