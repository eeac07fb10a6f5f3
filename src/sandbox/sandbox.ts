/*
 * The sandbox: evaluates untrusted code (a data action's file) in a child process, and reports
 * how the file exports its handler, every module it asks for, the uses of require/import() the
 * dependency check cannot follow, and how it failed. It is given code and a file name and
 * nothing else: it knows nothing of CXone, evidence or the action's inputs, and must not.
 * Nothing of the host (its environment, files, network, or any object of this process) reaches
 * the code, which runs under layers that each assume the one before failed (docs/security.md).
 *
 * - sandbox.ts: the report, the Evaluator, and one child (Sandbox): its protocol, deadline and
 *   memory watchdog;
 * - pool.ts: several children sharing the files of one release (SandboxPool);
 * - process.ts: starting a child: its outer layer (node's flags) and its boot loader;
 * - answer.ts: the child's answer, parsed strictly (apart, so starting a child loads no schema);
 * - child/: the program the child runs, plain CommonJS compiled as it is (see child/serve.cjs).
 */
import type { ChildProcess } from 'node:child_process'
import type { Socket } from 'node:net'
import { BOOT, frame, SANDBOX_HEAP_MB, spawnSandboxProcess } from './process.js'

/** Resident memory of a child (array buffers live outside the V8 heap). Linux only. */
export const SANDBOX_RSS_MB = 256
/** A child is killed this long after the deadline it keeps by itself. */
const KILL_GRACE_MS = 300
const RSS_POLL_MS = 10
const MAX_REPORT_BYTES = 256 * 1024
/** What of a crashed child's stderr is kept to say why it crashed. */
const MAX_STDERR_CHARS = 2000
/** Files one child evaluates before it is replaced (bounds what one file can leave behind). */
const FILES_PER_CHILD = 50

// Loaded when first used, not with this module: the entry point starts a child before anything
// else loads, and node:crypto alone takes ~4 ms to load.
const randomBytes = (size: number): Buffer =>
  process.getBuiltinModule('node:crypto').randomBytes(size)

export type SandboxFailureKind = 'syntax' | 'threw' | 'timeout' | 'memory' | 'crashed'

export interface SandboxFailure {
  kind: SandboxFailureKind
  message: string
  line?: number
  column?: number
}

export interface RequiredModule {
  specifier: string
  /** Line of the action file that asks for it, when known. */
  line?: number
}

/** A use of require/import() the dependency check cannot follow, at its place in the file. */
export interface UncheckableUse {
  message: string
  line?: number
  column?: number
}

export interface SandboxReport {
  format?: 'commonjs' | 'module'
  /** How the handler is exported (`exports.handler`, `module.exports`, ...), or null. */
  handler: string | null
  /** Every module the file asks for: found in its text, or asked for as it ran. */
  requires: RequiredModule[]
  uncheckable: UncheckableUse[]
  failure?: SandboxFailure
  durationMs: number
  /** Peak resident memory of the child, when it reported. */
  peakRssMb?: number
}

/** Evaluates files in a sandbox: one child (Sandbox) or several (SandboxPool). */
export interface Evaluator {
  evaluate(
    code: string,
    filename: string,
    timeoutMs: number,
    signal?: AbortSignal
  ): Promise<SandboxReport>
  dispose(): void
}

interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/**
 * One sandbox child process, started before any code is known so its start-up overlaps the
 * action's own. It evaluates files one after another, each in a fresh context; each answer
 * must carry the nonce of its request, or the child is killed and the file fails. Around it:
 * a resident-memory watchdog and a deadline that kill the whole process group.
 */
export class Sandbox implements Evaluator {
  private readonly child: ChildProcess
  private readonly exited: Promise<Exit>
  private stderr = ''
  private stdout = ''
  /** Takes the next answer line; unset while no request is out. */
  private awaiting?: (line: string) => void
  /** The child printed something that was not the answer to a request. */
  private outOfProtocol = false
  private evaluations = 0
  private busy = false

  private constructor(program: string, node?: string) {
    this.child = spawnSandboxProcess(program, node)
    this.exited = new Promise(resolve =>
      this.child.once('close', (code, signal) => resolve({ code, signal }))
    )
    // A write to a child that already died must not become an unhandled error.
    this.child.stdin?.on('error', () => undefined)
    // After the spawn (node:crypto loads in ~4 ms, which the child's start overlaps), not on a
    // later turn: this process's loop is busy loading the action, and the child waited ~10 ms.
    // 16 bytes per context: one per file, and the one prepared for a file that never comes.
    this.child.stdin?.write(frame(randomBytes(16 * (FILES_PER_CHILD + 1))))
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (this.stderr.length < MAX_STDERR_CHARS) this.stderr += chunk
    })
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => this.read(chunk))
    this.hold(false)
  }

  /**
   * Starts a child; `program` replaces the boot loader and `node` this node (tests of the
   * protocol only).
   */
  static start(program = BOOT, node?: string): Sandbox {
    return new Sandbox(program, node)
  }

  /** Whether the child can take another file. */
  get usable(): boolean {
    return this.alive && !this.outOfProtocol && this.evaluations < FILES_PER_CHILD
  }

  private get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  async evaluate(
    code: string,
    filename: string,
    timeoutMs: number,
    signal?: AbortSignal
  ): Promise<SandboxReport> {
    if (this.busy) throw new Error('a sandbox evaluates one file at a time')
    this.busy = true
    this.evaluations++
    this.hold(true)
    try {
      return await this.exchange(code, filename, timeoutMs, signal)
    } finally {
      this.busy = false
      this.awaiting = undefined
      this.hold(false)
    }
  }

  /** An idle child must not keep the action alive (it ends by itself when its stdin closes). */
  private hold(busy: boolean): void {
    // The pipes are sockets, though typed as plain streams.
    const pipes = [
      this.child.stdin,
      this.child.stdout,
      this.child.stderr
    ] as unknown as Array<Socket | null>
    for (const handle of [this.child, ...pipes]) {
      if (busy) handle?.ref()
      else handle?.unref()
    }
  }

  /** Stops the child. */
  dispose(): void {
    if (this.alive) this.killGroup()
  }

  /** Exactly one line answers each request; any other output ends the child. */
  private read(chunk: string): void {
    this.stdout += chunk
    for (let newline = this.stdout.indexOf('\n'); newline >= 0;) {
      const line = this.stdout.slice(0, newline)
      this.stdout = this.stdout.slice(newline + 1)
      const take = this.awaiting
      this.awaiting = undefined
      if (take) take(line)
      else this.violate()
      newline = this.stdout.indexOf('\n')
    }
    if (this.stdout.length > MAX_REPORT_BYTES) this.violate()
  }

  /** Writes a request; a child still warming its parser up gives way to it (serve.cjs). */
  private request(header: object, code: string): void {
    const frames = [frame(Buffer.from(JSON.stringify(header))), frame(Buffer.from(code, 'utf8'))]
    this.child.stdin?.write(Buffer.concat(frames))
    this.child.kill('SIGURG')
  }

  private violate(): void {
    this.outOfProtocol = true
    this.killGroup()
  }

  private async exchange(
    code: string,
    filename: string,
    timeoutMs: number,
    signal?: AbortSignal
  ): Promise<SandboxReport> {
    signal?.throwIfAborted()
    const started = performance.now()
    const nonce = randomBytes(16).toString('hex')
    // Loaded while the child works (the entry point starts a child before any schema loads).
    const answerSchema = import('./answer.js')
    answerSchema.catch(() => undefined)
    let killedFor: 'timeout' | 'memory' | 'aborted' | undefined
    const kill = (reason: NonNullable<typeof killedFor>): void => {
      killedFor ??= reason
      this.killGroup()
    }
    const answer = new Promise<string | undefined>(resolve => {
      this.awaiting = resolve
      void this.exited.then(() => resolve(undefined))
    })
    const deadline = setTimeout(() => kill('timeout'), timeoutMs + KILL_GRACE_MS)
    const watchdog = setInterval(() => {
      void residentMegabytes(this.child.pid).then(mb => {
        if (mb > SANDBOX_RSS_MB) kill('memory')
      })
    }, RSS_POLL_MS)
    const onAbort = (): void => kill('aborted')
    signal?.addEventListener('abort', onAbort, { once: true })
    this.request({ nonce, filename, timeoutMs }, code)
    const line = await answer
    clearTimeout(deadline)
    clearInterval(watchdog)
    signal?.removeEventListener('abort', onAbort)
    if (killedFor === 'aborted') throw signal?.reason ?? new Error('aborted')
    const durationMs = Math.round(performance.now() - started)
    const failed = (failure: SandboxFailure): SandboxReport => ({
      handler: null,
      requires: [],
      uncheckable: [],
      failure,
      durationMs
    })
    if (killedFor === 'timeout') {
      return failed({ kind: 'timeout', message: `did not finish within ${timeoutMs} ms` })
    }
    if (killedFor === 'memory') {
      return failed({ kind: 'memory', message: `used more than ${SANDBOX_RSS_MB} MB of memory` })
    }
    if (line !== undefined) {
      const { ChildReportSchema } = await answerSchema
      const parsed = ChildReportSchema.safeParse(safeJson(line))
      // Anything but the answer to this request means the child cannot be trusted any more.
      if (!parsed.success || parsed.data.nonce !== nonce || this.outOfProtocol) {
        this.violate()
        return failed({ kind: 'crashed', message: 'the sandbox answered outside its protocol' })
      }
      const { format, handler, requires, problems, failure, peakRssKb } = parsed.data
      return {
        ...(format ? { format } : {}),
        handler: handler ?? null,
        requires,
        uncheckable: problems,
        ...(failure ? { failure } : {}),
        durationMs,
        ...(peakRssKb ? { peakRssMb: Math.round(peakRssKb / 1024) } : {})
      }
    }
    if (this.outOfProtocol) {
      return failed({ kind: 'crashed', message: 'the sandbox answered outside its protocol' })
    }
    const { code: exitCode, signal: exitSignal } = await this.exited
    // V8 aborts the process when the heap limit is reached.
    if (exitSignal === 'SIGABRT' || exitSignal === 'SIGTRAP' || exitCode === 134) {
      return failed({ kind: 'memory', message: `exceeded the ${SANDBOX_HEAP_MB} MB heap limit` })
    }
    const said = this.stderr.trim().split('\n').slice(-5).join(' ').slice(-500)
    return failed({
      kind: 'crashed',
      message: `the sandbox process ended without an answer (${exitSignal ?? `exit code ${exitCode}`})${said ? `: ${said}` : ''}`
    })
  }

  private killGroup(): void {
    const pid = this.child.pid
    if (pid === undefined || !this.alive) return
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      this.child.kill('SIGKILL')
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

async function residentMegabytes(pid: number | undefined): Promise<number> {
  if (pid === undefined || process.platform !== 'linux') return 0
  try {
    const { readFile } = process.getBuiltinModule('node:fs/promises')
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}
