/* The pool of sandbox children (src/sandbox/pool.ts). */
import { SandboxPool } from '../../src/sandbox/pool.js'

test('a pool gives every file its verdict, replacing children that were killed', async () => {
  const pool = new SandboxPool(2)
  const files = [
    'exports.handler = () => 1',
    'for (;;) {}',
    'export const handler = () => 2',
    'const a = []; for (;;) a.push(new Uint8Array(1 << 26).fill(1))',
    "throw new Error('nope')",
    'module.exports = () => 3'
  ]
  try {
    const reports = await Promise.all(
      files.map((code, i) => pool.evaluate(code, `m${i}.js`, i === 3 ? 20_000 : 500))
    )
    expect(reports.map(r => r.failure?.kind ?? r.handler)).toEqual([
      'exports.handler',
      'timeout',
      'export handler',
      'memory',
      'threw',
      'module.exports'
    ])
  } finally {
    pool.dispose()
  }
})
