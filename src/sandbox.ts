import { spawn, type ChildProcess } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { z } from 'zod'
import { sandboxChild } from './sandbox-child.js'

/** V8 heap of the sandbox child; a bigger allocation aborts the child, never the runner. */
export const SANDBOX_HEAP_MB = 128
/** Resident memory of the child (array buffers live outside the V8 heap). Linux only. */
export const SANDBOX_RSS_MB = 320
/** The child is killed this long after the deadline it was told to keep by itself. */
const KILL_GRACE_MS = 300
const RSS_POLL_MS = 20
const MAX_REPORT_BYTES = 256 * 1024

export type SandboxFailureKind = 'syntax' | 'threw' | 'timeout' | 'memory' | 'crashed'

export interface SandboxFailure {
  kind: SandboxFailureKind
  message: string
  line?: number
  column?: number
}

export interface RequiredModule {
  specifier: string
  /** Line of the action file that asked for it, when known. */
  line?: number
}

export interface SandboxReport {
  format?: 'commonjs' | 'module'
  /** How the handler is exported (`exports.handler`, `module.exports`, ...), or null. */
  handler: string | null
  requires: RequiredModule[]
  failure?: SandboxFailure
  durationMs: number
  /** Peak resident memory of the child, when it reported. */
  peakRssMb?: number
}

// The child is untrusted once the action code has run in it: its one line is parsed strictly.
const ChildReportSchema = z.strictObject({
  format: z.enum(['commonjs', 'module']).optional(),
  handler: z.string().max(100).nullable().optional(),
  requires: z
    .array(
      z.strictObject({
        specifier: z.string().max(214),
        line: z.number().int().nonnegative().optional()
      })
    )
    .max(2000)
    .default([]),
  peakRssKb: z.number().int().nonnegative().optional(),
  failure: z
    .strictObject({
      kind: z.enum(['syntax', 'threw', 'timeout', 'crashed']),
      message: z.string().max(2000),
      line: z.number().int().positive().optional(),
      column: z.number().int().positive().optional()
    })
    .optional()
})

function permissionFlag(): string {
  // `--permission` since node 22.13/23.5; node 20 only knows the experimental spelling.
  return process.allowedNodeEnvironmentFlags.has('--permission')
    ? '--permission'
    : '--experimental-permission'
}

/**
 * Starts `node -e program` as the sandbox's outer layer: no environment, no file system,
 * child processes, workers or native addons (node's permission model), a V8 heap limit, no
 * code generation from strings, in a process group of its own so it can be killed whole.
 * This is what code that escaped the inner context would still be held by.
 */
export function spawnSandboxProcess(program: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      permissionFlag(),
      `--max-old-space-size=${SANDBOX_HEAP_MB}`,
      '--disallow-code-generation-from-strings',
      '--experimental-vm-modules',
      '--no-warnings',
      '-e',
      program
    ],
    { env: {}, stdio: ['pipe', 'pipe', 'pipe'], detached: true, windowsHide: true }
  )
}

/**
 * One sandbox child process, started before the code is known so its start-up overlaps the
 * action's own. Layers: the process above, a resident-memory watchdog, a deadline that kills
 * the whole process group, and inside, a context with no host object (sandbox-child.ts).
 */
export class Sandbox {
  private readonly child: ChildProcess
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  private used = false

  private constructor() {
    // Strict, so no stack frame of the child's own code hands out its `this` or function.
    this.child = spawnSandboxProcess(`'use strict';(${sandboxChild.toString()})()`)
    this.exited = new Promise(resolve =>
      this.child.once('close', (code, signal) => resolve({ code, signal }))
    )
    // A write to a child that already died must not become an unhandled error.
    this.child.stdin?.on('error', () => undefined)
    this.child.stderr?.resume()
  }

  static start(): Sandbox {
    return new Sandbox()
  }

  /** Evaluates the code's top level once; a sandbox serves one evaluation. */
  async evaluate(code: string, filename: string, timeoutMs: number): Promise<SandboxReport> {
    if (this.used) throw new Error('a sandbox evaluates one file')
    this.used = true
    const started = performance.now()
    let killedFor: 'timeout' | 'memory' | 'report too large' | undefined
    const kill = (reason: typeof killedFor): void => {
      killedFor ??= reason
      this.killGroup()
    }

    let stdout = ''
    this.child.stdout?.setEncoding('utf8')
    this.child.stdout?.on('data', (chunk: string) => {
      stdout += chunk
      if (stdout.length > MAX_REPORT_BYTES) kill('report too large')
    })
    const deadline = setTimeout(() => kill('timeout'), timeoutMs + KILL_GRACE_MS)
    const watchdog = setInterval(() => {
      void residentMegabytes(this.child.pid).then(mb => {
        if (mb > SANDBOX_RSS_MB) kill('memory')
      })
    }, RSS_POLL_MS)

    this.child.stdin?.write(JSON.stringify({ filename, timeoutMs }) + '\n')
    this.child.stdin?.end(code)
    const { code: exitCode, signal } = await this.exited
    clearTimeout(deadline)
    clearInterval(watchdog)
    const durationMs = Math.round(performance.now() - started)

    const failed = (failure: SandboxFailure): SandboxReport => ({
      handler: null,
      requires: [],
      failure,
      durationMs
    })
    if (killedFor === 'timeout') {
      return failed({ kind: 'timeout', message: `did not finish within ${timeoutMs} ms` })
    }
    if (killedFor === 'memory') {
      return failed({ kind: 'memory', message: `used more than ${SANDBOX_RSS_MB} MB of memory` })
    }
    if (killedFor === 'report too large') {
      return failed({ kind: 'crashed', message: 'the sandbox report exceeded its size limit' })
    }
    const line = stdout.split('\n')[0] ?? ''
    const parsed = line === '' ? undefined : ChildReportSchema.safeParse(safeJson(line))
    if (parsed?.success) {
      const { format, handler, requires, peakRssKb } = parsed.data
      const failure =
        parsed.data.failure?.kind === 'syntax' && !parsed.data.failure.line
          ? { ...parsed.data.failure, ...(await locateModuleSyntaxError(code)) }
          : parsed.data.failure
      return {
        ...(format ? { format } : {}),
        handler: handler ?? null,
        requires: requires.map(r => (r.line ? r : { specifier: r.specifier })),
        ...(failure ? { failure } : {}),
        durationMs,
        ...(peakRssKb ? { peakRssMb: Math.round(peakRssKb / 1024) } : {})
      }
    }
    // V8 aborts the process when the heap limit is reached.
    if (signal === 'SIGABRT' || signal === 'SIGTRAP' || exitCode === 134) {
      return failed({ kind: 'memory', message: `exceeded the ${SANDBOX_HEAP_MB} MB heap limit` })
    }
    return failed({
      kind: 'crashed',
      message: `the sandbox process ended without a report (${signal ?? `exit code ${exitCode}`})`
    })
  }

  /** Stops the child if it was never used or is still running. */
  dispose(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.killGroup()
  }

  private killGroup(): void {
    const pid = this.child.pid
    if (pid === undefined) return
    try {
      process.kill(-pid, 'SIGKILL')
    } catch {
      this.child.kill('SIGKILL')
    }
  }
}

/**
 * V8 gives a module's syntax error no position (a script's it does), so parse the module
 * again with acorn to find it. Loaded only on this path: it is not needed to start.
 */
async function locateModuleSyntaxError(code: string): Promise<{ line?: number; column?: number }> {
  const { parse } = await import('acorn')
  try {
    parse(code, { ecmaVersion: 'latest', sourceType: 'module', locations: true })
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc
    if (loc) return { line: loc.line, column: loc.column + 1 }
  }
  return {}
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
    const status = await readFile(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}
