/*
 * The Sandbox (src/sandbox/sandbox.ts): a report's handler, memory limits, file after file,
 * aborts, and the protocol with its child.
 */
import type { ChildProcess } from 'node:child_process'
import { Sandbox } from '../../src/sandbox/sandbox.js'
import { evaluate } from './evaluate.js'

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

  test('one child evaluates file after file, each in a fresh context', async () => {
    const sandbox = Sandbox.start()
    try {
      const poison = await sandbox.evaluate(
        "Object.prototype.handler = () => 1; globalThis.leftover = 1; require('first')",
        'a.js',
        2000
      )
      expect(poison.handler).toBe('exports.handler')
      const clean = await sandbox.evaluate(
        "if (typeof leftover !== 'undefined') throw new Error('shared'); exports.other = 1",
        'b.js',
        2000
      )
      expect(clean.failure).toBeUndefined()
      expect(clean.handler).toBeNull()
      expect(clean.requires).toEqual([])
    } finally {
      sandbox.dispose()
    }
  })

  // The host signals each request (SIGURG, for the warm-up): before the child listens, while
  // it warms up, while it waits on a read, while it evaluates.
  test('the request signal, whenever it comes, disturbs no answer', async () => {
    const sandbox = Sandbox.start()
    const { pid } = (sandbox as unknown as { child: ChildProcess }).child
    const storm = setInterval(() => pid && process.kill(pid, 'SIGURG'), 1)
    try {
      for (let i = 0; i < 3; i++) {
        const report = await sandbox.evaluate(
          `exports.handler = () => ${i}; require('m${i}')`,
          `a${i}.js`,
          5000
        )
        expect(report.failure).toBeUndefined()
        expect(report.requires.map(r => r.specifier)).toEqual([`m${i}`])
      }
    } finally {
      clearInterval(storm)
      sandbox.dispose()
    }
  })

  test('an abort stops the evaluation and the child at once', async () => {
    const sandbox = Sandbox.start()
    const controller = new AbortController()
    const evaluation = sandbox.evaluate('for (;;) {}', 'a.js', 60_000, controller.signal)
    controller.abort(new Error('cancelled'))
    await expect(evaluation).rejects.toThrow('cancelled')
    expect(sandbox.usable).toBe(false)
  })
})

describe('the protocol with the child', () => {
  // Stand-ins for a child whose inner layers were escaped: it prints what it likes.
  const readsAndPrints = (lines: string) => `
    let input = ''
    process.stdin.on('data', chunk => {
      input += chunk
      const nonce = (/"nonce":"([0-9a-f]+)"/.exec(input) || [])[1]
      if (!nonce) return
      process.stdin.pause()
      for (const line of ${lines}) process.stdout.write(JSON.stringify(line) + '\\n')
    })`

  test.each([
    [
      'a report without the request’s nonce',
      `[{ nonce: '0'.repeat(32), handler: 'exports.handler', requires: [] }]`
    ],
    ['a line before the report', `['forged', { nonce, handler: 'exports.handler', requires: [] }]`],
    ['a report with fields it may not have', `[{ nonce, handler: 'x', requires: [], extra: 1 }]`]
  ])('%s is a failed check, never a pass', async (_name, lines) => {
    const sandbox = Sandbox.start(readsAndPrints(lines))
    try {
      const report = await sandbox.evaluate('exports.handler = () => 1', 'a.js', 2000)
      expect(report.failure).toMatchObject({ kind: 'crashed' })
      expect(report.handler).toBeNull()
    } finally {
      sandbox.dispose()
    }
  })

  test('output after an answer ends the child: it answers no other file', async () => {
    const sandbox = Sandbox.start(
      readsAndPrints(`[{ nonce, handler: 'exports.handler', requires: [] }, 'forged']`)
    )
    try {
      // The first answer passes or fails as the extra line comes with it or after it.
      await sandbox.evaluate('exports.handler = () => 1', 'a.js', 2000)
      const second = await sandbox.evaluate('exports.handler = () => 1', 'b.js', 2000)
      expect(second.failure).toMatchObject({ kind: 'crashed' })
      expect(sandbox.usable).toBe(false)
    } finally {
      sandbox.dispose()
    }
  })

  test('a child that dies says why, from its stderr', async () => {
    const sandbox = Sandbox.start(
      "process.stderr.write('boom: the child broke\\n'); process.exit(3)"
    )
    const report = await sandbox.evaluate('exports.handler = () => 1', 'a.js', 2000)
    expect(report.failure?.kind).toBe('crashed')
    expect(report.failure?.message).toContain('exit code 3')
    expect(report.failure?.message).toContain('boom: the child broke')
  })
})
