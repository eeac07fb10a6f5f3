// Runs dist/index.js the way the GitHub runner does: inputs as INPUT_* variables, outputs and
// the job summary through the files named by GITHUB_OUTPUT and GITHUB_STEP_SUMMARY.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('..', import.meta.url))
export const DIST = join(ROOT, 'dist', 'index.js')

/** See run-action.d.mts for the shapes. */
export async function runAction(
  inputs,
  {
    cwd = ROOT,
    env = {},
    node = process.execPath,
    argv = [DIST],
    timeoutMs = 120_000,
    onOutput,
    onSpawn
  } = {}
) {
  const dir = mkdtempSync(join(tmpdir(), 'cxone-run-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const childEnv = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    GITHUB_WORKSPACE: cwd,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: dir,
    ...env
  }
  // Each run gets its own audit log unless the caller names one.
  const all = { 'audit-log': join(dir, 'cxone-audit.jsonl'), ...inputs }
  for (const [name, value] of Object.entries(all)) childEnv[`INPUT_${name.toUpperCase()}`] = value
  const started = performance.now()
  const child = spawn(node, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] })
  onSpawn?.(child)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', d => {
    stdout += d
    onOutput?.(stdout, child)
  })
  child.stderr.setEncoding('utf8').on('data', d => (stderr += d))
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
  const [exitCode, signal] = await once(child, 'close')
  clearTimeout(timer)
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    durationMs: performance.now() - started,
    errors: stdout.split('\n').filter(line => line.startsWith('::error')),
    warnings: stdout.split('\n').filter(line => line.startsWith('::warning'))
  }
}

/** The `name<<delimiter ... delimiter` records that @actions/core writes. */
export function parseOutputFile(text) {
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i])
    if (!match) continue
    const [, name, delimiter] = match
    const value = []
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i])
    outputs[name] = value.join('\n')
  }
  return outputs
}
