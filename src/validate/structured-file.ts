import { closest, distance } from 'fastest-levenshtein'
import * as z from '../zod.js'
import { firstLine, ProblemsError, type Problem, type SourceLocation } from '../errors.js'
import { parseJsonText } from './json-text.js'
import type { WorkspaceFile } from './workspace-file.js'

/** A parsed JSON or YAML file that can say on which line a value stands. */
export interface StructuredFile {
  data: unknown
  /** Line of the value at `path` (or of its nearest existing parent). */
  lineOf(path: readonly PropertyKey[]): number | undefined
  /** The data checked against `schema`; every problem reported at once, each at its line. */
  check<S extends z.ZodMiniType>(schema: S): z.output<S>
}

/**
 * Parses a `.json` file as strict JSON (a small parser, loaded with the action) and any other
 * as YAML 1.2, which reads JSON too (its parser, ~280 KB, is loaded only for such a file).
 * Duplicate keys are errors in both.
 */
export async function parseStructuredFile(file: WorkspaceFile): Promise<StructuredFile> {
  const json = /\.json$/i.test(file.path)
  const text = file.text.replace(/^\uFEFF/, '')
  const parsed = json ? parseJsonText(text) : (await import('./yaml-text.js')).parseYamlText(text)
  const problem = (message: string, location: Partial<SourceLocation> = {}): Problem => ({
    message: `Input '${file.input}': ${file.path}${message}`,
    location: { ...location, file: file.path }
  })
  if (parsed.errors.length > 0) {
    throw new ProblemsError(
      parsed.errors.map(error =>
        problem(
          ` is not valid ${json ? 'JSON' : 'JSON or YAML'}: ${error.message}`,
          parsed.position(error.pos)
        )
      )
    )
  }
  let data: unknown
  try {
    data = parsed.data()
  } catch (error) {
    throw new ProblemsError([problem(` cannot be read: ${firstLine(String(error))}`)])
  }
  const lineOf = (path: readonly PropertyKey[], key = false): number | undefined => {
    const offset = parsed.offsetOf(path, key)
    return offset === undefined ? undefined : parsed.position(offset).line
  }
  return {
    data,
    lineOf,
    check<S extends z.ZodMiniType>(schema: S): z.output<S> {
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
  schema: z.ZodMiniType,
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

/** ` at dependencies.lodash` style suffix for an issue path. */
export function pathText(path: readonly PropertyKey[]): string {
  if (path.length === 0) return ''
  return ` at ${path.map(p => (typeof p === 'number' ? `[${p}]` : String(p))).join('.')}`
}
