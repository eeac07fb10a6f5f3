/*
 * The child process (src/sandbox/process.ts): the files it is given, what it loses before any
 * code is parsed (child/serve.cjs), its randomness, and its outer layer.
 */
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import {
  BOOT,
  CHILD_FILES,
  CHILD_PROGRAM,
  frame,
  spawnSandboxProcess
} from '../../src/sandbox/process.js'
import { Sandbox, type SandboxReport } from '../../src/sandbox/sandbox.js'
import { NODES } from '../helpers.js'

test('the boot loader names each file as the child is given it', () => {
  expect(CHILD_FILES.map(file => basename(fileURLToPath(file)))).toEqual([
    'meriyah.cjs',
    ...CHILD_PROGRAM
  ])
})

test('each file of the child program requires only files loaded before it', () => {
  CHILD_PROGRAM.forEach((name, at) => {
    const source = readFileSync(CHILD_FILES[1 + at]!, 'utf8')
    const required = [...source.matchAll(/require\('\.\/([^']+)'\)/g)].map(match => match[1]!)
    const loaded = CHILD_PROGRAM.slice(0, at)
    const notYetLoaded = required.filter(file => !loaded.includes(file))
    expect({ name, notYetLoaded }).toEqual({ name, notYetLoaded: [] })
  })
})

describe.each(NODES)('the child process on %s', (_label, node) => {
  test('loses everything that reaches beyond it before any code is parsed', async () => {
    // The real boot loader and child program, in the sandbox's process, the program's last file
    // run by a stand-in; the child is given no request, so it ends at once, and reports what it
    // kept as it exits.
    const last = CHILD_FILES.length - 1
    const fds = CHILD_FILES.map((_file, at) => 3 + at)
    const program = `
      const { fstatSync, writeSync } = require('node:fs')
      const { compileFunction } = require('node:vm')
      const own = process
      const child = { exports: {} }
      compileFunction(${JSON.stringify(readFileSync(CHILD_FILES[last]!, 'utf8'))},
        ['module', 'exports', 'require'])(child, child.exports, require)
      own.on('exit', () => writeSync(1, JSON.stringify({
        process: Object.getOwnPropertyNames(own).filter(name => own[name] !== undefined),
        globals: Object.getOwnPropertyNames(globalThis),
        programFiles: ${JSON.stringify(fds)}.map(fd => { try { fstatSync(fd); return 'open' } catch (e) { return e.code } })
      })))
      module.exports = () => child.exports(() => null)`
    const programFile = join(mkdtempSync(join(tmpdir(), 'child-')), 'program.cjs')
    writeFileSync(programFile, program)
    const files = [...CHILD_FILES.slice(0, last), pathToFileURL(programFile)]
    const sandbox = spawnSandboxProcess(BOOT, node, files)
    sandbox.stdin?.end()
    let out = ''
    sandbox.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d))
    await once(sandbox, 'close')
    const kept = JSON.parse(out) as { process: string[]; globals: string[]; programFiles: string[] }
    expect(kept.programFiles).toEqual(fds.map(() => 'EBADF'))
    for (const name of [
      'binding',
      '_linkedBinding',
      'dlopen',
      'getBuiltinModule',
      'kill',
      '_kill',
      '_debugProcess',
      'stdout',
      'stdin',
      'stderr',
      'report',
      'chdir',
      'setuid'
    ]) {
      expect(kept.process).not.toContain(name)
    }
    for (const name of ['process', 'require', 'module', 'net', 'fs', 'child_process', 'fetch']) {
      expect(kept.globals).not.toContain(name)
    }
    expect(kept.process).toContain('pid')
  })
})

describe('the randomness a child is given', () => {
  test('lasts for every file a child evaluates, each in a context of its own', async () => {
    const sandbox = Sandbox.start()
    try {
      let evaluated = 0
      while (sandbox.usable) {
        // A global left by one file must not be seen by the next.
        const report = await sandbox.evaluate(
          `if (globalThis.seen) throw new Error('shared'); globalThis.seen = 1; exports.handler = () => 1`,
          `a${evaluated}.js`,
          5000
        )
        expect(report.failure).toBeUndefined()
        evaluated++
      }
      expect(evaluated).toBe(50)
    } finally {
      sandbox.dispose()
    }
  })

  test('a child that runs out of it refuses the file instead of naming its API guessably', async () => {
    const child = spawnSandboxProcess(BOOT)
    const request = (nonce: string): Buffer =>
      Buffer.concat([
        frame(Buffer.from(JSON.stringify({ nonce, filename: 'a.js', timeoutMs: 2000 }))),
        frame(Buffer.from('exports.handler = () => 1'))
      ])
    // Enough for one context only.
    child.stdin?.end(
      Buffer.concat([frame(Buffer.alloc(16, 7)), request('1'.repeat(32)), request('2'.repeat(32))])
    )
    let out = ''
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d))
    await once(child, 'close')
    const [first, second] = out
      .trim()
      .split('\n')
      .map(line => JSON.parse(line) as SandboxReport)
    expect(first).toMatchObject({ handler: 'exports.handler' })
    expect(first?.failure).toBeUndefined()
    expect(second?.failure).toEqual({
      kind: 'crashed',
      message: expect.stringContaining('too few random bytes')
    })
  })
})

describe.each(NODES)(
  'on %s, the outer layer holds for code that escaped the context',
  (_label, node) => {
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
    attempt('poison an intrinsic', () => { Object.defineProperty(Object.prototype, 'channel', { get() { return 1 } }); return 'defined' })
    attempt('replace JSON.stringify', () => { JSON.stringify = () => 'forged'; if (JSON.stringify({}) === 'forged') return 'replaced'; throw new Error('frozen') })
    process.stdout.write(JSON.stringify(results))
  `

    test('no environment, files, processes, workers, addons, eval or intrinsics to poison', async () => {
      process.env.CANARY_SECRET = 'outer-layer-canary'
      const child = spawnSandboxProcess(attack, node)
      child.stdin?.end()
      let out = ''
      child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d))
      await once(child, 'close')
      delete process.env.CANARY_SECRET
      const results = JSON.parse(out) as Record<string, string>
      expect(Object.keys(results)).toHaveLength(11)
      for (const [name, result] of Object.entries(results)) {
        expect(`${name}: ${result}`).toMatch(new RegExp(`^${name}: blocked: `))
      }
      expect(out).not.toContain('outer-layer-canary')
      expect(existsSync(marker)).toBe(false)
    })
  }
)
