import {
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Node,
  type Pair,
  type YAMLMap
} from 'yaml'
import { closest, distance } from 'fastest-levenshtein'
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
  const lineOf = (path: readonly PropertyKey[], key = false): number | undefined => {
    const node = nodeAt(doc.contents, path, key)
    return node?.range ? at(node.range[0]).line : undefined
  }
  return {
    data,
    lineOf,
    check<S extends z.ZodType>(schema: S): z.output<S> {
      const parsed = schema.safeParse(data)
      if (parsed.success) return parsed.data
      const found = sentences(parsed.error.issues, schema, data)
      throw new ProblemsError(
        found.map(({ path, message, key }) => {
          const line = lineOf(path, key)
          return problem(`${pathText(path)}: ${message}`, line ? { line } : {})
        })
      )
    }
  }
}

/**
 * Schema issues as one sentence per problem, each at its own place: an unknown key at the key
 * (with the known key it is closest to, when one is), a missing key at its map, and no second
 * sentence for a key that is missing because it was misspelt.
 */
function sentences(
  issues: readonly z.core.$ZodIssue[],
  schema: z.ZodType,
  data: unknown
): Array<{ path: PropertyKey[]; message: string; key?: boolean }> {
  const found: Array<{ path: PropertyKey[]; message: string; key?: boolean }> = []
  const misspelt = new Set<string>()
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue
    const parent = valueAt(data, issue.path)
    const known = keysAt(schema, issue.path).filter(key => !(isRecord(parent) && key in parent))
    for (const key of issue.keys) {
      const guess = nearest(key, known)
      if (guess) misspelt.add(JSON.stringify([...issue.path, guess]))
      found.push({
        path: [...issue.path, key],
        message: `unknown key '${key}'${guess ? `; did you mean '${guess}'?` : ''}`,
        key: true
      })
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') continue
    const missing = issue.code === 'invalid_type' && valueAt(data, issue.path) === undefined
    if (missing && misspelt.has(JSON.stringify(issue.path))) continue
    const key = issue.path.at(-1)
    // A record key's own message is inside the issue (the outer one says "Invalid key").
    if (issue.code === 'invalid_key') {
      found.push({ path: [...issue.path], message: issue.issues[0]?.message ?? issue.message })
      continue
    }
    found.push(
      missing && typeof key === 'string'
        ? { path: issue.path.slice(0, -1), message: `'${key}' is missing` }
        : { path: [...issue.path], message: issue.message }
    )
  }
  return found
}

/** The known key a misspelt one most likely meant: same letters in another case, or close. */
function nearest(key: string, known: readonly string[]): string | undefined {
  const sameLetters = known.find(k => k.toLowerCase() === key.toLowerCase())
  if (sameLetters) return sameLetters
  const guess = known.length > 0 ? closest(key, [...known]) : undefined
  return guess !== undefined && distance(key, guess) <= Math.max(1, Math.floor(guess.length / 4))
    ? guess
    : undefined
}

/** The keys the schema knows for the object at `path` (empty when it is not an object). */
function keysAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>
      if (path.length === 0) return Object.keys(shape)
      const next = shape[String(path[0])]
      return next ? keysAt(next, path.slice(1)) : []
    }
    case 'array':
      return path.length === 0 ? [] : keysAt(def.element as z.core.$ZodType, path.slice(1))
    case 'record':
      return path.length === 0 ? [] : keysAt(def.valueType as z.core.$ZodType, path.slice(1))
    case 'union':
      return [...new Set((def.options as z.core.$ZodType[]).flatMap(o => keysAt(o, path)))]
    case 'pipe':
      return keysAt(def.in as z.core.$ZodType, path)
    default:
      return def.innerType ? keysAt(def.innerType as z.core.$ZodType, path) : []
  }
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined
    // Own keys only: a file's key may be `constructor` or `__proto__`.
    value = Object.hasOwn(value, key) ? (value as Record<PropertyKey, unknown>)[key] : undefined
  }
  return value
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
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

const PAIRS = new WeakMap<YAMLMap, Map<unknown, Pair>>()

/** A map's pairs by key, indexed once (a line is looked up for every entry of a manifest). */
function pairsOf(map: YAMLMap): Map<unknown, Pair> {
  let pairs = PAIRS.get(map)
  if (!pairs) {
    pairs = new Map()
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !pairs.has(item.key.value)) {
        pairs.set(item.key.value, item)
      }
    }
    PAIRS.set(map, pairs)
  }
  return pairs
}

/**
 * The deepest node on the path; a missing key points at its map, which is where it belongs.
 * With `key`, the last step stops at the key itself (a problem with a key, not its value).
 */
function nodeAt(root: unknown, path: readonly PropertyKey[], key = false): Node | undefined {
  let node = root as Node | undefined
  for (const [index, step] of path.entries()) {
    let next: unknown
    if (isMap(node)) {
      const pair = pairsOf(node).get(step)
      next = pair
        ? key && index === path.length - 1
          ? pair.key
          : (pair.value ?? pair.key)
        : undefined
    } else if (isSeq(node) && typeof step === 'number') {
      next = node.items[step]
    }
    if (next === undefined || next === null) return node
    node = next as Node
  }
  return node
}
