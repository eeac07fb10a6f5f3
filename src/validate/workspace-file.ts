import { isUtf8 } from 'node:buffer'
import { createHash } from 'node:crypto'
import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync
} from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { InputError } from '../errors.js'

/** A file named by an input, read once, checked, and kept as exact bytes and text. */
export interface WorkspaceFile {
  /** The input that named it. */
  input: string
  /** Path relative to the workspace, with `/` separators (what annotations point at). */
  path: string
  bytes: Buffer
  /** The exact text (a byte order mark, if any, is kept). */
  text: string
  /** sha256 hex of the exact bytes. */
  sha256: string
}

export interface ReadOptions {
  input: string
  maxBytes: number
  allowEmpty?: boolean
}

/**
 * Reads a file that must lie inside the workspace, after resolving symlinks, be a regular
 * file of at most `maxBytes`, and be valid UTF-8. Every failure is an InputError naming the
 * input, so a bad path can never read (or hang on) something outside the repository. The
 * calls are synchronous: a handful of small ones per file, where each async one was a round
 * trip through the thread pool (three files: ~3 ms of a validate run).
 */
export async function readWorkspaceFile(
  workspace: string,
  givenPath: string,
  options: ReadOptions
): Promise<WorkspaceFile> {
  const { input, maxBytes } = options
  const fail = (problem: string): never => {
    throw new InputError(input, problem)
  }
  // A file system error in words naming the input: `known` words some codes otherwise.
  const failOn =
    (known: Record<string, string> = {}) =>
    (error: NodeJS.ErrnoException): never =>
      fail(known[error.code ?? ''] ?? `'${givenPath}' cannot be read (${error.code})`)
  // The system's realpath, as the kernel resolves paths (node's own applies `..` to a link's
  // text before resolving the link).
  const root = attempt(
    () => realpathSync.native(workspace),
    () => fail(`the workspace '${workspace}' does not exist`)
  )
  const lexical = resolve(root, givenPath)
  if (!isInside(root, lexical)) fail(`'${givenPath}' is outside the workspace`)
  const real = attempt(
    () => realpathSync.native(lexical),
    failOn({ ENOENT: `'${givenPath}' does not exist` })
  )
  if (!isInside(root, real)) fail(`'${givenPath}' is a link to a place outside the workspace`)
  const path = relative(root, real).split(sep).join('/')

  // Checked before opening: opening a FIFO or device could block or never end. What is
  // opened is the path just resolved, and must still be what was checked: a FIFO or a link
  // put in its place (by another process) is opened without waiting or not at all, and
  // refused as changed; where the system says (Linux), the opened file must lie inside too.
  const changed = `'${givenPath}' changed while read`
  const info = attempt(() => statSync(real), failOn({ ENOENT: changed }))
  if (!info.isFile()) fail(`'${givenPath}' is not a regular file`)
  if (info.size > maxBytes) fail(`'${givenPath}' is ${info.size} bytes; the limit is ${maxBytes}`)
  const fd = attempt(
    () => openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW),
    failOn({ ELOOP: changed, ENOENT: changed })
  )
  let bytes: Buffer
  try {
    const opened = fstatSync(fd)
    const where = openedPath(fd)
    if (
      opened.ino !== info.ino ||
      opened.dev !== info.dev ||
      (where !== undefined && !isInside(root, where))
    )
      fail(changed)
    bytes = attempt(() => readFileSync(fd), failOn())
  } finally {
    closeSync(fd)
  }
  if (bytes.length > maxBytes) fail(`'${givenPath}' grew beyond ${maxBytes} bytes while read`)
  if (bytes.length === 0 && !options.allowEmpty) fail(`'${givenPath}' is empty`)
  if (!isUtf8(bytes)) {
    throw new InputError(input, `'${givenPath}' is not valid UTF-8`, {
      file: path,
      line: firstNonUtf8Line(bytes)
    })
  }
  return {
    input,
    path,
    bytes,
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    sha256: createHash('sha256').update(bytes).digest('hex')
  }
}

function attempt<T>(fn: () => T, onError: (error: NodeJS.ErrnoException) => never): T {
  try {
    return fn()
  } catch (error) {
    return onError(error as NodeJS.ErrnoException)
  }
}

/** Where an open file lies, as the system tells it (Linux's /proc); undefined elsewhere. */
function openedPath(fd: number): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`)
  } catch {
    return undefined
  }
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel)
}

// A newline byte is never part of a multi-byte sequence, so lines can be checked alone.
function firstNonUtf8Line(bytes: Buffer): number {
  let line = 1
  let start = 0
  for (;;) {
    const end = bytes.indexOf(10, start)
    if (!isUtf8(bytes.subarray(start, end < 0 ? bytes.length : end))) return line
    if (end < 0) return line
    start = end + 1
    line++
  }
}
