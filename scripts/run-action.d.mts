export const ROOT: string
export const DIST: string
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
  /** The `::warning` lines of stdout. */
  warnings: string[]
}
export interface RunOptions {
  /** Working directory and GITHUB_WORKSPACE; the project root by default. */
  cwd?: string
  env?: Record<string, string>
  /** The node binary; this one by default. */
  node?: string
  /** What node runs: dist/index.js by default (the bench runs `-e ''` in the same environment). */
  argv?: string[]
  timeoutMs?: number
  /** Called with all stdout so far each time more arrives (to signal the run mid-way). */
  onOutput?: (stdout: string, child: import('node:child_process').ChildProcess) => void
  /** Called with the child as soon as it is spawned (to signal or kill it at a chosen moment). */
  onSpawn?: (child: import('node:child_process').ChildProcess) => void
}
export function runAction(inputs: Record<string, string>, options?: RunOptions): Promise<ActionRun>
export function parseOutputFile(text: string): Record<string, string>
