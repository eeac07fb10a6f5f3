import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Sandbox, spawnSandboxProcess } from '../src/sandbox.js'

const evaluate = (code: string, timeoutMs = 2000) =>
  Sandbox.start().evaluate(code, 'actions/a.js', timeoutMs)

describe('sandbox evaluation', () => {
  test.each([
    ['exports.handler = async () => 1', 'exports.handler', 'commonjs'],
    ['module.exports = function (event) { return event }', 'module.exports', 'commonjs'],
    ['module.exports = { handler: () => 1 }', 'exports.handler', 'commonjs'],
    ['export async function handler(event) { return event }', 'export handler', 'module'],
    ['export default function (event) { return event }', 'export default', 'module'],
    ['await Promise.resolve(); export const handler = () => 1', 'export handler', 'module']
  ])('%s exports its handler as %s', async (code, handler, format) => {
    const report = await evaluate(code)
    expect(report.failure).toBeUndefined()
    expect(report).toMatchObject({ handler, format })
  })

  test.each([
    'exports.other = () => 1',
    'module.exports = { handler: 42 }',
    'export const handler = "not a function"',
    ''
  ])('%s has no handler', async code => {
    const report = await evaluate(code)
    expect(report.failure).toBeUndefined()
    expect(report.handler).toBeNull()
  })

  test('requires and imports are recorded with their lines; stand-ins are inert', async () => {
    const report = await evaluate(
      [
        "const _ = require('lodash')",
        "const { get } = require('lodash/fp')",
        "const axios = require('axios').create({ baseURL: 'x' })",
        "if (typeof _.get(1, 2).then !== 'undefined') throw new Error('stand-in is thenable')",
        "exports.handler = async () => { await import('late-module') }",
        "import('dynamic-module')"
      ].join('\n')
    )
    expect(report.failure).toBeUndefined()
    expect(report.requires).toEqual([
      { specifier: 'lodash', line: 1 },
      { specifier: 'lodash/fp', line: 2 },
      { specifier: 'axios', line: 3 },
      { specifier: 'dynamic-module', line: 6 }
    ])
  })

  test('ES module imports, named and default, are recorded', async () => {
    const report = await evaluate(
      "import axios from 'axios'\nimport { get, set as put } from 'lodash'\nimport * as uuid from 'uuid'\nexport function handler() { return [axios, get, put, uuid] }"
    )
    expect(report.failure).toBeUndefined()
    expect(report.requires).toEqual([
      { specifier: 'axios', line: 1 },
      { specifier: 'lodash', line: 2 },
      { specifier: 'uuid', line: 3 }
    ])
  })

  test('a syntax error is reported with its line and column', async () => {
    const report = await evaluate('const a = 1\n\nconst b = {\n  c: 1,,\n}\n')
    expect(report.failure).toMatchObject({ kind: 'syntax', line: 4, column: 8 })
    expect(report.failure?.message).toContain('SyntaxError')
  })

  test('a syntax error in an ES module is reported with its line and column', async () => {
    const report = await evaluate(
      "import x from 'y'\nexport function handler() {\n  return x +\n}\n"
    )
    expect(report.failure).toMatchObject({ kind: 'syntax', line: 4, column: 1 })
  })

  test('an exception at the top level is reported', async () => {
    const report = await evaluate("throw new RangeError('bad config')")
    expect(report.failure).toEqual({ kind: 'threw', message: 'RangeError: bad config' })
  })

  test.each([
    ['a synchronous loop', 'for (;;) {}'],
    ['a microtask loop', 'Promise.resolve().then(function f(){return Promise.resolve().then(f)})'],
    ['a top-level await that never settles', 'await new Promise(() => {})'],
    [
      'a getter on exports that never returns',
      "Object.defineProperty(exports, 'handler', { get() { for (;;) {} } })"
    ]
  ])('%s is stopped', async (_name, code) => {
    const started = Date.now()
    const report = await evaluate(code, 500)
    expect(['timeout', 'memory']).toContain(report.failure?.kind)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  // Given time, each bomb meets its memory limit (in the corpus the deadline often comes first).
  test.each([
    ['the V8 heap', 'const a = []; for (;;) a.push(new Array(1e6).fill(1))', 'heap limit'],
    [
      'array buffers',
      'const a = []; for (;;) a.push(new Uint8Array(1 << 26).fill(1))',
      'MB of memory'
    ]
  ])('a memory bomb in %s is stopped by the memory limit', async (_name, code, message) => {
    const report = await evaluate(code, 20_000)
    expect(report.failure).toMatchObject({ kind: 'memory' })
    expect(report.failure?.message).toContain(message)
  })

  test('the code sees no process, no require of real modules, no timers', async () => {
    const report = await evaluate(
      [
        'const seen = [typeof process, typeof setTimeout, typeof Buffer, typeof fetch, typeof WebAssembly, typeof SharedArrayBuffer]',
        "const fs = require('fs')",
        "if (typeof fs.readFileSync('/etc/passwd') !== 'function') throw new Error('real fs')",
        "throw new Error(seen.join(','))"
      ].join('\n')
    )
    expect(report.failure?.message).toBe(
      'Error: undefined,undefined,undefined,undefined,undefined,undefined'
    )
  })

  test('an unused sandbox is stopped by dispose', async () => {
    const sandbox = Sandbox.start()
    sandbox.dispose()
    await expect(
      sandbox.evaluate('exports.handler = () => 1', 'a.js', 1000)
    ).resolves.toMatchObject({
      failure: { kind: 'crashed' }
    })
  })
})

describe('the outer layer holds for code that escaped the context', () => {
  // The attack runs as the child's own program, as after a V8-level escape from the context.
  const marker = join(tmpdir(), `cxone-outer-layer-${process.pid}`)
  const attack = `
    const results = {}
    const attempt = (name, fn) => {
      try { results[name] = 'reached: ' + String(fn()).slice(0, 100) }
      catch (e) { results[name] = 'blocked: ' + (e.code || e.message) }
    }
    attempt('env', () => { if (Object.keys(process.env).length) return JSON.stringify(process.env); throw new Error('empty') })
    attempt('parent environ', () => require('fs').readFileSync('/proc/' + process.ppid + '/environ', 'utf8'))
    attempt('own environ', () => require('fs').readFileSync('/proc/self/environ', 'utf8'))
    attempt('read a file', () => require('fs').readFileSync('/etc/hostname', 'utf8'))
    attempt('write a file', () => require('fs').writeFileSync(${JSON.stringify(marker)}, 'x'))
    attempt('child process', () => require('child_process').execSync('id'))
    attempt('worker', () => new (require('worker_threads').Worker)('1', { eval: true }))
    attempt('native addon', () => process.dlopen({ exports: {} }, '/lib/x86_64-linux-gnu/libc.so.6'))
    attempt('eval', () => eval('1'))
    process.stdout.write(JSON.stringify(results))
  `

  test('no environment, files, processes, workers, addons or eval', async () => {
    process.env.CANARY_SECRET = 'outer-layer-canary'
    const child = spawnSandboxProcess(attack)
    child.stdin?.end()
    let out = ''
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d))
    await once(child, 'close')
    delete process.env.CANARY_SECRET
    const results = JSON.parse(out) as Record<string, string>
    expect(Object.keys(results)).toHaveLength(9)
    for (const [name, result] of Object.entries(results)) {
      expect(`${name}: ${result}`).toMatch(new RegExp(`^${name}: blocked: `))
    }
    expect(out).not.toContain('outer-layer-canary')
    expect(existsSync(marker)).toBe(false)
  })
})
