/*
 * The child's frozen intrinsics (src/sandbox/child/intrinsics.cjs): at least what node's own
 * `--frozen-intrinsics` freezes, without its getter on every method.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { spawnSandboxProcess } from '../../src/sandbox/process.js'
import { NODES } from '../helpers.js'

/**
 * Every object reachable from the global object's own properties (not through a getter's
 * result: none is called) and from the intrinsics no name reaches, each by the first path found
 * breadth-first; printed as `path frozen|open`, then `accessors:` and the paths of the own
 * properties of Array.prototype, String.prototype and Object.prototype that are getters.
 */
const SURVEY = `
  const gpo = Object.getPrototypeOf
  const roots = [
    ['globalThis', globalThis],
    ['%ThrowTypeError%', Object.getOwnPropertyDescriptor(Function.prototype, 'caller').get],
    ['%TypedArray%', gpo(Int8Array)],
    ['%StringIteratorPrototype%', gpo(''[Symbol.iterator]())],
    ['%RegExpStringIteratorPrototype%', gpo(/e/[Symbol.matchAll](''))],
    ['%ArrayIteratorPrototype%', gpo([][Symbol.iterator]())],
    ['%MapIteratorPrototype%', gpo(new Map()[Symbol.iterator]())],
    ['%SetIteratorPrototype%', gpo(new Set()[Symbol.iterator]())],
    ['%AsyncIteratorPrototype%', gpo(gpo(gpo((async function* () {})())))],
    ['%GeneratorFunction.prototype%', gpo(function* () {})],
    ['%AsyncGeneratorFunction.prototype%', gpo(async function* () {})],
    ['%AsyncFunction.prototype%', gpo(async function () {})]
  ]
  const seen = new Map()
  const queue = roots.slice()
  while (queue.length > 0) {
    const [path, value] = queue.shift()
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue
    if (seen.has(value)) continue
    seen.set(value, path)
    queue.push([path + '.__proto__', gpo(value)])
    const descriptors = Object.getOwnPropertyDescriptors(value)
    for (const key of Reflect.ownKeys(descriptors)) {
      const d = descriptors[key]
      const at = path + '.' + String(key)
      if ('value' in d) queue.push([at, d.value])
      else queue.push([at + '<get>', d.get], [at + '<set>', d.set])
    }
  }
  const lines = [...seen].map(([value, path]) => path + ' ' + (Object.isFrozen(value) ? 'frozen' : 'open'))
  lines.push('accessors:')
  for (const [name, prototype] of [['Array', Array.prototype], ['String', String.prototype], ['Object', Object.prototype]]) {
    for (const key of Reflect.ownKeys(prototype)) {
      if (Object.getOwnPropertyDescriptor(prototype, key).get) lines.push(name + '.prototype.' + String(key))
    }
  }
  process.stdout.write(lines.join('\\n'))
`

async function output(child: ReturnType<typeof spawn>): Promise<string> {
  child.stdin?.end()
  let out = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  await once(child, 'close')
  return out
}

function parse(out: string): { frozen: Set<string>; open: Set<string>; accessors: string[] } {
  const [survey = '', accessors = ''] = out.split('\naccessors:')
  const frozen = new Set<string>()
  const open = new Set<string>()
  for (const line of survey.split('\n')) {
    const [path = '', state] = line.split(' ')
    ;(state === 'frozen' ? frozen : open).add(path)
  }
  return { frozen, open, accessors: accessors.split('\n').filter(Boolean) }
}

describe.each(NODES)('on %s', (_label, node) => {
  test("the child freezes every object node's --frozen-intrinsics freezes", async () => {
    const flag = parse(
      await output(spawn(node, ['--frozen-intrinsics', '--no-warnings', '-e', SURVEY]))
    )
    const child = parse(await output(spawnSandboxProcess(SURVEY, node)))
    // The survey reaches hundreds of frozen objects: a walk that found none would prove nothing.
    expect(flag.frozen.size).toBeGreaterThan(500)
    const leftOpen = [...flag.frozen].filter(path => child.open.has(path))
    expect(leftOpen).toEqual([])
  })

  test('without a getter on the methods the parser calls all the time', async () => {
    const child = parse(await output(spawnSandboxProcess(SURVEY, node)))
    expect(child.accessors).toEqual(['Object.prototype.__proto__'])
  })

  test("an Error's name and message can still be set on a derived object, not on the prototype", async () => {
    const program = `
      const results = []
      const error = new TypeError('first')
      error.name = 'Renamed'
      error.message = 'second'
      results.push(error.name + ': ' + error.message, TypeError.prototype.name)
      // Not frozen by the flag: the child reads its frames with Buffer.
      results.push(Object.isFrozen(Buffer) && Object.isFrozen(Buffer.prototype))
      for (const attempt of [() => { Error.prototype.name = 'x' }, () => { TypeError.prototype.message = 'x' }, () => { Array.prototype.push = null }]) {
        try { attempt(); results.push('assigned') } catch (e) { results.push(e.constructor.name) }
      }
      process.stdout.write(JSON.stringify(results))
    `
    const out = await output(spawnSandboxProcess(program, node))
    expect(JSON.parse(out)).toEqual([
      'Renamed: second',
      'TypeError',
      true,
      'TypeError',
      'TypeError',
      'TypeError'
    ])
  })
})

describe.each(NODES)(
  'on %s, a program naming crypto (node wraps it in a function)',
  (_label, node) => {
    test('still starts with its intrinsics frozen and its global names fixed', async () => {
      const program = `
      void typeof crypto
      const json = Object.getOwnPropertyDescriptor(globalThis, 'JSON')
      process.stdout.write(JSON.stringify([Object.isFrozen(Array.prototype), json.writable, json.configurable]))
    `
      const out = await output(spawnSandboxProcess(program, node))
      expect(JSON.parse(out)).toEqual([true, false, false])
    })
  }
)

describe.each(NODES)('on %s, beyond the flag', (_label, node) => {
  test('the intrinsics no global name reaches, and those of newer nodes, are frozen too', async () => {
    const program = `
      const gpo = Object.getPrototypeOf
      const found = { Buffer: Buffer.prototype }
      if (globalThis.Iterator) {
        found.wrapForValid = gpo(Iterator.from({ next: () => ({ done: true }) }))
        found.iteratorHelper = gpo([].values().map(x => x))
      }
      for (const name of ['Float16Array', 'SuppressedError', 'DisposableStack', 'AsyncDisposableStack']) {
        if (globalThis[name]) found[name] = globalThis[name].prototype
      }
      process.stdout.write(JSON.stringify(Object.entries(found).map(([name, value]) => [name, Object.isFrozen(value)])))
    `
    const results = JSON.parse(await output(spawnSandboxProcess(program, node))) as Array<
      [string, boolean]
    >
    expect(results.map(([name]) => name)).toContain('Buffer')
    expect(results.filter(([, frozen]) => !frozen)).toEqual([])
  })
})
