import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { node24Path } from '../scripts/node24.mjs'
import type { WorkspaceFile } from '../src/workspace-file.js'

/** A fresh directory with the given files (path → content), standing in for a checkout. */
export function makeWorkspace(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'cxone-ws-'))
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true })
    writeFileSync(join(root, path), content)
  }
  return root
}

/** A WorkspaceFile made from text, for parsers that take one. */
export function fileOf(path: string, text: string, input = 'dependency-manifest'): WorkspaceFile {
  const bytes = Buffer.from(text)
  return { input, path, bytes, text, sha256: createHash('sha256').update(bytes).digest('hex') }
}

export interface ActionRun {
  exitCode: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  durationMs: number
  /** The `::error` lines of stdout. */
  errors: string[]
}

export interface RunOptions {
  /** node binary; the runner's own node 24 by default in CI. */
  node?: string
  cwd: string
  env?: Record<string, string>
  timeoutMs?: number
}

/**
 * Runs the bundled action the way the runner does: inputs as INPUT_* variables, outputs and
 * summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
 */
export async function runAction(
  inputs: Record<string, string>,
  options: RunOptions
): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), 'cxone-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: options.cwd,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  const child = spawn(options.node ?? process.execPath, [DIST], {
    cwd: options.cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000)
  const [exitCode, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null]
  clearTimeout(timer)
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: performance.now() - started,
    errors: stdout.split('\n').filter(line => line.startsWith('::error'))
  }
}

export const DIST = fileURLToPath(new URL('../dist/index.js', import.meta.url))

/** The `name<<delimiter ... delimiter` records that @actions/core writes. */
function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!match) continue
    const [, name, delimiter] = match
    const value: string[] = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] ?? '')
    outputs[name ?? ''] = value.join('\n')
  }
  return outputs
}

/** The node binaries the entry point is tested on: this one, and node 24 (the runner's). */
export const NODES: Array<[string, string]> = [
  [`node ${process.versions.node}`, process.execPath],
  ['node 24', node24Path]
]
