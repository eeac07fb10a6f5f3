import canonicalize from 'canonicalize'
import { createHash } from 'node:crypto'
import {
  constants,
  createReadStream,
  lstatSync,
  mkdirSync,
  realpathSync,
  type Stats
} from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path'
import { lock, lockSync } from 'proper-lockfile'
import { ActionError, errorMessage } from '../errors.js'

/** The `prevHash` of the first record. */
export const GENESIS_HASH = '0'.repeat(64)

const HEX64 = /^[0-9a-f]{64}$/

/** sha256 hex of the RFC 8785 canonical JSON of a record without its `hash`. */
export function hashOf(record: Record<string, unknown>): string {
  const body = { ...record }
  delete body.hash
  const canonical = canonicalize(body)
  if (canonical === undefined) throw new Error('a record must be JSON')
  return createHash('sha256').update(canonical, 'utf8').digest('hex')
}

/** The log, or its last line, cannot be trusted: the run must not extend it. */
export class AuditLogError extends ActionError {}

export type ChainCheck =
  { ok: true; records: number; head: string } | { ok: false; line: number; reason: string }

/**
 * Checks every link: each line is a JSON object, its `hash` is the hash of the rest, and its
 * `prevHash` is the previous line's `hash` (64 zeros first). With `head`, the last record
 * must be that one: a log cut at a record boundary cannot show the cut by itself.
 */
export function verifyChain(text: string, head?: string): ChainCheck {
  const lines = text.split('\n')
  if (lines.at(-1) === '') lines.pop()
  let previous = GENESIS_HASH
  for (let i = 0; i < lines.length; i++) {
    const record = checkRecord(lines[i] ?? '')
    if (typeof record === 'string') return { ok: false, line: i + 1, reason: record }
    if (record.prevHash !== previous) {
      return {
        ok: false,
        line: i + 1,
        reason:
          'its prevHash does not link to the record before it (a record was removed, inserted or moved)'
      }
    }
    previous = record.hash
  }
  if (text !== '' && !text.endsWith('\n')) {
    return {
      ok: false,
      line: lines.length,
      reason: 'the last record is cut off (no final newline)'
    }
  }
  if (head !== undefined && previous !== head) {
    return {
      ok: false,
      line: lines.length,
      reason: `the last record's hash is ${previous}, but the anchored head is ${head}: records are missing at the end`
    }
  }
  return { ok: true, records: lines.length, head: previous }
}

/** The record's own `hash` and `prevHash` when it is sound on its own; else what is wrong. */
function checkRecord(line: string): { hash: string; prevHash: string } | string {
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch {
    return 'not a JSON record (edited or cut off)'
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return 'not a JSON object'
  }
  const { hash, prevHash } = record as { hash?: unknown; prevHash?: unknown }
  if (typeof hash !== 'string' || !HEX64.test(hash)) return 'no valid "hash" field'
  if (typeof prevHash !== 'string' || !HEX64.test(prevHash)) return 'no valid "prevHash" field'
  if (hash !== hashOf(record as Record<string, unknown>)) {
    return 'its hash does not match its content (the record was changed)'
  }
  return { hash, prevHash }
}

function ignoreSignal(): void {}

/** Appends, never through a link: a committed `cxone-audit.jsonl -> /anywhere` is refused. */
const APPEND_FLAGS =
  constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW

const LOCK = { realpath: false, stale: 10_000 }

/**
 * The lock on the log's real path: taken at once when it is free (a run's usual case), else
 * waited for. The checks before it are synchronous calls (each async one was a round trip
 * through the thread pool); what runs under the lock stays asynchronous: the lock stays
 * fresh only while the event loop turns (its timer touches it), and a write that blocks on
 * the main thread let another run take it over as stale and fork the chain (found by a red
 * team).
 */
async function lockLog(realPath: string): Promise<() => unknown> {
  try {
    return lockSync(realPath, LOCK)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
    return lock(realPath, { ...LOCK, retries: { retries: 50, minTimeout: 20, maxTimeout: 200 } })
  }
}

/**
 * An append-only, hash-chained JSON Lines file. Appends from concurrent runs on one machine
 * are serialised by a lock on the file's real path (so each links to the one before,
 * whatever path each run was given), and each is one write, undone if it falls short.
 */
export class AuditLog {
  private constructor(
    readonly path: string,
    private readonly workspace: string | undefined
  ) {}

  /**
   * Opens the log for appending after checking that it is a plain file reached through real
   * directories (within `workspace`, whose files a pull request controls) and that its last
   * record is sound.
   */
  static async open(path: string, workspace?: string): Promise<AuditLog> {
    // A write past a file size limit raises SIGXFSZ. Node ignores it, until the lock's
    // signal-exit handler re-raises it with node's handler gone and kills the process in the
    // middle of a record; with a listener of our own the write fails with EFBIG, and is undone.
    if (!process.listeners('SIGXFSZ').includes(ignoreSignal)) process.on('SIGXFSZ', ignoreSignal)
    const log = new AuditLog(path, workspace)
    log.refuseLinks()
    await log.lastHash()
    return log
  }

  /** Adds a record linked to the last one; returns the record as written. */
  async append(body: Record<string, unknown>): Promise<Record<string, unknown> & { hash: string }> {
    mkdirSync(dirname(this.path), { recursive: true })
    this.refuseLinks()
    // The system's realpath, as the kernel resolves the path: node's own (realpathSync)
    // applies `..` to a link's text before resolving the link, and named another file.
    const realPath = join(realpathSync.native(dirname(this.path)), basename(this.path))
    const release = await lockLog(realPath)
    try {
      const record: Record<string, unknown> = { ...body, prevHash: await this.lastHash() }
      const written = { ...record, hash: hashOf(record) }
      // No fsync: it cost 14 ms a run, and a crash of the runner loses the workspace, and
      // this file with it, anyway.
      await this.write(realPath, Buffer.from(JSON.stringify(written) + '\n', 'utf8'))
      return written
    } finally {
      await release()
    }
  }

  /** Appends `bytes` whole or not at all: a write that falls short is cut back off. */
  private async write(realPath: string, bytes: Buffer): Promise<void> {
    const handle = await open(realPath, APPEND_FLAGS, 0o644)
    let size: number | undefined
    try {
      size = (await handle.stat()).size
      for (let done = 0; done < bytes.length;) {
        const { bytesWritten } = await handle.write(bytes, done)
        if (bytesWritten === 0) throw new Error('no byte could be written')
        done += bytesWritten
      }
    } catch (error) {
      const undone =
        size !== undefined &&
        (await handle.truncate(size).then(
          () => true,
          () => false
        ))
      throw new AuditLogError(
        `audit log ${this.path}: the record could not be written (${errorMessage(error)})${undone ? '; the part written was removed' : ''}`
      )
    } finally {
      await handle.close()
    }
  }

  /**
   * Refuses a log that is a link or not a plain file, or reached through a link inside the
   * workspace: a link committed to the repository could point anywhere on the runner.
   */
  private refuseLinks(): void {
    for (const path of checkedPaths(this.path, this.workspace)) {
      const stats = lstatOf(path)
      if (!stats) return
      if (stats.isSymbolicLink()) {
        const what = path === this.path ? 'it' : path
        throw new AuditLogError(
          `audit log ${this.path}: ${what} is a symbolic link; the audit log is written only through real directories to a real file (a link in the repository could point anywhere)`
        )
      }
      if (path === this.path && !stats.isFile()) {
        throw new AuditLogError(`audit log ${this.path}: it exists and is not a plain file`)
      }
    }
  }

  /**
   * The last record's hash (64 zeros for a new or empty log); refuses a corrupt last line.
   * Only that record is checked here (its links are verify-audit's job): reading the whole
   * log on every run would grow with it.
   */
  async lastHash(): Promise<string> {
    const size = await stat(this.path).then(
      s => s.size,
      () => 0
    )
    if (size === 0) return GENESIS_HASH
    const line = await readLastLine(this.path, size)
    const checked =
      line === undefined ? 'the file does not end with a newline (cut off?)' : checkRecord(line)
    if (typeof checked === 'string') {
      const number = await countLines(this.path)
      throw new AuditLogError(
        `audit log ${this.path}: the last record (line ${number}) is corrupt: ${checked}. Not extending it; run verify-audit on it and repair or move it.`,
        { file: this.path, line: number }
      )
    }
    return checked.hash
  }
}

/**
 * The paths whose links are refused: inside the workspace (where a pull request decides what
 * is a link) every directory down to the file, in order; elsewhere (a path the workflow
 * chose) the file itself.
 */
function checkedPaths(path: string, workspace: string | undefined): string[] {
  const inside = workspace === undefined ? '' : relative(workspace, path)
  if (!workspace || inside === '' || inside.startsWith('..') || isAbsolute(inside)) return [path]
  const parts = inside.split(sep)
  return parts.map((_, i) => join(workspace, ...parts.slice(0, i + 1)))
}

/**
 * The last line, read backwards from the end (the log may be large, its records are small);
 * undefined when the file does not end with a newline.
 */
async function readLastLine(path: string, size: number): Promise<string | undefined> {
  const handle = await open(path, READ_FLAGS)
  try {
    const last = Buffer.alloc(1)
    await handle.read(last, 0, 1, size - 1)
    if (last[0] !== 10) return undefined
    let chunk = 64 * 1024
    for (;;) {
      const start = Math.max(0, size - 1 - chunk)
      const buffer = Buffer.alloc(size - 1 - start)
      await handle.read(buffer, 0, buffer.length, start)
      const newline = buffer.lastIndexOf(10)
      if (newline >= 0 || start === 0) return buffer.subarray(newline + 1).toString('utf8')
      chunk *= 4
    }
  } finally {
    await handle.close()
  }
}

/** A path's own stats, or undefined when it has none to give (missing, or under a file). */
function lstatOf(path: string): Stats | undefined {
  try {
    return lstatSync(path)
  } catch {
    return undefined
  }
}

/** Lines in the file, a last one without a newline included (for pointing at it). */
async function countLines(path: string): Promise<number> {
  let lines = 0
  let last = 10
  for await (const chunk of createReadStream(path)) {
    const buffer = chunk as Buffer
    for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) lines++
    last = buffer[buffer.length - 1] ?? last
  }
  return last === 10 ? lines : lines + 1
}
