/*
 * Code that escaped its context, in a child that serves a release's files one after another
 * (src/sandbox/pool.ts), must not change what the child reports for the next file. The escape
 * is simulated: the child runs the first file's marked text in its own realm, after serve.cjs
 * has stripped it, as a V8-level escape would. (Found by a red team: node leaves the global
 * names writable, and the child looked up Map and Buffer through them as it ran.)
 */
import { BOOT } from '../../src/sandbox/process.js'
import { Sandbox, type SandboxReport } from '../../src/sandbox/sandbox.js'
import { NODES } from '../helpers.js'

const HOOK = `
const Context = modules['./context.cjs'].ContextSandbox;
const { Script } = process.getBuiltinModule('node:vm');
const runCommonJs = Context.prototype.runCommonJs;
Context.prototype.runCommonJs = function (code) {
  const at = code.indexOf('/*ESCAPE*/');
  if (at >= 0) new Script(code.slice(at, code.indexOf('/*END*/'))).runInThisContext();
  return runCommonJs.call(this, code);
};
const serve =`
const PROGRAM = BOOT.replace('const serve =', HOOK)

const NEXT_FILE = "const pad = require('blocked-package')\nmodule.exports = {}\n"

/** The next file's report after `escape` ran in the child's realm during the first file. */
async function nextReport(
  escape: string,
  next = NEXT_FILE,
  filename = 'b.js',
  node?: string
): Promise<SandboxReport> {
  const sandbox = Sandbox.start(PROGRAM, node)
  try {
    const first = await sandbox.evaluate(
      // In the context the escape is the body of a function never called; the hook runs it.
      `function escape() {/*ESCAPE*/${escape}/*END*/}\nexports.handler = () => 1`,
      'a.js',
      5000
    )
    expect(first.failure).toBeUndefined()
    return await sandbox.evaluate(next, filename, 5000)
  } finally {
    sandbox.dispose()
  }
}

/** Every global the child's own code (boot loader, parser, checks, answer) can look up. */
const NAMES = [
  'Object',
  'Array',
  'String',
  'Number',
  'Boolean',
  'Symbol',
  'Map',
  'Set',
  'WeakMap',
  'Promise',
  'JSON',
  'Reflect',
  'Math',
  'Date',
  'RegExp',
  'Error',
  'SyntaxError',
  'TypeError',
  'RangeError',
  'Buffer',
  'Uint8Array',
  'setImmediate',
  'setTimeout',
  'clearTimeout',
  'parseInt',
  'globalThis'
]

/** Each way of putting a stand-in of one's own under a global name, tried one after another. */
const replaceEachWay = (name: string): string => `
  const fake = function () { throw new Error('replaced') }
  for (const attempt of [
    () => { globalThis[${JSON.stringify(name)}] = fake },
    () => Object.defineProperty(globalThis, ${JSON.stringify(name)}, { value: fake }),
    () => { delete globalThis[${JSON.stringify(name)}] }
  ]) { try { attempt() } catch {} }
`

const FORGERIES: Record<string, string> = {
  // A Map whose lookups all succeed: the merged requires came out empty.
  'a Map that lies': `globalThis.Map = class {
    get() { return true } set() { return this } has() { return true } values() { return [][Symbol.iterator]() }
  }`,
  // A Buffer whose frames read as the header, then as code of the escape's choosing.
  'a Buffer that forges the next file': `{
    const Real = Buffer
    let frames = 0
    globalThis.Buffer = { allocUnsafe(size) {
      const buffer = Real.allocUnsafe(size)
      if (size > 1 && ++frames % 2 === 0) {
        Object.defineProperty(buffer, 'toString', { value: () => 'exports.handler = async () => 1' })
      }
      return buffer
    }, alloc: Real.alloc, concat: Real.concat }
  }`
}

let control: SandboxReport
beforeAll(async () => {
  control = await nextReport('1')
})

test('with no escape, the next file reports its require and no handler', () => {
  expect(control.requires.map(entry => entry.specifier)).toEqual(['blocked-package'])
  expect(control.handler).toBeNull()
  expect(control.failure).toBeUndefined()
})

const reportOf = ({ handler, requires, uncheckable, failure }: SandboxReport) => ({
  handler,
  requires,
  uncheckable,
  failure
})

test.each(Object.entries(FORGERIES))('%s changes nothing of the next report', async (_, escape) => {
  expect(reportOf(await nextReport(escape))).toEqual(reportOf(control))
})

test.each(NAMES)('%s, replaced or deleted, changes nothing of the next report', async name => {
  expect(reportOf(await nextReport(replaceEachWay(name)))).toEqual(reportOf(control))
})

/*
 * A second red team's cases: memory and objects of node's that the escape can reach without
 * any global name.
 */
const GATE = `__sandbox_${'00'.repeat(16)}`
const ATTACKS: Array<[string, string, string, string]> = [
  [
    // The host's random bytes (the API's name in each later context) were read into node's
    // shared Buffer pool, which any Buffer.allocUnsafe of the escape's own hands out.
    'zeroing the random bytes in the Buffer pool lets no later file forge its verdict',
    `{
      const pool = new Uint8Array(Buffer.allocUnsafe(1).buffer)
      for (let i = 0; i + 32 + 816 <= pool.length; i++) {
        if (pool[i] === 56 && pool[i + 8] === 49 && pool[i + 16] === 54 && pool[i + 24] === 10) {
          pool.fill(0, i + 32, i + 32 + 816)
          break
        }
      }
    }`,
    `import pad from 'blocked-package'\ntry { ${GATE}.run = () => 'ok:export handler' } catch {}\nthrow new Error('fails at load')\n`,
    'b.mjs'
  ],
  [
    // node calls ref() on what setImmediate returns, inside the child's own setImmediate.
    "replacing the Immediate prototype's ref does not run inside a later evaluation",
    `{
      const proto = Object.getPrototypeOf(setImmediate(() => {}))
      const ref = proto.ref
      // Longer than the evaluation's 5 s deadline: the next file would time out.
      proto.ref = function () { const until = Date.now() + 6000; while (Date.now() < until); return ref.call(this) }
    }`,
    "import pad from 'blocked-package'\nexport const handler = () => 1\n",
    'b.mjs'
  ],
  [
    // transfer() detached node's pool: every later small Buffer threw, and the child died.
    'detaching the Buffer pool does not end the child',
    'Buffer.allocUnsafe(1).buffer.transfer?.()',
    NEXT_FILE,
    'b.js'
  ]
]

describe.each(NODES)('on %s', (_label, node) => {
  test.each(ATTACKS)('%s', async (_, escape, next, filename) => {
    const honest = await nextReport('1', next, filename, node)
    expect(reportOf(await nextReport(escape, next, filename, node))).toEqual(reportOf(honest))
  })
})
