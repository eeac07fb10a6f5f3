'use strict'
/*
 * The child's first layer (see serve.cjs): the code is parsed (meriyah) before anything runs.
 * A syntax error is located; module-uses.cjs finds what the code asks for; code V8 could read
 * otherwise than the parser did is refused; `import(` and `import.meta` are renamed to a
 * function of the context.
 */
const vm = require('node:vm')
const { parseScript, parseModule } = require('meriyah')
const { IMPORT_NAME, COMMONJS_PARAMETERS } = require('./constants.cjs')
const { collectModuleUses } = require('./module-uses.cjs')

/**
 * meriyah, not acorn: its tokenizer is driven by the grammar (acorn's guesses whether a `/`
 * starts a regular expression, and guesses wrong in places), and it parses a megabyte of code
 * in half the time. `ranges` gives each node its offsets (the few positions reported are found
 * from them); `lexical` refuses a name declared twice, as V8 does; `webcompat` reads what V8
 * reads in a script (HTML-like comments among it, refused below); `next` accepts what V8 may
 * (V8 refuses at compile what it does not).
 */
const PARSE_OPTIONS = {
  ranges: { start: true, end: true },
  lexical: true,
  webcompat: true,
  next: true
}

/**
 * Parses the code as a CommonJS body, else (when V8 refuses it as one) as an ES module, and
 * returns its format, every module named by a literal, the uses the check cannot follow, and
 * the code with `import(`/`import.meta` renamed.
 */
function analyse(code) {
  let ast
  let format = 'commonjs'
  const htmlComments = []
  const onComment = (type, value, start) => {
    if (type === 'HTMLOpen' || type === 'HTMLClose') htmlComments.push(start)
  }
  try {
    ast = parseScript(code, { ...PARSE_OPTIONS, globalReturn: true, onComment })
  } catch (scriptError) {
    // A file V8 compiles as CommonJS is CommonJS: meriyah refuses a few V8 reads (a name
    // spelled with an escape, as `\u0061s`; a regular expression after an inserted
    // semicolon), and its module parse of one would run the file otherwise than node does.
    if (compiles(code, 'commonjs')) return refused(syntaxFailure(scriptError, true))
    htmlComments.length = 0
    try {
      ast = parseModule(code, { ...PARSE_OPTIONS, onComment })
      format = 'module'
    } catch (moduleError) {
      if (compiles(code, 'module')) return refused(syntaxFailure(moduleError, true))
      const further =
        (moduleError.start ?? -1) > (scriptError.start ?? -1) ? moduleError : scriptError
      return refused(syntaxFailure(further))
    }
  }
  const position = positions(code)
  let found
  try {
    found = collectModuleUses(ast, format, position)
  } catch {
    return refused(syntaxFailure(undefined))
  }
  const misread = readDifferently(code, format, found.regexes, htmlComments, position)
  if (misread) return { requires: found.requires, problems: [], failure: misread }
  const parts = []
  let at = 0
  for (const start of found.renames) {
    parts.push(code.slice(at, start), IMPORT_NAME)
    at = start + IMPORT_NAME.length
  }
  parts.push(code.slice(at))
  return {
    format,
    code: parts.join(''),
    requires: found.requires,
    problems: found.problems,
    imports: found.imports
  }
}

/**
 * Whether V8 could read the code otherwise than the parser did, where JavaScript's grammar
 * lets two readers disagree: a `/` that starts a regular expression or divides, and HTML-like
 * comments. Code one reader sees and the other does not would escape the check. meriyah
 * decides a `/` from the grammar, as V8 does (acorn, before it, guessed from the token before,
 * and guessed wrong after an identifier `of`); this holds the two to it. Every regular
 * expression is replaced by one of dots of the same length, which V8 reads as a regular
 * expression or not at all (dots are no code), and the result is compiled (not run).
 */
function readDifferently(code, format, regexes, htmlComments, position) {
  if (htmlComments.length > 0) {
    return {
      kind: 'syntax',
      message:
        'an HTML-like comment (<!-- or -->): parsers read these differently; use // or /* */',
      line: position(htmlComments[0]).line
    }
  }
  if (regexes.length === 0) return undefined
  const parts = []
  let at = 0
  for (const { start, end, flags } of regexes) {
    parts.push(code.slice(at, start), '/', '.'.repeat(end - start - 2 - flags.length), '/', flags)
    at = end
  }
  parts.push(code.slice(at))
  const dotted = parts.join('')
  // Code V8 refuses anyway is a syntax error, found when it is compiled to run.
  if (compiles(dotted, format) || !compiles(code, format)) return undefined
  return {
    kind: 'syntax',
    message: 'a regular expression that V8 can read as code: put it in parentheses',
    line: position(regexes[0].start).line
  }
}

/** The analysis of code refused before anything of it could be read. */
function refused(failure) {
  return { requires: [], problems: [], failure }
}

/** Whether V8 compiles the text (it is not run) as a CommonJS body or an ES module. */
function compiles(text, format) {
  try {
    if (format === 'module') new vm.SourceTextModule(text, { identifier: 'check' })
    else vm.compileFunction(text, COMMONJS_PARAMETERS, { filename: 'check' })
    return true
  } catch {
    return false
  }
}

/**
 * Line (1-based) and column (0-based, UTF-16 units) of an offset, counting line breaks as
 * the parser and V8 do; the table of line starts is built on the first call.
 */
function positions(code) {
  let starts
  return offset => {
    if (!starts) {
      starts = [0]
      // exec, not matchAll: half the time on a megabyte of code.
      const lineBreak = /\r\n?|\n|\u2028|\u2029/g
      while (lineBreak.exec(code) !== null) starts.push(lineBreak.lastIndex)
    }
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (starts[middle] <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - starts[low] }
  }
}

/** The parser's refusal; `v8Reads` when V8 compiles what the parser refused. */
function syntaxFailure(error, v8Reads = false) {
  if (error instanceof SyntaxError && error.loc) {
    // V8's wording: "Unexpected token '}'", where meriyah writes "Unexpected token: '}'".
    const message = String(error.description ?? error.message).replace(
      /^(Unexpected token): /,
      '$1 '
    )
    return {
      kind: 'syntax',
      message: v8Reads
        ? `SyntaxError: ${message} (V8 would read this line; the check's parser cannot, so write it another way: a semicolon before a line that starts with /, a name without escapes)`
        : `SyntaxError: ${message}`,
      line: error.loc.start.line,
      column: error.loc.start.column + 1
    }
  }
  // The parser recurses: code nested deeper than this stack is refused, not evaluated.
  return { kind: 'syntax', message: 'the code is nested too deeply to be checked' }
}

/**
 * Code in the shape of a data action, written to reach most of the grammar: V8 compiles each
 * of the parser's functions when it is first called, and a first file that met them all cold
 * took ~4 ms longer to check, on the run's critical path. In pieces, each checked alone: a
 * request that comes during the warm-up waits for the piece under way (~2-6 ms cold), not for
 * the whole script (~11-14 ms).
 */
const WARM_SAMPLES = [
  `'use strict'
// line comment
/* block comment */
const http = require('https'), { get: fetchIt = null } = require(\`lodash/get\`)
const LIMIT = 0x10 + 1e3 > 2n ** 3n ? 1_000 : -1.5
let counter = 0
var legacy = void 0`,
  `class Client extends Object {
  #secret = 1
  static created = new Date()
  constructor(options = {}) { super(); this.options = { retries: 3, ...options } }
  get retries() { return this.options?.retries ?? 0 }
  set retries(value) { this.options.retries = value }
  async *pages(limit) { for (let i = 0; i < limit; i++) yield await Promise.resolve(i) }
  static of(...args) { return new this(...args) }
}`,
  `function normalise(raw, [first, ...rest] = [], { deep: { value } = {} } = {}) {
  const digits = String(raw || '').replace(/[^0-9+]/giu, '').trim()
  switch (typeof raw) {
    case 'number': return digits
    default: break
  }
  outer: for (const key in rest) { if (key === first) continue outer; else if (!key) break outer }
  for (const item of rest) counter += item instanceof Array ? 1 : 0
  do { counter-- } while (counter > 10 && !(counter % 2) || counter === value)
  try { JSON.parse(raw) } catch { counter &= 1 } finally { counter |= 0 }
  try { throw new TypeError(\`bad \${raw} at \${counter}\`) } catch (error) { counter ^= error.message.length }
  return digits.startsWith('+') ? digits : \`+1\${digits}\`
}`,
  `exports.handler = async function handler(event, context) {
  const client = Client.of({ timeout: 2500 })
  const [a, b] = await Promise.all([client.retries, event?.body?.[0]])
  const result = { a, b, [\`k\${a}\`]: b, method() { return this.a }, arrow: x => x * 2 }
  counter += a << 2 >>> 1 >> 0
  delete result.b
  return { ...result, normalised: normalise(event.phone), at: new.target, when: label => label }
}
module.exports.handler = exports.handler`,
  `import http, { request as send } from 'node:https'
import * as path from 'node:path'
export { send }
export default class extends Object {}
export const handler = async event => (await import('node:url')).format(import.meta.url + path.sep + event)
`
]

/**
 * Runs the whole check on each sample, while the child waits for its first request
 * (the files it reads are passed as descriptors and its randomness is sent at spawn, so it is
 * up before the action has read the code). Each sample waits one turn of the event loop first,
 * where the host's signal that the request is on its way is seen: once `stop()` says so, the
 * warm-up gives way to the request. Returns how many samples it ran.
 */
async function warmParser(stop) {
  let warmed = 0
  for (const sample of WARM_SAMPLES) {
    await new Promise(resolve => setImmediate(resolve))
    if (stop()) break
    analyse(sample)
    warmed++
  }
  return warmed
}

// readDifferently: for its own test (the parser reads no `/` otherwise than V8 on its own).
module.exports = { analyse, warmParser, WARM_SAMPLES, readDifferently }
