import { readFileSync, readdirSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { readConfig } from '../../src/inputs.js'
import { loadPolicy, prepareValidation, ValidationFiles } from '../../src/validate/validate.js'
import { makeWorkspace, runAction } from '../helpers.js'

/**
 * The action's own work on files it is handed is bounded: it parses nothing of the code (the
 * sandbox does), caps what it parses itself, bounds a release's validation as a whole in
 * time, and its memory with its children's whatever the files do. No wall-clock assertion:
 * outcomes and kinds are asserted, and the memory of the process tree.
 */
const ids = Array.from(
  { length: 6 },
  (_, i) => `c1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`
)

function release(codes: string[]): Record<string, string> {
  return {
    'release.json': JSON.stringify(
      codes.map((_, i) => ({
        dataActionId: ids[i],
        actionFile: `actions/m${i}.js`,
        versionId: 'v1'
      }))
    ),
    ...Object.fromEntries(codes.map((code, i) => [`actions/m${i}.js`, code]))
  }
}

test('a 5 MB module with a syntax error is judged inside the sandbox, within its limits', async () => {
  const lines = ["import x from 'y'"]
  for (let i = 0, size = 0; size < 5 * 1024 * 1024 - 200; i++) {
    lines.push(`export const v${i} = { a: [1, 2, 3], b: '${'x'.repeat(40)}' }`)
    size += (lines.at(-1)?.length ?? 0) + 1
  }
  lines.push('export function handler() { return x +', '}')
  const run = await runAction(
    { mode: 'validate', 'action-file': 'a.js', 'data-action-id': ids[0]!, 'version-id': 'v1' },
    { cwd: makeWorkspace({ 'a.js': lines.join('\n') }) }
  )
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(/Syntax error in a\.js|did not finish evaluating|memory limit/)
  expect(run.stderr).toBe('')
})

test.each([
  ['dependency-policy', 'policy.yml'],
  ['dependency-manifest', 'deps.yml'],
  ['release-manifest', 'release.yml']
])('a %s over 256 KB is refused before anything is parsed', async (input, file) => {
  const big = Array.from({ length: 30_000 }, (_, i) => `k${i}: v`).join('\n')
  const run = await runAction(
    {
      mode: 'validate',
      'action-file': input === 'release-manifest' ? '' : 'a.js',
      'data-action-id': input === 'release-manifest' ? '' : ids[0]!,
      'version-id': 'v1',
      [input]: file
    },
    { cwd: makeWorkspace({ 'a.js': 'exports.handler = () => 1', [file]: big }) }
  )
  expect(run.exitCode).toBe(1)
  expect(run.stdout).toMatch(
    new RegExp(`Input '${input}': '${file.replace('.', '\\.')}' is \\d+ bytes; the limit is 262144`)
  )
})

test('a release is validated under one budget: members not validated by then are named', async () => {
  const run = await runAction(
    {
      mode: 'validate',
      'release-manifest': 'release.json',
      'sandbox-timeout-ms': '1000',
      'validation-timeout-ms': '1500'
    },
    { cwd: makeWorkspace(release(Array(6).fill('exports.handler = () => 1\nfor (;;) {}'))) }
  )
  expect(run.exitCode).toBe(1)
  const notValidated = run.errors.filter(e =>
    e.includes(
      "was not validated: the release's validation ran out of time (validation-timeout-ms: 1500)"
    )
  )
  const timedOut = run.errors.filter(e => e.includes('did not finish evaluating'))
  expect(notValidated.length).toBeGreaterThan(0)
  expect(notValidated.length + timedOut.length).toBe(6)
  for (const error of notValidated) expect(error).toMatch(/\[c1b2c3d4-[^\]]+\] actions\/m\d\.js/)
})

test('a cancelled release validation stops, naming what it did not validate', async () => {
  let cancelled = false
  const run = await runAction(
    { mode: 'validate', 'release-manifest': 'release.json', 'sandbox-timeout-ms': '60000' },
    {
      cwd: makeWorkspace(release(Array(6).fill('exports.handler = () => 1\nfor (;;) {}'))),
      onOutput: (stdout, child) => {
        if (stdout.includes('::group::Validate') && !cancelled) cancelled = child.kill('SIGINT')
      }
    }
  )
  expect(run.exitCode).toBe(1)
  expect(run.signal).toBeNull()
  expect(
    run.errors.filter(e => e.includes('was not validated: the job was cancelled'))
  ).toHaveLength(6)
})

/** Resident memory of a process and all its descendants, in MB (Linux). */
function treeRssMb(root: number): number {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // gone
    }
  }
  const tree = new Set([root])
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  let kb = 0
  for (const pid of tree) {
    try {
      kb += Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0)
    } catch {
      // gone
    }
  }
  return kb / 1024
}

/** Runs the action, sampling the resident memory of its whole process tree. */
async function runMeasured(
  inputs: Record<string, string>,
  files: Record<string, string>
): Promise<{ run: Awaited<ReturnType<typeof runAction>>; peak: number }> {
  let peak = 0
  let sampler: NodeJS.Timeout | undefined
  const run = await runAction(inputs, {
    cwd: makeWorkspace(files),
    onOutput: (_stdout, child: ChildProcess) => {
      sampler ??= setInterval(() => {
        if (child.pid) peak = Math.max(peak, treeRssMb(child.pid))
      }, 5)
    }
  })
  clearInterval(sampler)
  return { run, peak }
}

// The memory of the process tree is read from /proc: Linux, as on the runners this targets.
test('a release of memory hogs keeps the action and its children under 1 GB', async () => {
  const hog =
    'exports.handler = () => 1\nconst a = []\nfor (;;) a.push(new Uint8Array(1 << 26).fill(1))'
  const { run, peak } = await runMeasured(
    { mode: 'validate', 'release-manifest': 'release.json', 'sandbox-timeout-ms': '20000' },
    release(Array(6).fill(hog))
  )
  expect(run.errors).toHaveLength(6)
  for (const error of run.errors) expect(error).toContain('exceeded the sandbox memory limit')
  expect(peak).toBeGreaterThan(100)
  expect(peak).toBeLessThan(1024)
})

test('a release naming one 5 MB file a thousand times keeps the action and its children under 1 GB', async () => {
  const code = `exports.handler = () => 1\n/*${'x'.repeat(5 * 1024 * 1024 - 100)}*/\n`
  const members = Array.from({ length: 1000 }, (_, i) => ({
    dataActionId: `00000000-0000-0000-0000-${i.toString(16).padStart(12, '0')}`,
    actionFile: 'a.js',
    versionId: 'v1'
  }))
  const { run, peak } = await runMeasured(
    { mode: 'validate', 'release-manifest': 'release.json', 'validation-timeout-ms': '3000' },
    { 'a.js': code, 'release.json': JSON.stringify(members) }
  )
  expect(run.outputs.result).toBe('failed')
  expect(run.stderr).toBe('')
  expect(run.errors.some(e => e.includes('was not validated'))).toBe(true)
  expect(peak).toBeLessThan(1024)
})

test('members sharing a manifest share one read and one judgement of it', async () => {
  const ws = makeWorkspace({
    'a.js': 'exports.handler = () => 1',
    'deps.json': JSON.stringify({ lodash: '4.17.21' })
  })
  const config = readConfig(
    name => ({ mode: 'validate', 'release-manifest': 'r.json' })[name] ?? '',
    { GITHUB_WORKSPACE: ws }
  )
  const policy = await loadPolicy(config, 'sandbox')
  const files = new ValidationFiles()
  const target = (id: string) => ({
    actionFile: 'a.js',
    dependencyManifest: 'deps.json',
    payload: { dataActionId: id, versionId: 'v1', targetEnvironment: 'sandbox' }
  })
  const [a, b] = await Promise.all([
    prepareValidation(config, target(ids[0]!), policy, files),
    prepareValidation(config, target(ids[1]!), policy, files)
  ])
  expect(a.declared).toHaveLength(1)
  expect(b.declared).toBe(a.declared)
  expect(b.actionFile).toBe(a.actionFile)
})

test("a release's action files are refused beyond their total", async () => {
  const files = new ValidationFiles(10)
  const file = (bytes: number) => ({
    input: 'release-manifest',
    path: 'a.js',
    bytes: Buffer.alloc(bytes),
    text: '',
    sha256: ''
  })
  files.count(file(6))
  expect(() => files.count(file(6))).toThrow(
    "Input 'release-manifest': the action files named come to more than"
  )
})
