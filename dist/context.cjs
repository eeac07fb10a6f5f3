'use strict'
/*
 * The child's second layer (see serve.cjs): a fresh vm context per file, made ready before the
 * file comes. The code runs in it under the deadline; the host drives it through the API that
 * bootstrap.cjs makes inside it, under a name made of the host's random bytes, and reads only
 * strings back.
 */
const vm = require('node:vm')
const {
  MAX_SPECIFIERS,
  MAX_SPECIFIER_CHARS,
  MAX_MESSAGE_CHARS,
  IMPORT_NAME,
  COMMONJS_PARAMETERS,
  DEADLINE_SLACK_MS
} = require('./constants.cjs')
const { contextBootstrap } = require('./bootstrap.cjs')

const { stringify } = JSON

/** The host's random bytes, taken 16 at a time; never reused. */
/** One name per context, 16 random bytes of the host's each, in hex. */
const names = []

/**
 * Takes the host's random bytes, the first frame it sends, as names, and zeroes the frame at
 * once: no buffer holding them outlives this call, so code that escaped into this realm finds
 * no memory to read the next context's API name from, or to write it into.
 */
function receiveEntropy(bytes) {
  const hex = bytes.toString('hex')
  bytes.fill(0)
  for (let at = 0; at + 32 <= hex.length; at += 32) names.push(hex.slice(at, at + 32))
}

function unguessable() {
  if (names.length === 0) throw new Error('the host sent too few random bytes')
  return names.shift()
}

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

function clip(text, max) {
  return text.length > max ? text.slice(0, max) : text
}

module.exports = { ContextSandbox, receiveEntropy, hostMessage }
