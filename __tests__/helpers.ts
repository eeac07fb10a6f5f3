import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { WorkspaceFile } from '../src/workspace-file.js'
import { createHash } from 'node:crypto'

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
