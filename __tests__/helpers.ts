import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { node24Path } from '../scripts/node24.mjs'
import type { WorkspaceFile } from '../src/validate/workspace-file.js'

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

export { runAction, ROOT, type ActionRun } from '../scripts/run-action.mjs'

/** The node binaries the entry point is tested on: this one, and node 24 (the runner's). */
export const NODES: Array<[string, string]> = [
  [`node ${process.versions.node}`, process.execPath],
  ['node 24', node24Path]
]

/**
 * Whether the runner would take `line` as a workflow command: `::` at the start after white
 * space, or the legacy `##[` anywhere. Its comparisons are culture-sensitive, which skips
 * format characters, so they are dropped before looking.
 */
export function runnerCommand(line: string): 'v2' | 'legacy' | undefined {
  // What a culture-sensitive comparison may skip: format and default-ignorable characters.
  const seen = line.replace(/[\p{Cf}\p{Default_Ignorable_Code_Point}]/gu, '')
  if (/^\s*::/u.test(seen)) return 'v2'
  if (seen.includes('##[')) return 'legacy'
  return undefined
}
