/*
 * Red team of d05f2f0 (the child parses with meriyah 7.4.2 instead of acorn): where meriyah
 * reads a file otherwise than V8 (node 20 and node 24 alike).
 *
 * No bypass was found: no input was found where V8 runs a require/import/eval/Function/
 * `.constructor` that the analysis did not see. What was found is the other direction: files
 * V8 compiles that meriyah refuses. The first kind was analysed and run as an ES module (a
 * format decided by a parser bug); both were refused as if V8 refused them too. They stay
 * refused (meriyah gives no reading of them to check), but as CommonJS when V8 reads them so,
 * and saying that V8 would read the line: the tests of the first two blocks fail on d05f2f0.
 *
 * The last block keeps, as a generated test, the strongest class of inputs tried that did NOT
 * break the check (it passes on d05f2f0): programs built to make two readers disagree on what
 * is code (comments, HTML-like comments, strings, templates, regular expressions and
 * divisions, ASI, line terminators), with `(eval)` markers; every marker V8 reads as code must
 * be reported by the analysis, or the file refused.
 */
import vm from 'node:vm'
import { createRequire } from 'node:module'
import fc from 'fast-check'
import { evaluate } from './evaluate.js'

type Analysis = {
  format?: 'commonjs' | 'module'
  failure?: { kind: string; message: string }
  problems: Array<{ message: string }>
  requires: Array<{ specifier: string }>
}
const { analyse } = createRequire(import.meta.url)('../../src/sandbox/child/analysis.cjs') as {
  analyse: (code: string) => Analysis
}
const PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname']
const compilesAsCommonJs = (code: string): boolean => {
  try {
    vm.compileFunction(code, PARAMETERS)
    return true
  } catch {
    return false
  }
}
const compilesAsModule = (code: string): boolean => {
  try {
    new vm.SourceTextModule(code)
    return true
  } catch {
    return false
  }
}

describe('finding 1: an escaped contextual name makes the file an ES module', () => {
  // meriyah's parseScript refuses an identifier spelled with a Unicode escape when it spells
  // one of its contextual words (as, of, get, set, from, target, meta, accessor, using,
  // constructor, eval, arguments): "Unexpected token: 'escaped keyword'". Its parseModule
  // accepts the same text, so analyse() decides the file is an ES module. V8 (node 20 and 24)
  // reads `\u{61}s` as the plain name `as` in a script and a CommonJS body: the file is a
  // valid CommonJS data action, and node would run it as one. The child runs it as a module
  // instead: `exports` is not defined there, and the file fails (a false refusal); the format
  // the analysis reports and checks is not the one node runs. Not a bypass on its own: a
  // module reading has no way to export a handler that is also valid CommonJS, so the file
  // cannot pass. Severity: low (availability, format decided by a parser bug).
  test.each([
    ['as', 'var \\u{61}s = 1\nexports.handler = () => \\u{61}s'],
    ['of', 'var \\u{6f}f = [1]\nexports.handler = () => \\u{6f}f'],
    ['get', 'const g\\u0065t = 2\nexports.handler = () => g\\u0065t'],
    ['from', 'let \\u0066rom = 3\nexports.handler = () => \\u0066rom']
  ])(
    'a CommonJS file naming `%s` with a Unicode escape is never run as an ES module: refused where the parser stops, saying V8 would read it',
    async (_name, code) => {
      // What V8 does: compiles it as a CommonJS body (and the name is the plain identifier).
      expect(compilesAsCommonJs(code)).toBe(true)
      const report = await evaluate(code)
      // On d05f2f0: format 'module', failure { kind: 'threw', message: 'ReferenceError: exports is not defined' }.
      expect(report.format).toBeUndefined()
      expect(report.failure).toMatchObject({ kind: 'syntax', line: 1 })
      expect(report.failure?.message).toContain('V8 would read this line')
    }
  )
})

describe('finding 2: a regular expression after ASI is read as a division and refused', () => {
  // After `var x`, `let x`, `continue` (and, in a module, after an import or export
  // declaration) and a line break, V8 inserts a semicolon and reads the `/` that follows as
  // the start of a regular expression (the division is not valid there). meriyah scans that
  // `/` as a division and refuses the file ("Unexpected token '/'"): the check reports a
  // syntax error V8 does not have. Not a bypass (meriyah refuses, it never reads less code than
  // V8 here); severity: low (valid code refused).
  test.each([
    ['var', "var seen\n/x/g.test('x')\nexports.handler = () => seen"],
    ['let', "let seen\n/x/g.test('x')\nexports.handler = () => seen"],
    ['var, several', "var a, b\n/x/.exec('x')\nexports.handler = () => a"],
    [
      'continue',
      "for (let i = 0; i < 2; i++) { if (i) continue\n/x/.test('x') }\nexports.handler = () => 1"
    ]
  ])(
    'a regular expression after %s and a line break: refused where the parser stops, saying V8 would read it',
    async (_name, code) => {
      expect(compilesAsCommonJs(code)).toBe(true)
      const report = await evaluate(code)
      // On d05f2f0: failure { kind: 'syntax', message: "SyntaxError: Unexpected token '/'" }.
      expect(report.failure).toMatchObject({ kind: 'syntax' })
      expect(report.failure?.message).toContain('V8 would read this line')
    }
  )

  test('a regular expression after an import declaration and a line break: refused, saying V8 would read it', async () => {
    const code = "import x from 'a'\n/x/g.test('x')\nexport const handler = () => x"
    expect(compilesAsModule(code)).toBe(true)
    const report = await evaluate(code)
    // On d05f2f0: failure { kind: 'syntax' } (both of meriyah's parses refuse the `/`).
    expect(report.failure).toMatchObject({ kind: 'syntax', line: 2 })
    expect(report.failure?.message).toContain('V8 would read this line')
  })
})

describe('held: what V8 reads as code, the analysis sees', () => {
  // Programs built to make two readers disagree about what is code: seeds that reach the
  // lexical grammar's ambiguous places (regular expression or division after every kind of
  // token, ASI, templates nested in substitutions, comments of every kind, HTML-like comments,
  // the line terminators, strings with quotes of the other kinds), with tokens inserted at
  // random places and `(eval)` markers. For every program V8 compiles, a marker is code to V8
  // when replacing it by `(@val)` (never code) makes V8 refuse the program; every such marker
  // must be an `eval` problem of the analysis, or the analysis must refuse the file.
  const SEEDS = [
    'x = a => {}\n/re/g\ny = `a${b}c${`d${e}`}`\n// c\n/* m\n */ z = 1 / 2 / 3',
    'if (a) /x/.test(b); else c = d / e / f\nlabel: for (;;) { break label }',
    'class A { static #p = 1; static { this.q = /a/ } get x() { return 1 } static has(o) { return #p in o } }',
    'let of = 1, g = 2\nof\n/of/g\nfunction f() {}\n/x/g',
    "var s = 'a\\'b\"c' + \"d\\\"e'\" + `f\\`g${'h'}`",
    'async function f() { await /x/; for await (const y of z) {} }\nfunction* g() { yield /x/; yield\n/y/ }',
    "x = { a: 1, get b() { return 2 }, ['c']: 3, async *d() {} }\ny = x?.a ?? x?.['b']",
    'do x++; while (x < 10)\n/a/g.exec(s)',
    'x = y\n++z\n/a/g\n-->comment\nx = 1\n',
    "x = `${ {a: `}`}.a }` + '}' + /}/.source",
    'a = b ? c : d => e\n/x/g',
    'tag`a${b}\\u{x}`\nx = (1, 2)\n[1, 2].map(z => z)',
    'switch (x) { case /a/.test(y): break; default: }\nx = { } / 1',
    "x = 1 /*\u2028*/ + 2 // a\u2029y = '\u2028' + `\r\n` + /[/*]/.source"
  ]
  const TOKENS = [
    '/',
    '//',
    '/*',
    '*/',
    '\n',
    '\r',
    '\u2028',
    '\u2029',
    '`',
    '${',
    '}',
    '{',
    "'",
    '"',
    '\\',
    '<!--',
    '-->',
    '(',
    ')',
    ';',
    'of',
    'let',
    'await',
    'yield',
    'async',
    '=>',
    ' ',
    '/x/',
    '#',
    '[',
    ']',
    '?.',
    '.5',
    'in',
    '\\u0061'
  ]
  const MARKER = ' (eval) '
  const insert = (text: string, at: number, what: string): string =>
    text.slice(0, at) + what + text.slice(at)
  const program = fc
    .tuple(
      fc.constantFrom(...SEEDS),
      fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TOKENS)), {
        minLength: 1,
        maxLength: 3
      }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 })
    )
    .map(([seed, tokens, markers]) => {
      let text = seed
      for (const [where, token] of tokens)
        text = insert(text, Math.floor(where * text.length), token)
      for (const where of markers) text = insert(text, Math.floor(where * text.length), MARKER)
      return text
    })

  test('every marker V8 reads as code is reported, or the file is refused (generated)', () => {
    let checked = 0
    fc.assert(
      fc.property(program, text => {
        const analysis = analyse(text)
        if (analysis.failure) return true
        const compiles = analysis.format === 'module' ? compilesAsModule : compilesAsCommonJs
        if (!compiles(text)) return true
        checked++
        let code = 0
        for (let at = text.indexOf(MARKER); at >= 0; at = text.indexOf(MARKER, at + 1)) {
          if (!compiles(text.slice(0, at) + ' (@val) ' + text.slice(at + MARKER.length))) code++
        }
        const reported = analysis.problems.filter(p => p.message.startsWith('eval ')).length
        return reported >= code
      }),
      { numRuns: 30000, seed: 627552 }
    )
    // The generator must reach programs V8 compiles, or the property says nothing.
    expect(checked).toBeGreaterThan(500)
  }, 120000)

  test('a file V8 compiles as CommonJS is analysed as CommonJS or refused (generated: await and HTML-like comments)', () => {
    let checked = 0
    // The script/module difference V8 has: `await` (an identifier in a CommonJS body, an
    // operator in a module, so a `/` after it divides or starts a regular expression) and
    // HTML-like comments. A file that is valid CommonJS must be analysed as CommonJS.
    const pieces = [
      'await',
      'await (x)',
      'await\n(x)',
      'await /x/g',
      'await\n/x/g',
      'x = await',
      'var await',
      'await: 1',
      'x = { await }',
      'f(await)',
      'await /\'/; require("cp") //\'',
      'a <!-- b',
      '\n--> c',
      'yield (x)',
      'let\n[x] = y',
      '\\u0061wait (x)'
    ]
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(';\n', '\n', '; '),
        (chosen, separator) => {
          const text = chosen.join(separator)
          if (!compilesAsCommonJs(text)) return true
          checked++
          const analysis = analyse(text)
          return analysis.failure !== undefined || analysis.format === 'commonjs'
        }
      ),
      { numRuns: 5000, seed: 627552 }
    )
    expect(checked).toBeGreaterThan(100)
  })
})
