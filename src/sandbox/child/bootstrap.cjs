'use strict'
/*
 * Part of the child's second layer (see serve.cjs and context.cjs): the script each fresh
 * context runs before the code. It is not run in this realm: the context is given its text.
 */

/**
 * Evaluated inside each fresh context before the code, as this function's source text: it may
 * use nothing from outside its own body. It captures what it needs before the code can change
 * it, turns stack traces off, removes what the code must not have, and returns the API the host
 * drives. The API has no prototype and the code never gets it, so what the host reads from it
 * is data the code could not touch.
 */
// eslint-disable-next-line max-lines-per-function -- the context is given this function's source text, so it is one function that uses nothing outside its own body
function contextBootstrap(MAX_SPECIFIERS, MAX_SPECIFIER_CHARS, MAX_MESSAGE_CHARS) {
  'use strict'
  let FILENAME = ''
  const g = globalThis
  const apply = Reflect.apply
  const defineProperty = Object.defineProperty
  const create = Object.create
  const freeze = Object.freeze
  const toText = String
  const stringify = JSON.stringify
  const slice = String.prototype.slice
  const indexOf = String.prototype.indexOf
  const promiseResolve = Promise.resolve
  const PromiseConstructor = Promise
  const toPrimitive = Symbol.toPrimitive
  const seen = new Map()
  const mapHas = Map.prototype.has
  const mapSet = Map.prototype.set

  // No stack is captured, so node never formats one for this context (see serve.cjs's
  // header, layer 2); for good: neither writable nor configurable.
  defineProperty(Error, 'stackTraceLimit', {
    value: undefined,
    writable: false,
    configurable: false
  })
  // node awaits promises of this context (a module's evaluation): the host's `await` reads
  // their `constructor` and calls their `then`. Both stay the context's own, so the code can
  // neither run there nor be handed the host's resolving functions.
  freeze(Promise.prototype)
  freeze(Promise)
  defineProperty(Error, 'captureStackTrace', {
    value: function captureStackTrace() {},
    writable: true,
    configurable: true
  })
  for (const name of ['Atomics', 'SharedArrayBuffer', 'WebAssembly', 'FinalizationRegistry']) {
    delete g[name]
  }
  const noop = () => undefined
  defineProperty(g, 'console', {
    value: { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop },
    writable: true,
    configurable: true
  })
  defineProperty(g, 'global', { value: g, writable: true, configurable: true })

  const api = create(null)
  api.recorded = ''
  api.overflow = false
  let count = 0
  const clip = (text, max) => (text.length > max ? apply(slice, text, [0, max]) : text)
  const record = specifier => {
    // Cut to the limit with a mark no module name has, so a cut name cannot pass the policy.
    const name =
      specifier.length > MAX_SPECIFIER_CHARS
        ? apply(slice, specifier, [0, MAX_SPECIFIER_CHARS - 1]) + '\u2026'
        : specifier
    if (apply(mapHas, seen, [name])) return
    if (count >= MAX_SPECIFIERS) {
      api.overflow = true
      return
    }
    apply(mapSet, seen, [name, true])
    count++
    // One name a line for the host: a name is cut at a newline.
    const newline = apply(indexOf, name, ['\n'])
    api.recorded += (newline >= 0 ? apply(slice, name, [0, newline]) : name) + '\n'
  }

  const standIn = new Proxy(function standIn() {}, {
    get(target, key) {
      if (key === 'then') return undefined
      if (key === toPrimitive) return () => ''
      return standIn
    },
    apply() {
      return standIn
    },
    construct() {
      return standIn
    }
  })
  api.standIn = standIn
  api.require = function require(specifier) {
    if (typeof specifier !== 'string') throw new TypeError('require() expects a string')
    record(specifier)
    return standIn
  }
  const dynamicImport = function (specifier) {
    record(toText(specifier))
    return apply(promiseResolve, PromiseConstructor, [standIn])
  }
  api.dynamicImport = dynamicImport
  // The file is known after the context is made: its name is set once, before any code runs.
  api.file = name => {
    FILENAME = name
    defineProperty(dynamicImport, 'meta', {
      value: freeze(create(null, { url: { value: 'file:///sandbox/' + name, enumerable: true } }))
    })
  }

  const describe = error => {
    if (typeof error === 'string') return 'threw ' + stringify(clip(error, 200))
    if (typeof error !== 'object' || error === null) return 'threw ' + typeof error
    let name = 'Error'
    let message = ''
    try {
      name = toText(error.name)
    } catch {
      // the default stays
    }
    try {
      message = toText(error.message)
    } catch {
      // the default stays
    }
    return name + ': ' + message
  }
  const verdict = fn => {
    try {
      return 'ok:' + fn()
    } catch (error) {
      try {
        return clip('threw:' + describe(error), MAX_MESSAGE_CHARS + 6)
      } catch {
        return 'threw:an unreadable value'
      }
    }
  }
  const module = { exports: {} }
  const operations = create(null)
  operations.commonjs = fn =>
    verdict(() => {
      apply(fn, module.exports, [module.exports, module, FILENAME, '.'])
      const exported = module.exports
      if (typeof exported === 'function') return 'module.exports'
      if (typeof exported === 'object' && exported !== null) {
        if (typeof exported.handler === 'function') return 'exports.handler'
      }
      return ''
    })
  operations.module = namespace =>
    verdict(() => {
      if (typeof namespace.handler === 'function') return 'export handler'
      if (typeof namespace.default === 'function') return 'export default'
      return ''
    })
  operations.describe = error =>
    verdict(() => {
      throw error
    })
  let pending
  api.load = (operation, argument) => {
    pending = [operation, argument]
  }
  api.run = () => {
    const call = pending
    pending = undefined
    return call ? operations[call[0]](call[1]) : ''
  }
  return api
}

module.exports = { contextBootstrap }
