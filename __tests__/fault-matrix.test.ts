import type { ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { verifyChain } from '../src/evidence/audit.js'
import { CxoneEmulator, type Fault, type RecordedRequest } from '../src/emulator/index.js'
import { makeWorkspace, NODES, runAction, type ActionRun } from './helpers.js'

/**
 * The transaction's promise, probed everywhere a run can be hurt: for a single publish and for
 * a release of 2 × concurrency members, at every request index k of a clean run, each fault
 * below is injected at request k, and the invariant is checked on CXone's state (the
 * emulator's), the step's exit code and outputs, and the audit log, on node 20 and node 24:
 * either the new version is verified live (`published`, exit 0), or what was live before is
 * live again (`rolled-back` or `failed`, exit 1, one error line); always a `result`.
 */
type Shape = 'single' | 'release'
const RELEASE_FAULTS = ['status', 'reset', 'cut', 'hang', 'sigint', 'sigkill'] as const
/**
 * A single publish also meets bodies that trickle or are huge, and a gateway that answers 504
 * once CXone has carried the request out.
 */
const SINGLE_FAULTS = [...RELEASE_FAULTS, 'trickle', 'huge', 'gateway'] as const
type FaultName = (typeof SINGLE_FAULTS)[number]
const FAULTS: Record<Shape, readonly FaultName[]> = {
  single: SINGLE_FAULTS,
  release: RELEASE_FAULTS
}

const SECRET = `matrix-secret-${process.pid}`
const CONCURRENCY = 2
// More members than twice the window: queued requests outnumber those in flight.
const ids = Array.from(
  { length: 2 * CONCURRENCY + 1 },
  (_, i) => `d1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
)
const code = (i: number) => `exports.handler = async () => ({ member: ${i} })\n`
/** Every member but the last has v1 live; the last has nothing live (its rollback unpublishes). */
const before = ids.map((_, i) => (i < ids.length - 1 ? 'v1' : null))
const membersOf = (shape: Shape) => (shape === 'single' ? [0] : ids.map((_, i) => i))

const workspace = makeWorkspace({
  'release.yml':
    [
      'versionId: v2',
      'dataActions:',
      ...ids.map((id, i) => `  - { dataActionId: ${id}, actionFile: m${i}.js }`)
    ].join('\n') + '\n',
  ...Object.fromEntries(ids.map((_, i) => [`m${i}.js`, code(i)]))
})

/** Signals are sent as request k arrives, and request k is held a moment, so they land mid-request. */
const INJECTED: Record<FaultName, Fault> = {
  status: { kind: 'status', status: 503 },
  reset: { kind: 'reset' },
  cut: { kind: 'cut' },
  hang: { kind: 'hang' },
  sigint: { kind: 'delay', ms: 150 },
  sigkill: { kind: 'delay', ms: 150 },
  trickle: { kind: 'trickle', everyMs: 50 },
  huge: { kind: 'huge', bytes: 20 * 1024 * 1024 },
  gateway: { kind: 'gateway', status: 504 }
}
/** Faults that need the request deadline short, so a run meets it quickly. */
const SLOW: readonly FaultName[] = ['hang', 'trickle']

function emulatorFor(
  shape: Shape,
  onRequest?: (request: RecordedRequest, index: number) => void
): CxoneEmulator {
  return new CxoneEmulator({
    // A single publish meets asynchronous publishes (202, then a poll: the longest path, and a
    // window where nothing is live); a release, synchronous ones (fewer requests, so fewer cells).
    publish: shape === 'single' ? 'async' : 'sync',
    asyncPublishMs: 20,
    clients: [{ clientId: 'matrix', clientSecret: SECRET }],
    dataActions: ids.map((id, i) => ({
      id,
      versions: before[i]
        ? [
            {
              versionId: 'v1',
              actionCode: 'exports.handler = () => 1\n',
              liveIn: 'production' as const
            }
          ]
        : []
    })),
    ...(onRequest ? { onRequest } : {})
  })
}

function inputs(shape: Shape, url: string, auditLog: string, requestTimeoutMs: number) {
  return {
    mode: 'publish',
    'client-id': 'matrix',
    'client-secret': SECRET,
    'api-base-url': url,
    'target-environment': 'production',
    'version-id': 'v2',
    // One attempt: each fault is final for its request, so the failure path runs from every k.
    'max-retries': '1',
    'request-timeout-ms': String(requestTimeoutMs),
    'publish-timeout-ms': '4000',
    concurrency: String(CONCURRENCY),
    'pr-comment': 'false',
    'audit-log': auditLog,
    ...(shape === 'single'
      ? { 'action-file': 'm0.js', 'data-action-id': ids[0]! }
      : { 'release-manifest': 'release.yml' })
  }
}

/** A clean run's requests: the k's of the matrix, and labels for its rows. */
async function cleanRun(shape: Shape): Promise<string[]> {
  const emulator = emulatorFor(shape)
  const url = await emulator.start()
  const dir = mkdtempSync(join(tmpdir(), 'cxone-matrix-'))
  const run = await runAction(inputs(shape, url, join(dir, 'audit.jsonl'), 5000), {
    cwd: workspace
  })
  await emulator.stop()
  if (run.outputs.result !== 'published')
    throw new Error(`the clean ${shape} run failed:\n${run.stdout}`)
  return emulator.requests.map(r => `${r.call}${r.versionId ? ` ${r.versionId}` : ''}`)
}

const clean: Record<Shape, string[]> = {
  single: await cleanRun('single'),
  release: await cleanRun('release')
}

/** What the invariant says is wrong with a finished run, given what is live now. */
function violations(
  run: ActionRun,
  live: Array<string | null>,
  shape: Shape,
  auditLog: string
): string[] {
  const wrong: string[] = []
  const { result } = run.outputs
  const expectAll = (want: Array<string | null>, what: string): void => {
    if (live.some((v, i) => v !== want[i]))
      wrong.push(`${what}, but live is ${live.map(v => v ?? '-').join('/')}`)
  }
  const previous = membersOf(shape).map(i => before[i] ?? null)
  if (result === undefined) wrong.push(`no result output (exit ${run.exitCode ?? run.signal})`)
  else if (result === 'published' || result === 'unchanged') {
    if (run.exitCode !== 0) wrong.push(`${result} with exit ${run.exitCode}`)
    if (run.errors.length > 0) wrong.push(`${result} with an error line`)
    expectAll(
      previous.map(() => 'v2'),
      result
    )
  } else if (result === 'rolled-back' || result === 'failed') {
    if (run.exitCode !== 1) wrong.push(`${result} with exit ${run.exitCode ?? run.signal}`)
    if (run.errors.length !== 1) wrong.push(`${result} with ${run.errors.length} error lines`)
    if (result === 'rolled-back' && run.outputs['rolled-back'] !== 'true')
      wrong.push('rolled-back output is not true')
    expectAll(previous, result)
  } else wrong.push(`result ${result}`)
  const text =
    run.stdout.replace(/^::add-mask::.*$/gm, '') +
    run.stderr +
    run.summary +
    JSON.stringify(run.outputs)
  if (text.includes(SECRET)) wrong.push('the client secret is visible')
  if (/^\s+at .+:\d+:\d+\)?$/m.test(run.stdout + run.stderr)) wrong.push('a stack trace')
  if (result !== undefined) {
    const log = readFileSync(auditLog, 'utf8')
    const last = JSON.parse(log.trimEnd().split('\n').at(-1) ?? '{}') as {
      result?: string
      hash?: string
    }
    if (!verifyChain(log, run.outputs['audit-hash']).ok)
      wrong.push('the audit chain does not verify')
    if (last.result !== result)
      wrong.push(`the audit record says ${last.result}, the output ${result}`)
  }
  return wrong
}

interface Cell {
  shape: Shape
  node: string
  k: number
  fault: FaultName
  outcome: string
  wrong: string[]
}
const cells: Cell[] = []

async function runCell(
  shape: Shape,
  nodePath: string,
  k: number,
  fault: FaultName
): Promise<Pick<Cell, 'outcome' | 'wrong'>> {
  let child: ChildProcess | undefined
  const signal = fault === 'sigint' ? 'SIGINT' : fault === 'sigkill' ? 'SIGKILL' : undefined
  const emulator = emulatorFor(shape, (_, index) => {
    if (index === k && signal) child?.kill(signal)
  })
  emulator.faults.add({ at: k, fault: INJECTED[fault] })
  const url = await emulator.start()
  const auditLog = join(mkdtempSync(join(tmpdir(), 'cxone-matrix-')), 'audit.jsonl')
  const options = {
    cwd: workspace,
    node: nodePath,
    timeoutMs: 30_000,
    onSpawn: (c: ChildProcess) => (child = c)
  }
  try {
    let run = await runAction(
      inputs(shape, url, auditLog, SLOW.includes(fault) ? 250 : 4000),
      options
    )
    let outcome = run.outputs.result ?? `no result, exit ${run.exitCode ?? run.signal}`
    const wrong: string[] = []
    if ((fault === 'trickle' || fault === 'huge') && emulator.requests[k]?.completed) {
      wrong.push(`the whole ${fault} body of request ${k} was read`)
    }
    if (fault === 'sigkill') {
      if (run.signal !== 'SIGKILL') wrong.push(`not killed (${outcome})`)
      // The re-run, with no fault, must finish what the killed run began.
      emulator.faults.clear()
      run = await runAction(inputs(shape, url, auditLog, 4000), options)
      outcome = `killed, re-run ${run.outputs.result ?? `no result, exit ${run.exitCode ?? run.signal}`}`
      if (run.outputs.result !== 'published' && run.outputs.result !== 'unchanged')
        wrong.push(`the re-run ended ${run.outputs.result}`)
    }
    const live = membersOf(shape).map(i => emulator.state(ids[i]!).live.production)
    wrong.push(...violations(run, live, shape, auditLog))
    return { outcome, wrong }
  } finally {
    await emulator.stop()
  }
}

const table = (shape: Shape) =>
  NODES.flatMap(([label, path]) =>
    clean[shape].flatMap((_, k) => FAULTS[shape].map(fault => ({ label, path, k, fault })))
  )

describe.each(['single', 'release'] as const)('fault matrix: %s', shape => {
  test.concurrent.each(table(shape))(
    `${shape} on $label: request $k, fault $fault`,
    async ({ label, path, k, fault }) => {
      const { outcome, wrong } = await runCell(shape, path, k, fault)
      cells.push({ shape, node: label, k, fault, outcome, wrong })
      expect(wrong).toEqual([])
    },
    90_000
  )
})

afterAll(() => {
  const lines: string[] = []
  for (const shape of ['single', 'release'] as const) {
    for (const [label] of NODES) {
      lines.push(
        `\n### ${shape}, ${label}: ${clean[shape].length} requests × ${FAULTS[shape].length} faults\n`
      )
      lines.push(
        `| k | request (clean run) | ${FAULTS[shape].join(' | ')} |`,
        `|${' --- |'.repeat(FAULTS[shape].length + 2)}`
      )
      clean[shape].forEach((request, k) => {
        const row = FAULTS[shape].map(fault => {
          const cell = cells.find(
            c => c.shape === shape && c.node === label && c.k === k && c.fault === fault
          )
          if (!cell) return '(not run)'
          return cell.wrong.length === 0
            ? `ok: ${cell.outcome}`
            : `FAIL: ${cell.outcome}; ${cell.wrong.join('; ')}`
        })
        lines.push(`| ${k} | ${request} | ${row.join(' | ')} |`)
      })
    }
  }
  const failed = cells.filter(c => c.wrong.length > 0).length
  lines.push(`\n${cells.length} cells, ${failed} failed.`)
  const file = join(tmpdir(), 'cxone-fault-matrix.md')
  writeFileSync(file, lines.join('\n') + '\n')
  console.log(`Fault matrix (${file}):\n${lines.join('\n')}`)
})
