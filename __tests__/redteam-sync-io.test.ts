import { spawn, type ChildProcess } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { node24Path } from '../scripts/node24.mjs'
import { AuditLog, verifyChain } from '../src/evidence/audit.js'
import { InputError } from '../src/errors.js'
import { readWorkspaceFile } from '../src/validate/workspace-file.js'
import { DIST } from '../scripts/run-action.mjs'
import { makeWorkspace, runAction } from './helpers.js'

/**
 * Red team of the synchronous audit-log append (dbae942) and workspace-file read (2a3274b).
 * The first three tests fail at d4e47e1 because of a regression in dbae942 (they pass with
 * dbae942^'s audit.ts, bundled); the fourth fails at d4e47e1 and before 2a3274b alike. The
 * last three are the strongest generated cases that held, kept as guards.
 */

const VALIDATE = {
  mode: 'validate',
  'action-file': 'examples/actions/lookup-customer.js',
  'data-action-id': 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  'version-id': 'v1',
  'dependency-manifest': 'examples/actions/package.json',
  'pr-comment': 'false'
}

const hashesOf = (text: string): string[] =>
  text
    .trimEnd()
    .split('\n')
    .filter(Boolean)
    .map(l => (JSON.parse(l) as { hash: string }).hash)

/**
 * A directory outside the workspace reached through a link whose target goes through another
 * link and then `..`: `link -> sublink/..`, `sublink -> <dir>/other/deep/dir`. The kernel
 * reads `link` as `<dir>/other/deep`; fs.realpathSync (node's JavaScript implementation, which
 * applies `..` to the text of the target before resolving `sublink`) reads it as `<dir>`.
 * The workflow chooses paths outside the workspace, and linked directories are allowed there.
 */
function linkedThroughDotDot(): { dir: string; given: string; kernelFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cxone-rt-dotdot-'))
  mkdirSync(join(dir, 'other', 'deep', 'dir'), { recursive: true })
  symlinkSync(join(dir, 'other', 'deep', 'dir'), join(dir, 'sublink'))
  symlinkSync('sublink/..', join(dir, 'link'))
  return {
    dir,
    given: join(dir, 'link', 'audit.jsonl'),
    kernelFile: join(dir, 'other', 'deep', 'audit.jsonl')
  }
}

describe('red team: synchronous audit-log append', () => {
  /**
   * FAILS at d4e47e1 (regression of dbae942). append() takes the log's "real path" from
   * fs.realpathSync (the JavaScript implementation) where it used fs/promises realpath (the
   * system's realpath(3)). They disagree on a link whose target has `..` after another link,
   * so lastHash() reads the file the kernel finds at the given path (<dir>/other/deep, absent:
   * genesis) while write() appends to <dir>/audit.jsonl, and the lock is taken there too.
   * What happens: the log at the given path is never created; every record goes to another
   * file, each with prevHash 64 zeros (the same record twice, a forked chain), and a log that
   * lived at <dir>/audit.jsonl would get records linked to nothing in it. The run is told it
   * succeeded. What should: records go to the file at the given path, each linked to the last.
   */
  test('a log reached through `link -> sublink/..` is appended where it is read, not elsewhere', async () => {
    const { dir, given, kernelFile } = linkedThroughDotDot()
    const log = await AuditLog.open(given)
    const first = await log.append({ run: 1 })
    const second = await log.append({ run: 2 })
    expect(second.prevHash).toBe(first.hash)
    // What the kernel finds at the given path holds both, chained.
    expect(existsSync(kernelFile)).toBe(true)
    expect(verifyChain(readFileSync(given, 'utf8'), second.hash)).toMatchObject({
      ok: true,
      records: 2
    })
    // And nothing was written anywhere else.
    expect(existsSync(join(dir, 'audit.jsonl'))).toBe(false)
  })

  /** The same, end to end: the real dist/index.js, run as the runner runs it, twice. */
  test('end to end: two runs with audit-log behind `link -> sublink/..` chain in that log', async () => {
    const { dir, given } = linkedThroughDotDot()
    const runs = []
    for (let i = 0; i < 2; i++) runs.push(await runAction({ ...VALIDATE, 'audit-log': given }))
    expect(runs.map(r => r.exitCode)).toEqual([0, 0])
    const hashes = runs.map(r => r.outputs['audit-hash'])
    // At d4e47e1 both runs write the same genesis-linked record to <dir>/audit.jsonl, and
    // report its hash as this log's head; the given path has no log at all.
    expect(hashes[0]).not.toBe(hashes[1])
    expect(existsSync(given)).toBe(true)
    const text = readFileSync(given, 'utf8')
    expect(verifyChain(text)).toMatchObject({ ok: true, records: 2, head: hashes[1] })
    expect(hashesOf(text)).toEqual(hashes)
    expect(existsSync(join(dir, 'audit.jsonl'))).toBe(false)
  }, 60_000)

  /**
   * FAILS at d4e47e1 (regression of dbae942): a holder whose write blocks loses its lock, and
   * the chain forks.
   *
   * proper-lockfile keeps a lock fresh with a timer that touches the lock directory every
   * stale/2 = 5 s; another run takes a lock over once it is 10 s old. The append now runs its
   * critical section (lastHash, open, write) as synchronous calls on the main thread: while
   * one of them blocks, the timer cannot run. Here the block is a read lease that a process of
   * the runner's user holds on the log (fcntl F_SETLEASE; python3 takes it, node has no
   * fcntl): run A's open for writing waits for the lease to be given up (up to
   * /proc/sys/fs/lease-break-time, 45 s by default). Any open that blocks would do (a slow or
   * hung file system, a FIFO).
   * What happens: A's lock goes stale under it; run B takes it over, reads the head (A has not
   * written), and both then append a record with the same prevHash: the chain forks, and both
   * runs exit 0 with an audit-hash. Before dbae942 the open waited in the thread pool, the timer
   * kept A's lock fresh, B waited its turn and linked to A's record.
   * What should: one chain, each record linking to the one before (B may also fail closed).
   */
  test('a run whose log write blocks past the stale time keeps its lock: no fork', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-rt-lease-'))
    const path = join(dir, 'audit.jsonl')
    await (await AuditLog.open(path)).append({ seeded: true })
    const holderScript = join(dir, 'lease.py')
    writeFileSync(
      holderScript,
      [
        'import fcntl, os, signal, sys',
        'F_SETLEASE, F_RDLCK, F_UNLCK = 1024, 0, 2',
        'fd = os.open(sys.argv[1], os.O_RDONLY)',
        'broken = []',
        'signal.signal(signal.SIGIO, lambda s, f: broken.append(1))',
        'fcntl.fcntl(fd, F_SETLEASE, F_RDLCK)',
        "print('leased', flush=True)",
        'while not broken:',
        '    signal.pause()',
        "print('break', flush=True)",
        'sys.stdin.readline()',
        'fcntl.fcntl(fd, F_SETLEASE, F_UNLCK)',
        "print('released', flush=True)"
      ].join('\n')
    )
    const holder: ChildProcess = spawn('python3', [holderScript, path], {
      stdio: ['pipe', 'pipe', 'inherit']
    })
    let said = ''
    holder.stdout!.setEncoding('utf8').on('data', (d: string) => (said += d))
    const heard = async (word: string): Promise<void> => {
      for (let i = 0; i < 600 && !said.includes(word); i++) await sleep(50)
      if (!said.includes(word)) throw new Error(`the lease holder never said '${word}'`)
    }
    const lockMtime = (): number => {
      try {
        return statSync(`${path}.lock`).mtimeMs
      } catch {
        return 0
      }
    }
    try {
      await heard('leased')
      // Run A: its result record's open for writing breaks the lease, and waits.
      const a = runAction({ ...VALIDATE, 'audit-log': path }, { node: node24Path })
      await heard('break')
      // A holds the lock and is blocked in its write. Wait (no assertion on time) until its
      // lock is older than proper-lockfile's stale threshold.
      const taken = lockMtime()
      while (Date.now() < taken + 10_000 + 500) await sleep(100)
      // Run B: the same log.
      const b = runAction({ ...VALIDATE, 'audit-log': path }, { node: node24Path })
      // Give B up to 20 s to reach the lock; at d4e47e1 it takes A's over (the lock's mtime
      // changes), before dbae942 A keeps refreshing it and B waits.
      for (let i = 0; i < 200 && lockMtime() === taken; i++) await sleep(100)
      await sleep(1000)
      holder.stdin!.write('\n')
      await heard('released')
      const runs = await Promise.all([a, b])
      const text = readFileSync(path, 'utf8')
      // Whatever happened to B, the log is one chain.
      expect(verifyChain(text)).toMatchObject({ ok: true })
      // And every run that reports a hash is in it.
      const reported = runs.map(r => r.outputs['audit-hash']).filter(Boolean)
      expect(hashesOf(text)).toEqual(expect.arrayContaining(reported))
    } finally {
      holder.kill('SIGKILL')
    }
  }, 90_000)
})

/**
 * A process of the runner's user (one an earlier step of the pull request left running) that
 * swaps `target` between a regular file and something else, each time by an atomic rename.
 */
function startSwapper(target: string, swapIn: 'link' | 'fifo', outside = ''): ChildProcess {
  const script = join(mkdtempSync(join(tmpdir(), 'cxone-rt-swap-')), 'swap.mjs')
  writeFileSync(
    script,
    `import { renameSync, symlinkSync, writeFileSync, rmSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
const [target, kind, outside] = process.argv.slice(2)
const fifos = Array.from({ length: 200 }, (_, i) => target + '.fifo' + i)
if (kind === 'fifo') execFileSync('mkfifo', fifos)
for (let i = 0; ; i++) {
  writeFileSync(target + '.reg', 'exports.handler = () => 1\\n')
  renameSync(target + '.reg', target)
  if (kind === 'link') {
    rmSync(target + '.lnk', { force: true })
    symlinkSync(outside, target + '.lnk')
    renameSync(target + '.lnk', target)
  } else {
    const fifo = fifos[i % fifos.length]
    try { renameSync(fifo, target) } catch { execFileSync('mkfifo', [fifo]); renameSync(fifo, target) }
  }
}
`
  )
  return spawn(process.execPath, [script, target, swapIn, outside], { stdio: 'ignore' })
}

describe('red team: synchronous workspace-file read', () => {
  /**
   * FAILS at d4e47e1 (and before 2a3274b, more often: ~6,100 in 30,000 reads there, ~540
   * here). readWorkspaceFile resolves the path (realpathSync), checks that it lies inside the
   * workspace, then stats and opens that resolved path, both following links. A process that
   * renames a symlink to a file outside the workspace over the file between the realpath and
   * the stat gets that outside file read: stat and fstat both see the outside file, so the
   * inode check ("changed while read") passes. 2a3274b's inode check stops a FIFO swapped in,
   * not a link. What happens: the bytes of <outside>/secret.js come back as the action file.
   * What should: only files inside the workspace are ever read (open the resolved path with
   * O_NOFOLLOW, or check where the opened descriptor really is); else an InputError.
   */
  test('a link to a file outside the workspace renamed over the file mid-read is never read', async () => {
    const ws = makeWorkspace({ 'actions/a.js': 'exports.handler = () => 1\n' })
    const outside = makeWorkspace({ 'secret.js': 'SECRET = 42\n' })
    const swapper = startSwapper(join(ws, 'actions/a.js'), 'link', join(outside, 'secret.js'))
    const outcomes = new Map<string, number>()
    try {
      for (let i = 0; i < 20_000 && !outcomes.has('SECRET = 42\n'); i++) {
        const outcome = await readWorkspaceFile(ws, 'actions/a.js', {
          input: 'action-file',
          maxBytes: 1000
        }).then(
          file => file.text,
          (error: unknown) => (error instanceof InputError ? 'InputError' : String(error))
        )
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
        if (i % 200 === 0) await new Promise(resolve => setImmediate(resolve))
      }
    } finally {
      swapper.kill('SIGKILL')
    }
    expect([...outcomes.keys()].sort()).toEqual(expect.not.arrayContaining(['SECRET = 42\n']))
  }, 60_000)
})

/**
 * The same race one level up: a directory of the resolved path swapped for a link to a
 * directory outside (rename away, link in its place, and back). Opening without following a
 * link guards only the last component, and stat and fstat both see the outside file, so only
 * the check of where the opened descriptor lies (/proc/self/fd on Linux) refuses it.
 */
test('a directory of the path swapped for a link outside mid-read: the outside file is never read', async () => {
  const ws = makeWorkspace({ 'actions/a.js': 'exports.handler = () => 1\n' })
  const outside = makeWorkspace({ 'a.js': 'SECRET = 42\n' })
  const script = join(mkdtempSync(join(tmpdir(), 'cxone-rt-dirswap-')), 'swap.mjs')
  writeFileSync(
    script,
    `import { renameSync, symlinkSync, unlinkSync } from 'node:fs'
const [dir, outside] = process.argv.slice(2)
for (;;) {
  renameSync(dir, dir + '.away')
  symlinkSync(outside, dir)
  unlinkSync(dir)
  renameSync(dir + '.away', dir)
}
`
  )
  const swapper = spawn(process.execPath, [script, join(ws, 'actions'), outside], {
    stdio: 'ignore'
  })
  const outcomes = new Map<string, number>()
  try {
    for (let i = 0; i < 20_000 && !outcomes.has('SECRET = 42\n'); i++) {
      const outcome = await readWorkspaceFile(ws, 'actions/a.js', {
        input: 'action-file',
        maxBytes: 1000
      }).then(
        file => file.text,
        (error: unknown) => (error instanceof InputError ? 'InputError' : String(error))
      )
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
      if (i % 200 === 0) await new Promise(resolve => setImmediate(resolve))
    }
  } finally {
    swapper.kill('SIGKILL')
  }
  expect([...outcomes.keys()]).not.toContain('SECRET = 42\n')
  // The race was run: some reads met the swap, and some the file.
  expect(outcomes.get('exports.handler = () => 1\n')).toBeGreaterThan(0)
}, 60_000)

describe('red team: what held', () => {
  /**
   * HELD: 8 runs of the real action at once, on node 24, appending to one log through three
   * spellings of its path (its directory, a symlink to it, a path with `.`/`..` segments),
   * with a stale lock directory left by a killed run (mtime a minute ago). The stale lock is
   * taken over once, every run waits its turn, and the chain links all 8.
   * (Generated and run at scale outside jest: 12 processes x 30 rounds over a stale lock with
   * the module alone, old and new code, no fork and no error.)
   */
  test('8 concurrent runs through different paths, over a stale lock: one chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-rt-storm-'))
    mkdirSync(join(dir, 'real'))
    symlinkSync(join(dir, 'real'), join(dir, 'via-link'))
    mkdirSync(join(dir, 'real', 'sub'))
    const log = join(dir, 'real', 'audit.jsonl')
    mkdirSync(`${log}.lock`)
    const old = new Date(Date.now() - 60_000)
    utimesSync(`${log}.lock`, old, old)
    const spellings = [
      log,
      join(dir, 'via-link', 'audit.jsonl'),
      `${dir}/real/sub/../audit.jsonl`,
      `${dir}/./via-link/./audit.jsonl`
    ]
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runAction(
          { ...VALIDATE, 'audit-log': spellings[i % spellings.length]! },
          {
            node: node24Path
          }
        )
      )
    )
    expect(runs.map(r => r.exitCode)).toEqual(Array(8).fill(0))
    const text = readFileSync(log, 'utf8')
    expect(verifyChain(text)).toMatchObject({ ok: true, records: 8 })
    expect(runs.map(r => r.outputs['audit-hash']).sort()).toEqual(hashesOf(text).sort())
    expect(existsSync(`${log}.lock`)).toBe(false)
  }, 90_000)

  /**
   * HELD: a file size limit (RLIMIT_FSIZE, as ulimit -f) that the result record crosses. The write fails with
   * EFBIG (SIGXFSZ is listened for, so the lock's signal-exit handler does not re-raise it and
   * kill the run mid-record), the part written is cut off, the run still exits with its
   * result, and the log is byte for byte what it was.
   */
  test('a file size limit crossed by the record: EFBIG, nothing partial, the run not killed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-rt-fsize-'))
    const path = join(dir, 'audit.jsonl')
    const log = await AuditLog.open(path)
    // ~1,500 bytes: one more record crosses a 2 KiB limit.
    await log.append({ pad: 'x'.repeat(700) })
    const head = (await log.append({ pad: 'y'.repeat(700) })).hash
    const before = readFileSync(path)
    expect(before.length).toBeLessThan(2048)
    const run = await runAction(
      { ...VALIDATE, 'audit-log': path },
      // prlimit, not a shell: dash drops INPUT_ACTION-FILE and the like from the environment.
      { node: 'prlimit', argv: ['--fsize=2048', node24Path, DIST] }
    )
    expect(run.signal).toBeNull()
    expect(run.exitCode).toBe(0)
    expect(run.outputs.result).toBeTruthy()
    expect(run.outputs['audit-hash']).toBeUndefined()
    expect(run.warnings.join('\n')).toContain('EFBIG')
    expect(readFileSync(path).equals(before)).toBe(true)
    expect(verifyChain(readFileSync(path, 'utf8'), head)).toMatchObject({ ok: true, records: 2 })
  }, 60_000)

  /**
   * HELD (and a hang before 2a3274b): a FIFO renamed over the file, 20,000 reads while it is
   * swapped back and forth. Every read is the regular file's bytes, or an InputError naming
   * the input ("not a regular file", or "changed while read" when the FIFO came after the
   * stat: opened O_NONBLOCK, so no read ever waits for a writer).
   */
  test('a FIFO renamed over an input file mid-read: never a hang, read or refused', async () => {
    const ws = makeWorkspace({ 'actions/a.js': 'exports.handler = () => 1\n' })
    const swapper = startSwapper(join(ws, 'actions/a.js'), 'fifo')
    const outcomes = new Set<string>()
    try {
      for (let i = 0; i < 20_000; i++) {
        outcomes.add(
          await readWorkspaceFile(ws, 'actions/a.js', {
            input: 'action-file',
            maxBytes: 1000
          }).then(
            file => `read ${file.text}`,
            (error: unknown) =>
              error instanceof InputError && error.message.startsWith("Input 'action-file': ")
                ? 'InputError'
                : `unexpected ${String(error)}`
          )
        )
        if (i % 200 === 0) await new Promise(resolve => setImmediate(resolve))
      }
    } finally {
      swapper.kill('SIGKILL')
    }
    expect([...outcomes].filter(o => o.startsWith('unexpected'))).toEqual([])
    expect(outcomes.has('read exports.handler = () => 1\n')).toBe(true)
  }, 60_000)
})
