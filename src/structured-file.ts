import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { z } from 'zod'
import { ProblemsError, type Problem, type SourceLocation } from './errors.js'
import type { WorkspaceFile } from './workspace-file.js'

/** A parsed JSON or YAML file that can say on which line a value stands. */
export interface StructuredFile {
  data: unknown
  /** Line of the value at `path` (or of its nearest existing parent). */
  lineOf(path: readonly PropertyKey[]): number | undefined
  /** The data checked against `schema`; every problem reported at once, each at its line. */
  check<S extends z.ZodType>(schema: S): z.output<S>
}

/**
 * Parses JSON or YAML: YAML 1.2 reads JSON too, so one parser gives line numbers for both.
 * Duplicate keys are errors, and alias expansion is bounded (no "billion laughs"). The
 * parser's own duplicate check compares every key with every other (7 s for a 256 KB map):
 * keys are checked here instead, in one pass.
 */
export function parseStructuredFile(file: WorkspaceFile): StructuredFile {
  const lineCounter = new LineCounter()
  const doc = parseDocument(file.text.replace(/^\uFEFF/, ''), {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false
  })
  const at = (offset: number): { line: number; column: number } => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const problem = (message: string, location: Partial<SourceLocation> = {}): Problem => ({
    message: `Input '${file.input}': ${file.path}${message}`,
    location: { ...location, file: file.path }
  })
  const errors = [
    ...doc.errors.map(error => ({ message: firstLine(error.message), pos: error.pos[0] })),
    ...duplicateKeys(doc.contents)
  ]
  if (errors.length > 0) {
    throw new ProblemsError(
      errors.map(error => problem(` is not valid JSON or YAML: ${error.message}`, at(error.pos)))
    )
  }
  let data: unknown
  try {
    data = doc.toJS({ maxAliasCount: 50 })
  } catch (error) {
    throw new ProblemsError([problem(` cannot be read: ${firstLine(String(error))}`)])
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const node = nodeAt(doc.contents, path)
    return node?.range ? at(node.range[0]).line : undefined
  }
  return {
    data,
    lineOf,
    check<S extends z.ZodType>(schema: S): z.output<S> {
      const parsed = schema.safeParse(data)
      if (parsed.success) return parsed.data
      throw new ProblemsError(
        parsed.error.issues.map(issue => {
          const line = lineOf(issue.path)
          return problem(`${pathText(issue.path)}: ${issue.message}`, line ? { line } : {})
        })
      )
    }
  }
}

/** Each key given twice in one map, at the second one. */
function duplicateKeys(root: unknown): Array<{ message: string; pos: number }> {
  const found: Array<{ message: string; pos: number }> = []
  const stack: unknown[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (isMap(node)) {
      const seen = new Set<unknown>()
      for (const item of node.items) {
        if (isScalar(item.key)) {
          if (seen.has(item.key.value)) {
            found.push({
              message: `Map keys must be unique ('${String(item.key.value)}' is given twice)`,
              pos: item.key.range?.[0] ?? 0
            })
          }
          seen.add(item.key.value)
        }
        stack.push(item.value)
      }
    } else if (isSeq(node)) {
      stack.push(...node.items)
    }
  }
  return found.sort((a, b) => a.pos - b.pos)
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

/** ` at dependencies.lodash` style suffix for an issue path. */
export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ''
  return ` at ${path.map(p => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')}`
}

// The deepest node on the path; a missing key points at its map, which is where it belongs.
function nodeAt(root: unknown, path: readonly PropertyKey[]): Node | undefined {
  let node = root as Node | undefined
  for (const key of path) {
    let next: unknown
    if (isMap(node)) {
      const pair = node.items.find(
        item => isPair(item) && isScalar(item.key) && item.key.value === key
      )
      // A problem with a key (not its value) is best shown on the key's own line.
      next = pair ? (pair.value ?? pair.key) : undefined
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key]
    }
    if (next === undefined || next === null) return node
    node = next as Node
  }
  return node
}
