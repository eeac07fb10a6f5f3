import { readFileSync } from 'node:fs'
/*
 * The modules a file asks for and the uses the check cannot follow
 * (src/sandbox/child/module-uses.cjs), through a real child.
 */
import { evaluate } from '../evaluate.js'

test('every module the file names is recorded with its line, wherever it stands', async () => {
  const report = await evaluate(
    [
      "const _ = require('lodash')",
      "const { get } = require('lodash/fp')",
      "const axios = require('axios').create({ baseURL: 'x' })",
      "if (typeof _.get(1, 2).then !== 'undefined') throw new Error('stand-in is thenable')",
      "exports.handler = async () => { await import('late-module'); return require(`in-handler`) }",
      "import('dynamic-module')"
    ].join('\n')
  )
  expect(report.failure).toBeUndefined()
  expect(report.uncheckable).toEqual([])
  expect(report.requires).toEqual([
    { specifier: 'lodash', line: 1 },
    { specifier: 'lodash/fp', line: 2 },
    { specifier: 'axios', line: 3 },
    { specifier: 'late-module', line: 5 },
    { specifier: 'in-handler', line: 5 },
    { specifier: 'dynamic-module', line: 6 }
  ])
})

test('ES module imports, re-exports and dynamic imports are recorded', async () => {
  const report = await evaluate(
    [
      "import axios from 'axios'",
      "import { get, set as put } from 'lodash'",
      "import * as uuid from 'uuid'",
      "export { parse } from 'csv'",
      "export * from 'dayjs'",
      "export function handler() { return import('blocked-later').then(() => [axios, get, put, uuid]) }"
    ].join('\n')
  )
  expect(report.failure).toBeUndefined()
  expect(report.requires.map(r => [r.specifier, r.line])).toEqual([
    ['axios', 1],
    ['lodash', 2],
    ['uuid', 3],
    ['csv', 4],
    ['dayjs', 5],
    ['blocked-later', 6]
  ])
})

test('modules asked for as the code runs are recorded too, each once', async () => {
  const report = await evaluate(
    "const name = ['f', 's'].join('')\nfor (let i = 0; i < 3; i++) require(name)\nexports.handler = () => 1"
  )
  expect(report.requires).toEqual([{ specifier: 'fs' }])
  // A computed name is also a use the check cannot follow where it is not run (a handler).
  expect(report.uncheckable).toMatchObject([{ line: 2, column: 29 }])
})

test('places are counted over every line break V8 knows, and listed in source order', async () => {
  // \r\n, \r, \u2028 and \u2029 each end a line; the walk meets the nested use first.
  const code =
    "const a = require('a')\r\nconst b = [require('b'), (() => eval)()]\rconst c = require('c')\u2028" +
    'exports.handler = () => eval\u2029const d = 1'
  const report = await evaluate(code)
  expect(report.requires).toEqual([
    { specifier: 'a', line: 1 },
    { specifier: 'b', line: 2 },
    { specifier: 'c', line: 3 }
  ])
  expect(report.uncheckable).toMatchObject([
    { line: 2, column: 33 },
    { line: 4, column: 25 }
  ])
})

test.each([
  ["const r = require\nexports.handler = () => r('fs')", 1, 11, 'require is used other than'],
  ['exports.handler = (m) => require(m)', 1, 26, 'require is used other than'],
  ['exports.handler = (m) => import(m)', 1, 26, 'import() with a computed module name'],
  [
    "const [, r] = arguments\nexports.handler = () => r('fs')",
    1,
    15,
    "'arguments' at the top level"
  ],
  [
    'function f() { return f.caller.arguments }\nexports.handler = () => 1',
    1,
    25,
    "'.caller' can load modules or build code"
  ],
  ["exports.handler = () => module.require('child_process')", 1, 32, "'.require' can load"],
  [
    "const { require: load } = module\nexports.handler = () => load('x')",
    1,
    9,
    "taking 'require' out"
  ],
  [
    "exports.handler = () => process.getBuiltinModule('child_process')",
    1,
    33,
    "'.getBuiltinModule' can load"
  ],
  ["exports.handler = () => eval('req' + 'uire')('fs')", 1, 25, 'eval builds code'],
  ["exports.handler = () => Function('return require')()('fs')", 1, 25, 'the Function constructor'],
  [
    "exports.handler = () => (() => {}).constructor('return 1')()",
    1,
    36,
    "'.constructor' reaches the Function constructor"
  ],
  ["exports.handler = (k) => globalThis[k]('fs')", 1, 37, "a computed property of 'globalThis'"],
  ["exports.handler = () => Reflect.get(module, 'require')('fs')", 1, 37, "'module' passed around"],
  ["exports.handler = () => Reflect.get(m, 'require')('fs')", 1, 40, "'require' as text"],
  ["const m = module\nexports.handler = (k) => m[k]('fs')", 1, 11, "'module' passed around"],
  [
    "exports.handler = (k) => globalThis.process[k]('fs')",
    1,
    45,
    "a computed property of 'process'"
  ],
  [
    "exports.handler = function () { return this['req' + 'uire'] }",
    1,
    40,
    'this in a plain function'
  ],
  ['with (process) { exports.handler = () => 1 }', 1, 1, 'with makes every name'],
  ['exports.handler = () => \u026Amport', 1, 25, 'a name the sandbox reserves']
])('%j is a use the dependency check cannot follow', async (code, line, column, message) => {
  const report = await evaluate(code)
  expect(report.uncheckable[0]).toMatchObject({ line, column })
  expect(report.uncheckable[0]?.message).toContain(message)
})

// Red-team 3: each of these loads child_process when its handler runs under plain node (the
// corpus's bypass-*-constructor*.js files), and none was a problem: the Function constructor
// and Module._load are reached by a destructured key, a stored `.constructor`, or a computed
// property of something that is not a global object's name.
test.each([
  "const { constructor: F } = () => 0\nexports.handler = () => F('return process')()",
  "const F = Object.getPrototypeOf(() => 0).constructor\nexports.handler = () => F('return process')()",
  "const M = module.constructor\nexports.handler = (k) => M[k]('child_process')"
])('%j is a use the dependency check cannot follow (red-team 3)', async code => {
  const report = await evaluate(code)
  expect(report.uncheckable).not.toEqual([])
})

// The limit docs/security.md states: a property whose name is built at run time, of a function
// (or of node's own objects), can be the Function constructor or a loader, and no reading of the
// text can tell. If this starts failing, the check got stronger: move the fixture back into the
// hostile corpus and update the docs.
test('a property name built at run time is a route the check cannot see (the documented limit)', async () => {
  const code = readFileSync(
    new URL('../../fixtures/residual/bypass-computed-constructor.js', import.meta.url),
    'utf8'
  )
  const report = await evaluate(code)
  expect([report.failure, report.uncheckable]).toEqual([undefined, []])
})

test('the bookkeeping of requires is out of the code’s reach', async () => {
  const report = await evaluate(
    [
      "Object.defineProperty(Array.prototype, '0', { set() {}, get() { return undefined } })",
      "Object.defineProperty(Object.prototype, 'recorded', { set() {}, get() { return '' } })",
      'Map.prototype.has = () => true',
      "const name = 'chi' + 'ld_process'",
      'require(name)',
      'exports.handler = () => 1'
    ].join('\n')
  )
  expect(report.requires).toEqual([{ specifier: 'child_process' }])
})

test('more distinct modules than the limit fail instead of being dropped', async () => {
  const report = await evaluate(
    "for (let i = 0; i < 1001; i++) require('m' + i)\nexports.handler = () => 1"
  )
  expect(report.uncheckable.map(u => u.message)).toContain(
    'asks for more than 256 distinct modules: the dependency check stops there'
  )
})

test('a refused file names each module once, within the limit, and keeps its own message', async () => {
  // 300 literal requires, then a comment the parsers read differently: refused before it runs.
  const code = `${"require('a')\n".repeat(300)}<!-- x\n`
  const report = await evaluate(code)
  expect(report.failure).toMatchObject({
    kind: 'syntax',
    message: expect.stringContaining('an HTML-like comment')
  })
  expect(report.requires).toEqual([{ specifier: 'a', line: 1 }])
})
