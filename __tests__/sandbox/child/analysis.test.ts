/* The child's static analysis (src/sandbox/child/analysis.cjs), through a real child. */
import vm from 'node:vm'
import { createRequire } from 'node:module'
import { Sandbox } from '../../../src/sandbox/sandbox.js'
import { evaluate } from '../evaluate.js'

test.each([
  ['an identifier `of`', 'const a = 1, of = 1, g = 1\na\nof\n/(require("child_process"))/g'],
  [
    'an anonymous async function',
    'let f, g = 1\nf = async function () {}\n/(require("child_process"))/g'
  ]
])(
  'a `/` V8 reads as division (after %s) is read so by the parser too: what it divides by is checked as code',
  async (_name, code) => {
    // acorn, the parser before, read a regular expression there and never saw the require.
    const report = await evaluate(`${code}\nexports.handler = () => 1`)
    expect(report.failure).toBeUndefined()
    expect(report.requires.map(entry => entry.specifier)).toEqual(['child_process'])
  }
)

test('a span the parser took for a regular expression where V8 divides is refused', () => {
  const { readDifferently } = createRequire(import.meta.url)(
    '../../../src/sandbox/child/analysis.cjs'
  ) as {
    readDifferently: (
      code: string,
      format: string,
      regexes: Array<{ start: number; end: number; flags: string }>,
      htmlComments: number[],
      position: (offset: number) => { line: number }
    ) => { kind: string; message: string; line: number } | undefined
  }
  const code = 'let of = 1, x = 1, g = 1\nof\n/(x = 2)/g\nconst r = /[/]+/u'
  const span = (text: string, flags: string) => {
    const start = code.indexOf(text)
    return { start, end: start + text.length, flags }
  }
  const line = (offset: number) => ({ line: code.slice(0, offset).split('\n').length })
  // What a parser that guessed wrong would hand the check: V8 reads `/(x = 2)/g` as division.
  expect(readDifferently(code, 'commonjs', [span('/(x = 2)/g', 'g')], [], line)).toMatchObject({
    kind: 'syntax',
    line: 3,
    message: expect.stringContaining('a regular expression that V8 can read as code')
  })
  expect(readDifferently(code, 'commonjs', [span('/[/]+/u', 'u')], [], line)).toBeUndefined()
})

test('regular expressions both parsers read alike pass', async () => {
  const report = await evaluate(
    "const r = /a\\/b/g\nconst s = 'x'.replace(/[/]/g, '')\nif (r.test(s)) s.split(/,/)\nexports.handler = () => [/x/i, (/y/), 1 / 2 / 3, `${/z/u}`]"
  )
  expect(report.failure).toBeUndefined()
  expect(report.handler).toBe('exports.handler')
})

test('an HTML-like comment is refused: parsers read it differently', async () => {
  const report = await evaluate("x = 1 <!-- require('child_process')\nexports.handler = () => 1")
  expect(report.failure).toMatchObject({ kind: 'syntax', line: 1 })
  expect(report.failure?.message).toContain('HTML-like comment')
})

test('a syntax error is reported with its line and column', async () => {
  const report = await evaluate('const a = 1\n\nconst b = {\n  c: 1,,\n}\n')
  expect(report.failure).toMatchObject({ kind: 'syntax', line: 4, column: 8 })
  // In V8's words (meriyah writes "Unexpected token: ','").
  expect(report.failure?.message).toBe("SyntaxError: Unexpected token ','")
})

test('a syntax error in an ES module is reported with its line and column', async () => {
  const report = await evaluate("import x from 'y'\nexport function handler() {\n  return x +\n}\n")
  expect(report.failure).toMatchObject({ kind: 'syntax', line: 4, column: 1 })
})

test('a name declared twice is refused exactly where V8 refuses it, in scopes of any size', async () => {
  // The parser's scopes switch to an index past 16 names: both sides of that switch.
  const declare = (kind: string, count: number): string =>
    Array.from({ length: count }, (_, i) => `${kind} n${i} = ${i}`).join('\n')
  const functions = (count: number): string =>
    Array.from({ length: count }, (_, i) => `function n${i}() {}`).join('\n')
  const cases = [3, 40].flatMap(count => [
    `${declare('const', count)}\nconst n2 = 0`,
    `${declare('var', count)}\nvar n2 = 0`,
    `${declare('var', count)}\nlet n2 = 0`,
    `${declare('let', count)}\nvar n2 = 0`,
    `${functions(count)}\nfunction n2() {}`,
    `${functions(count)}\nlet n2 = 0`,
    `function f() {\n${declare('let', count)}\n{ let n2 = 0 }\nlet n1 = 0 }`,
    `try {} catch (n1) {\n${declare('var', count)} }`,
    `try {} catch (n1) {\n${declare('let', count)} }`,
    `'use strict'\n{\n${functions(count)}\nfunction n2() {} }`
  ])
  const sandbox = Sandbox.start()
  try {
    for (const code of cases) {
      let v8Accepts = true
      try {
        new vm.Script(code)
      } catch {
        v8Accepts = false
      }
      const report = await sandbox.evaluate(code, 'a.js', 2000)
      const { failure } = report
      expect({
        code,
        // Refused for the name (each parser words it its own way, and names it).
        refused: failure?.kind === 'syntax' && /'n\d+'/.test(failure.message),
        // Located by the parser (V8's compile error, the fallback, carries no place).
        located: failure?.line !== undefined && failure.column !== undefined
      }).toEqual({ code, refused: !v8Accepts, located: !v8Accepts })
    }
  } finally {
    sandbox.dispose()
  }
})

test('renaming import() keeps the columns of what follows it', async () => {
  const report = await evaluate("import('a'); import.meta.url; const x = {\n  c: 1,, }\n")
  expect(report.failure).toMatchObject({ kind: 'syntax', line: 2, column: 8 })
  const thrown = await evaluate(
    "const m = import.meta.url; export const handler = () => 1; throw new Error(m + ' ' + typeof import('x').then)"
  )
  expect(thrown.failure?.message).toBe('Error: file:///sandbox/actions/a.js function')
})

test('code nested deeper than the parser’s stack is refused, not evaluated', async () => {
  const report = await evaluate(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)
  expect(report.failure).toMatchObject({ kind: 'syntax' })
})

test('the warm-up samples pass the whole check: a sample the parser refused would warm little', async () => {
  const { WARM_SAMPLES } = createRequire(import.meta.url)(
    '../../../src/sandbox/child/analysis.cjs'
  ) as { WARM_SAMPLES: string[] }
  const reports = await Promise.all(WARM_SAMPLES.map(sample => evaluate(sample)))
  expect(reports.map(report => [report.format, report.failure, report.uncheckable])).toEqual([
    ['commonjs', undefined, []],
    ['commonjs', undefined, []],
    ['commonjs', undefined, []],
    ['commonjs', undefined, []],
    ['module', undefined, []]
  ])
  expect(reports.map(report => report.requires.map(entry => entry.specifier))).toEqual([
    ['https', 'lodash/get'],
    [],
    [],
    [],
    ['node:https', 'node:path', 'node:url']
  ])
})

test('the warm-up gives way once the host says a request is on its way', async () => {
  const { warmParser, WARM_SAMPLES } = createRequire(import.meta.url)(
    '../../../src/sandbox/child/analysis.cjs'
  ) as { warmParser: (stop: () => boolean) => Promise<number>; WARM_SAMPLES: string[] }
  expect(WARM_SAMPLES.length).toBeGreaterThan(2)
  expect(await warmParser(() => false)).toBe(WARM_SAMPLES.length)
  expect(await warmParser(() => true)).toBe(0)
  let asked = 0
  expect(await warmParser(() => asked++ > 0)).toBe(1)
})
