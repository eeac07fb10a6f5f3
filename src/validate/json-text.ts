import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser'
import type { ParsedText } from './parsed-text.js'

/** jsonc-parser's error codes as sentences. */
const SAYS: Record<string, string> = {
  InvalidSymbol: 'an unexpected character',
  InvalidNumberFormat: 'a malformed number',
  PropertyNameExpected: 'a key in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: "':' was expected",
  CommaExpected: "',' was expected",
  CloseBraceExpected: "'}' was expected",
  CloseBracketExpected: "']' was expected",
  EndOfFileExpected: 'nothing may follow the value',
  InvalidCommentToken: 'JSON has no comments',
  UnexpectedEndOfComment: 'JSON has no comments',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut off',
  InvalidUnicode: 'an invalid \\u escape',
  InvalidEscapeCharacter: 'an invalid escape',
  InvalidCharacter: 'a control character inside a string'
}

/**
 * Strict JSON (no comments, no trailing commas) with the offset of every value. The data is
 * JSON.parse's, which keeps a `__proto__` key as a plain key.
 */
export function parseJsonText(text: string): ParsedText {
  const parseErrors: ParseError[] = []
  let root: Node | undefined
  const errors: ParsedText['errors'] = []
  try {
    root = parseTree(text, parseErrors, { disallowComments: true, allowTrailingComma: false })
  } catch (error) {
    // The parser recurses: nesting deeper than this stack is refused.
    if (!(error instanceof RangeError)) throw error
    errors.push({ message: 'it is nested too deeply', pos: 0 })
  }
  // The first only: the parser's later errors follow from it.
  const [first] = parseErrors
  if (first) {
    const name = printParseErrorCode(first.error)
    errors.push({ message: SAYS[name] ?? name, pos: first.offset })
  }
  if (errors.length === 0) errors.push(...duplicateKeys(root))
  let starts: number[] | undefined
  return {
    errors,
    data: () => JSON.parse(text) as unknown,
    offsetOf: (path, key) => nodeAt(root, path, key)?.offset,
    position: offset => {
      starts ??= lineStarts(text)
      let low = 0
      let high = starts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if ((starts[middle] ?? 0) <= offset) low = middle
        else high = middle - 1
      }
      return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 }
    }
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (const match of text.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length)
  return starts
}

/** Each key given twice in one object, at the second one. */
function duplicateKeys(root: Node | undefined): ParsedText['errors'] {
  const found: ParsedText['errors'] = []
  const stack = root ? [root] : []
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === 'object') {
      const seen = new Set<unknown>()
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? []
        if (key && seen.has(key.value)) {
          found.push({ message: `the key '${String(key.value)}' is given twice`, pos: key.offset })
        }
        seen.add(key?.value)
        if (value) stack.push(value)
      }
    } else if (node.type === 'array') {
      stack.push(...(node.children ?? []))
    }
  }
  return found.sort((a, b) => a.pos - b.pos)
}

const PROPERTIES = new WeakMap<Node, Map<unknown, Node>>()

/** An object's properties by key, indexed once (a line is looked up for every entry). */
function propertiesOf(object: Node): Map<unknown, Node> {
  let properties = PROPERTIES.get(object)
  if (!properties) {
    properties = new Map()
    for (const property of object.children ?? []) {
      const key = property.children?.[0]?.value as unknown
      if (!properties.has(key)) properties.set(key, property)
    }
    PROPERTIES.set(object, properties)
  }
  return properties
}

/**
 * The deepest node on the path; a missing key points at its object, which is where it
 * belongs. With `key`, the last step stops at the key itself.
 */
function nodeAt(
  root: Node | undefined,
  path: readonly PropertyKey[],
  key: boolean
): Node | undefined {
  let node = root
  for (const [index, step] of path.entries()) {
    let next: Node | undefined
    if (node?.type === 'object') {
      const [name, value] = propertiesOf(node).get(step)?.children ?? []
      next = key && index === path.length - 1 ? name : (value ?? name)
    } else if (node?.type === 'array' && typeof step === 'number') {
      next = node.children?.[step]
    }
    if (!next) return node
    node = next
  }
  return node
}
