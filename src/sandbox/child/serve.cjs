'use strict'
/*
 * The program of a sandbox child process (started by sandbox.ts). Plain JavaScript, shipped
 * as an asset and compiled as it is by the child's boot loader: no build step rewrites it.
 *
 * Protocol, over file descriptors only (no stream object is ever created): first one frame of
 * random bytes from the host (16 per context this child may make: node:crypto would cost a
 * child ~14 ms to load), then requests: a request is two frames on fd 0, a JSON header
 * `{nonce, filename, timeoutMs}` and the code; the answer is one JSON line on fd 1 carrying
 * the request's nonce. A child serves requests until fd 0 ends.
 *
 * Layers, each assuming the one before it failed:
 * 1. The code is parsed here first (acorn): a syntax error is located; every literal
 *    `require()`, `import()` and import/export-from is recorded wherever it stands; a use of
 *    `require`/`import()` the check cannot follow is a problem; `import(` and `import.meta`
 *    are renamed to a function of the context, so V8 never calls node back for them (node's
 *    callback, at the stack limit, throws a RangeError of this process's realm).
 * 2. The code runs in a fresh vm context per request. Everything in it is made inside it; the
 *    host holds one object of it (the API, under a lexical name the code cannot guess) and
 *    reads only strings back. Stack traces are off in the context: formatting one runs node's
 *    code, which at the stack limit throws errors of this realm too.
 * 3. This process: intrinsics frozen (--frozen-intrinsics), no code generation from strings,
 *    no environment, node's permission model, and everything of `process` that reaches beyond
 *    the process stripped before any untrusted code is parsed.
 */
const { writeSync } = require('node:fs')
const vm = require('node:vm')
const { builtinModules } = require('node:module')
const {
  MAX_SPECIFIERS,
  MAX_SPECIFIER_CHARS,
  MAX_MESSAGE_CHARS,
  IMPORT_NAME,
  COMMONJS_PARAMETERS,
  DEADLINE_SLACK_MS
} = require('./constants.cjs')
const { analyse, warmParser } = require('./analysis.cjs')
const { contextBootstrap } = require('./bootstrap.cjs')

const { stringify, parse: parseJson } = JSON

// Held here: `process` itself is taken off the global object before any code is parsed.
const ownProcess = process
const peakRssKb = (
  usage => () =>
    usage().maxRSS
)(ownProcess.resourceUsage.bind(ownProcess))

/** What of `process` reaches beyond this process or loads code; removed before any parse. */
const STRIPPED = [
  'binding',
  '_linkedBinding',
  'dlopen',
  'getBuiltinModule',
  'kill',
  '_kill',
  '_debugProcess',
  '_debugEnd',
  '_startProfilerIdleNotifier',
  '_stopProfilerIdleNotifier',
  'execve',
  'abort',
  'chdir',
  'umask',
  'setuid',
  'setgid',
  'seteuid',
  'setegid',
  'setgroups',
  'initgroups',
  'stdin',
  'stdout',
  'stderr',
  'openStdin',
  '_rawDebug',
  'report',
  'loadEnvFile',
  'send',
  'channel',
  'connected',
  'disconnect',
  'mainModule',
  'moduleLoadList',
  '_getActiveHandles',
  '_getActiveRequests',
  'setSourceMapsEnabled',
  'setUncaughtExceptionCaptureCallback'
]

/** Globals of `node -e` that load code or reach the network. */
const UNGLOBALS = [
  'require',
  'module',
  'exports',
  '__filename',
  '__dirname',
  'fetch',
  'WebSocket',
  'EventSource',
  'BroadcastChannel',
  'MessageChannel',
  'Worker',
  'navigator'
]

/** The host's random bytes, taken 16 at a time; never reused. */
let entropy
let entropyUsed = 0

/** Keeps the host's random bytes, the first frame it sends, for unguessable(). */
function receiveEntropy(bytes) {
  entropy = bytes
}

function unguessable() {
  if (entropyUsed + 16 > entropy.length) throw new Error('the host sent too few random bytes')
  const bytes = entropy.subarray(entropyUsed, entropyUsed + 16).toString('hex')
  entropy.fill(0, entropyUsed, entropyUsed + 16)
  entropyUsed += 16
  return bytes
}

/**
 * Serves evaluation requests until fd 0 ends. `readFrame` (the boot loader's) returns the next
 * frame as a Buffer, or null at the end.
 */
module.exports = function serve(readFrame) {
  const exit = ownProcess.exit.bind(ownProcess)
  receiveEntropy(readFrame() ?? Buffer.alloc(0))
  for (const name of STRIPPED) delete ownProcess[name]
  // `node -e` puts `require` and every built-in module (net, fs, child_process...) on the
  // global object; code that reached this realm would find them there.
  for (const name of [...builtinModules, ...UNGLOBALS]) delete globalThis[name]
  // Nothing the code does may surface as node's own output, or stop the loop.
  ownProcess.on('uncaughtException', () => undefined)
  ownProcess.on('unhandledRejection', () => undefined)
  const loop = async () => {
    let warm = false
    for (;;) {
      // Made before the request is read (reading blocks): an evaluation only runs the code.
      const prepared = ContextSandbox.prepare()
      await prepared.catch(() => undefined)
      if (!warm) warmParser()
      warm = true
      const header = readFrame()
      const code = readFrame()
      if (header === null || code === null) return
      const request = parseJson(header.toString('utf8'))
      const report = await evaluateSafely(code.toString('utf8'), request, prepared)
      writeSync(1, stringify({ nonce: request.nonce, ...report, peakRssKb: peakRssKb() }) + '\n')
    }
  }
  loop().then(
    () => exit(0),
    () => exit(70)
  )
}

/** Evaluates and reports; never throws (the code's failures are caught inside the context). */
async function evaluateSafely(code, { filename, timeoutMs }, prepared) {
  const deadline = Date.now() + timeoutMs
  const analysis = analyse(code)
  const base = { requires: analysis.requires, problems: analysis.problems }
  if (analysis.failure) return { ...base, failure: analysis.failure }
  base.format = analysis.format
  const timeout = message => ({
    ...base,
    failure: { kind: 'timeout', message: message ?? `did not finish within ${timeoutMs} ms` }
  })
  let outcome
  let sandbox
  try {
    if (Date.now() >= deadline - DEADLINE_SLACK_MS) return timeout()
    sandbox = await prepared
    sandbox.begin(filename, deadline)
    outcome =
      analysis.format === 'module'
        ? await sandbox.runModule(analysis.code, analysis.imports)
        : await sandbox.runCommonJs(analysis.code)
  } catch (error) {
    return { ...base, failure: { kind: 'crashed', message: hostMessage(error) } }
  }
  const runtime = sandbox.runtimeRequires()
  const requires = mergeRequires(analysis.requires, runtime.list)
  const report = { ...base, requires: requires.list }
  if (requires.overflow || runtime.overflow) {
    report.problems = [
      ...report.problems,
      {
        message: `asks for more than ${MAX_SPECIFIERS} distinct modules: the dependency check stops there`
      }
    ]
  }
  switch (outcome.kind) {
    case 'ok':
      return { ...report, handler: outcome.handler || null }
    case 'timeout':
      return { ...timeout(outcome.message), requires: report.requires, problems: report.problems }
    default:
      return { ...report, failure: { kind: outcome.kind, message: outcome.message } }
  }
}

function clip(text, max) {
  return text.length > max ? text.slice(0, max) : text
}

/** Static and runtime requires, each specifier once, at the first line it was seen. */
function mergeRequires(staticList, runtimeList) {
  const seen = new Map()
  for (const entry of [...staticList, ...runtimeList]) {
    const known = seen.get(entry.specifier)
    if (!known)
      seen.set(entry.specifier, entry.line ? { ...entry } : { specifier: entry.specifier })
  }
  const list = [...seen.values()]
  return { list: list.slice(0, MAX_SPECIFIERS), overflow: list.length > MAX_SPECIFIERS }
}

/** The message of the child's own errors (this realm's: reading them runs no untrusted code). */
function hostMessage(error) {
  const message =
    error !== null && typeof error === 'object'
      ? Object.getOwnPropertyDescriptor(error, 'message')
      : undefined
  return typeof message?.value === 'string'
    ? clip(message.value, MAX_MESSAGE_CHARS)
    : 'unknown error'
}

// ---------------------------------------------------------------------------------------------
// The context

/**
 * One fresh context for one file. Every run of code in it (the API's included) is under the
 * deadline; the host never reads an object the code could have touched.
 */
class ContextSandbox {
  /**
   * A context made ready before the file it is for arrives (while the child would only wait),
   * so an evaluation pays for none of it.
   */
  static async prepare() {
    const sandbox = new ContextSandbox()
    sandbox.fallback = sandbox.standIn([])
    await sandbox.ready(sandbox.fallback)
    return sandbox
  }

  constructor() {
    // The bootstrap is the child's own code; its deadline is for a machine that stalls.
    this.deadline = Date.now() + 5000
    this.context = vm.createContext(Object.create(null), {
      name: 'data action sandbox',
      codeGeneration: { strings: false, wasm: false },
      microtaskMode: 'afterEvaluate'
    })
    this.gate = `__sandbox_${unguessable()}`
    const args = [MAX_SPECIFIERS, MAX_SPECIFIER_CHARS, MAX_MESSAGE_CHARS]
      .map(value => stringify(value))
      .join(', ')
    this.api = this.compile(
      `'use strict';\nconst ${this.gate} = (${contextBootstrap.toString()})(${args});\n` +
        `const require = ${this.gate}.require;\nconst ${IMPORT_NAME} = ${this.gate}.dynamicImport;\n` +
        this.gate,
      'sandbox-bootstrap'
    ).runInContext(this.context, { timeout: this.remaining() })
  }

  /** Takes the file this context is for, and the deadline its evaluation keeps. */
  begin(filename, deadline) {
    this.filename = filename
    this.deadline = deadline
    this.api.file(filename)
  }

  remaining() {
    return Math.max(1, this.deadline - Date.now())
  }

  reached() {
    return Date.now() >= this.deadline - DEADLINE_SLACK_MS
  }

  /** Every unit compiled here answers a dynamic import with an inert module of the context. */
  importModuleDynamically() {
    return () => this.fallback
  }

  compile(source, filename) {
    return new vm.Script(source, {
      filename,
      importModuleDynamically: this.importModuleDynamically()
    })
  }

  /** Runs an operation of the API on `argument` under the deadline; its verdict. */
  call(operation, argument) {
    this.api.load(operation, argument)
    let answer
    try {
      answer = this.compile(`${this.gate}.run()`, 'sandbox-call').runInContext(this.context, {
        timeout: this.remaining()
      })
    } catch {
      // The deadline, or a failure of the API itself: never read what was thrown, it may be
      // the code's.
      return this.reached()
        ? { kind: 'timeout' }
        : { kind: 'crashed', message: 'the sandbox API failed' }
    }
    if (typeof answer !== 'string') {
      return { kind: 'crashed', message: 'the sandbox API answered something else than text' }
    }
    const at = answer.indexOf(':')
    const rest = answer.slice(at + 1)
    return answer.slice(0, at) === 'ok'
      ? { kind: 'ok', handler: rest }
      : { kind: 'threw', message: rest }
  }

  async runCommonJs(code) {
    let fn
    try {
      fn = vm.compileFunction(code, COMMONJS_PARAMETERS, {
        parsingContext: this.context,
        filename: this.filename,
        importModuleDynamically: this.importModuleDynamically()
      })
    } catch (error) {
      return { kind: 'syntax', message: `SyntaxError: ${hostMessage(error)}` }
    }
    return this.call('commonjs', fn)
  }

  async runModule(code, imports) {
    const standIns = new Map()
    let mod
    try {
      for (const [specifier, names] of imports) standIns.set(specifier, this.standIn(names))
      for (const standIn of standIns.values()) await this.ready(standIn)
      mod = new vm.SourceTextModule(code, {
        context: this.context,
        identifier: this.filename,
        importModuleDynamically: this.importModuleDynamically(),
        initializeImportMeta: () => undefined
      })
      await this.settle(mod.link(specifier => standIns.get(specifier) ?? this.fallback))
    } catch (error) {
      return { kind: 'syntax', message: `SyntaxError: ${hostMessage(error)}` }
    }
    let evaluation
    try {
      evaluation = mod.evaluate({ timeout: this.remaining() })
    } catch {
      return this.reached()
        ? { kind: 'timeout' }
        : { kind: 'crashed', message: 'the module could not be evaluated' }
    }
    const state = await this.settle(evaluation)
    switch (state.kind) {
      case 'fulfilled':
        return this.call('module', mod.namespace)
      case 'rejected':
        return this.reached() ? { kind: 'timeout' } : this.call('describe', state.reason)
      case 'pending':
        return { kind: 'timeout', message: 'its top-level await never settles' }
      default:
        return state
    }
  }

  /**
   * Waits for a promise whose settling depends on the context's microtasks, which run only
   * after something is evaluated in the context: drain them under the deadline, then give the
   * host's queue a turn. Nothing in the context is a timer or I/O, so a promise still pending
   * after that never settles.
   */
  async settle(promise) {
    let state = { kind: 'pending' }
    // Some steps (a synthetic module's link) answer at once on some node versions.
    Promise.resolve(promise).then(
      () => (state = { kind: 'fulfilled' }),
      reason => (state = { kind: 'rejected', reason })
    )
    for (let turn = 0; turn < 3 && state.kind === 'pending'; turn++) {
      try {
        this.compile('undefined', 'sandbox-drain').runInContext(this.context, {
          timeout: this.remaining()
        })
      } catch {
        return { kind: 'timeout' }
      }
      await new Promise(resolve => setImmediate(resolve))
    }
    return state
  }

  /** An inert module of the context exporting `names` (and a default) as the stand-in. */
  standIn(names) {
    const exported = ['default', ...[...names].filter(name => name !== 'default')]
    const standIn = this.api.standIn
    return new vm.SyntheticModule(
      exported,
      function setStandIns() {
        for (const name of exported) this.setExport(name, standIn)
      },
      { context: this.context, identifier: 'sandbox:stand-in' }
    )
  }

  /** Links and evaluates a stand-in before any code runs (node 20 needs both for imports). */
  async ready(standIn) {
    await this.settle(standIn.link(() => undefined))
    const state = await this.settle(standIn.evaluate())
    if (state.kind !== 'fulfilled') throw new Error('a stand-in module could not be prepared')
  }

  /** What the code asked for as it ran: data of the API, which the code cannot reach. */
  runtimeRequires() {
    const { recorded, overflow } = this.api
    const list = typeof recorded === 'string' ? recorded.split('\n').filter(Boolean) : []
    return { list: list.map(specifier => ({ specifier })), overflow: overflow === true }
  }
}
