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
import { firstLine } from '../errors.js'
import type { ParsedText } from './parsed-text.js'

/**
 * YAML 1.2 (JSON included), with line numbers. Alias expansion is bounded (no "billion
 * laughs"). The parser's own duplicate check compares every key with every other (7 s for a
 * 256 KB map): keys are checked here instead, in one pass.
 */
export function parseYamlText(text: string): ParsedText {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false })
  return {
    errors: [
      ...doc.errors.map(error => ({ message: firstLine(error.message), pos: error.pos[0] })),
      ...duplicateKeys(doc.contents)
    ],
    data: () => doc.toJS({ maxAliasCount: 50 }),
    offsetOf: (path, key) => nodeAt(doc.contents, path, key)?.range?.[0],
    position: offset => {
      const { line, col } = lineCounter.linePos(offset)
      return { line, column: col }
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
              message: `the key '${String(item.key.value)}' is given twice`,
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
function nodeAt(root: unknown, path: readonly PropertyKey[], key: boolean): Node | undefined {
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
