/*
 * Code run in the child's context (src/sandbox/child/context.cjs and bootstrap.cjs), through a
 * real child.
 */
import { readFileSync } from 'node:fs'
import { evaluate } from '../evaluate.js'

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/hostile/${name}`, import.meta.url), 'utf8')

test('an exception at the top level is reported', async () => {
  const report = await evaluate("throw new RangeError('bad config')")
  expect(report.failure).toEqual({ kind: 'threw', message: 'RangeError: bad config' })
})

test.each([
  ['a synchronous loop', 'for (;;) {}'],
  ['a microtask loop', 'Promise.resolve().then(function f(){return Promise.resolve().then(f)})'],
  [
    'a getter on exports that never returns',
    "Object.defineProperty(exports, 'handler', { get() { for (;;) {} } })"
  ],
  ['a thrown proxy whose traps never return', 'throw new Proxy({}, { get() { for (;;) {} } })'],
  ['an ES module loop', 'export const handler = 1; for (;;) {}']
])('%s is stopped at the deadline', async (_name, code) => {
  const report = await evaluate(code, 500)
  expect(report.failure?.kind).toBe('timeout')
})

test('a top-level await that never settles is said so', async () => {
  const report = await evaluate('await new Promise(() => {})\nexport const handler = () => 1')
  expect(report.failure).toMatchObject({
    kind: 'timeout',
    message: 'its top-level await never settles'
  })
})

test('the code sees no process, no require of real modules, no timers, no stack traces', async () => {
  const report = await evaluate(
    [
      'const seen = [typeof process, typeof setTimeout, typeof Buffer, typeof fetch, typeof WebAssembly, typeof SharedArrayBuffer, typeof FinalizationRegistry, typeof new Error().stack]',
      "const fs = require('fs')",
      "if (typeof fs.readFileSync('/etc/passwd') !== 'function') throw new Error('real fs')",
      "throw new Error(seen.join(','))"
    ].join('\n')
  )
  expect(report.failure?.message).toBe(
    'Error: undefined,undefined,undefined,undefined,undefined,undefined,undefined,undefined'
  )
})

// Each boundary alone, first thing in a fresh child (see the probe), then all together.
const probes = ['realm-probe-commonjs.js', 'realm-probe-module.js'].flatMap(name => {
  const source = fixture(name)
  const start = source.indexOf('const operations = {')
  const block = source.slice(start, source.indexOf('\n}\n', start))
  const operations = [...block.matchAll(/^ {2}(?:'([^']+)'|(\w+)): /gm)].map(m => m[1] ?? m[2])
  return [
    ...operations.map(op => [
      `${name}, ${op}`,
      source.replace('const ONLY = undefined', `const ONLY = ${JSON.stringify(op)}`)
    ]),
    [`${name}, every operation`, source]
  ]
})

test('the realm probes cover every operation', () => {
  expect(probes.length).toBeGreaterThan(30)
})

test.concurrent.each(probes)(
  '%s reaches no object of another realm, at any stack depth',
  async (_name, source) => {
    const report = await evaluate(source, 20_000)
    expect(report.failure?.message).toMatch(/^Error: no foreign object among \d+ checked$/)
  }
)
