'use strict'
/*
 * The first statement of every sandbox child's `-e` program (../process.ts puts it there, so
 * the script is strict and this runs before the boot loader reads a byte): this realm's
 * intrinsics are frozen, so code that escaped its context cannot poison the prototypes the
 * child builds its answer with. It freezes what node's `--frozen-intrinsics` freezes, plus
 * Buffer (the child reads its frames with it) and the intrinsics of newer nodes, and fixes the
 * global names they are reached by, which the flag leaves writable.
 *
 * Not that flag: it turns every method of every prototype into a getter and setter (so that
 * assigning an inherited name on a derived object still works), and every `push`,
 * `charCodeAt` or `for...of` then runs a getter and leaves V8's fast paths: the parser (acorn,
 * then) parsed a megabyte of code ~50 ms slower (npm run bench). Only the properties node itself assigns on
 * derived objects get the accessor pair here: an Error's name and message (node names its
 * warnings and errors so).
 */
;(function freezeIntrinsics() {
  // Here too: node wraps some -e scripts in a function of its own (lib/internal/main/
  // eval_string.js), and the file's directive then no longer counts.
  'use strict'
  /**
   * The global names of what is frozen, and whose bindings are fixed: node's `--frozen-intrinsics`
   * list, the standard constructors of newer nodes, and Buffer (the child reads its frames with
   * it). Not `console`: the child deletes it from its global object.
   */
  const GLOBALS = [
    'eval',
    'isFinite',
    'isNaN',
    'parseFloat',
    'parseInt',
    'decodeURI',
    'decodeURIComponent',
    'encodeURI',
    'encodeURIComponent',
    'escape',
    'unescape',
    'Object',
    'Function',
    'Boolean',
    'Symbol',
    'Number',
    'BigInt',
    'Math',
    'Date',
    'String',
    'RegExp',
    'Array',
    'Int8Array',
    'Uint8Array',
    'Uint8ClampedArray',
    'Int16Array',
    'Uint16Array',
    'Int32Array',
    'Uint32Array',
    'Float16Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
    'Map',
    'Set',
    'WeakMap',
    'WeakSet',
    'ArrayBuffer',
    'SharedArrayBuffer',
    'DataView',
    'Atomics',
    'JSON',
    'WeakRef',
    'FinalizationRegistry',
    'Promise',
    'Reflect',
    'Proxy',
    'Iterator',
    'Intl',
    'WebAssembly',
    'Error',
    'AggregateError',
    'EvalError',
    'RangeError',
    'ReferenceError',
    'SyntaxError',
    'TypeError',
    'URIError',
    'SuppressedError',
    'DisposableStack',
    'AsyncDisposableStack',
    'setTimeout',
    'setInterval',
    'setImmediate',
    'clearTimeout',
    'clearInterval',
    'clearImmediate',
    'Buffer'
  ]
  const {
    defineProperty,
    freeze,
    getOwnPropertyDescriptor,
    getOwnPropertyDescriptors,
    getPrototypeOf,
    hasOwn
  } = Object
  const { ownKeys } = Reflect
  const errorPrototypes = [
    Error,
    AggregateError,
    EvalError,
    RangeError,
    ReferenceError,
    SyntaxError,
    TypeError,
    URIError
  ].map(constructor => constructor.prototype)
  // An assignment to a derived object defines its own property; the prototype stays as it was.
  for (const prototype of errorPrototypes) {
    for (const key of ['name', 'message']) {
      const descriptor = getOwnPropertyDescriptor(prototype, key)
      if (descriptor === undefined || !hasOwn(descriptor, 'value')) continue
      const { value } = descriptor
      defineProperty(prototype, key, {
        get: () => value,
        set(assigned) {
          if (this === prototype)
            throw new TypeError(`Cannot assign to read only property '${key}'`)
          defineProperty(this, key, {
            value: assigned,
            writable: true,
            enumerable: true,
            configurable: true
          })
        },
        enumerable: descriptor.enumerable,
        configurable: false
      })
    }
  }
  // Intrinsics no global name reaches (those of newer nodes only where they exist). Not Intl's
  // segments: making a Segmenter loads ICU's break rules (~10 ms), and the child uses none.
  const iterator = globalThis.Iterator
  // What the timer functions return: node calls their methods (ref) inside the child's own
  // setImmediate, while a later file is evaluated.
  const immediate = setImmediate(() => undefined)
  clearImmediate(immediate)
  const timeout = setTimeout(() => undefined, 0)
  clearTimeout(timeout)
  const anonymous = [
    getOwnPropertyDescriptor(Function.prototype, 'caller').get,
    getPrototypeOf(Int8Array),
    getPrototypeOf(''[Symbol.iterator]()),
    getPrototypeOf(/e/[Symbol.matchAll]('')),
    getPrototypeOf([][Symbol.iterator]()),
    getPrototypeOf(new Map()[Symbol.iterator]()),
    getPrototypeOf(new Set()[Symbol.iterator]()),
    getPrototypeOf(getPrototypeOf(getPrototypeOf((async function* () {})()))),
    getPrototypeOf(function* () {}),
    getPrototypeOf(async function* () {}),
    getPrototypeOf(async function () {}),
    getPrototypeOf(immediate),
    getPrototypeOf(timeout),
    ...(iterator?.from ? [getPrototypeOf(iterator.from({ next: () => ({ done: true }) }))] : []),
    ...(iterator?.prototype.map ? [getPrototypeOf([].values().map(x => x))] : [])
  ]
  const named = GLOBALS.filter(name => name in globalThis).map(name => globalThis[name])
  // transfer() detaches even node's Buffer pool, which node marks untransferable: every small
  // Buffer after it would throw. Nothing in the child moves buffers.
  delete ArrayBuffer.prototype.transfer
  delete ArrayBuffer.prototype.transferToFixedLength
  // Everything reachable from these by properties (values, getters, setters) and prototypes.
  const queue = [...anonymous, ...named, console]
  const frozen = new Set()
  while (queue.length > 0) {
    const value = queue.pop()
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null) continue
    if (frozen.has(value)) continue
    frozen.add(value)
    freeze(value)
    queue.push(getPrototypeOf(value))
    const descriptors = getOwnPropertyDescriptors(value)
    for (const key of ownKeys(descriptors)) {
      const descriptor = descriptors[key]
      if (hasOwn(descriptor, 'value')) queue.push(descriptor.value)
      else queue.push(descriptor.get, descriptor.set)
    }
  }
  // node leaves these names writable (Buffer a getter and setter): code that escaped its
  // context could put its own Map or Buffer under them, and the child, which looks them up as
  // it runs, would then report the next file as that code chose.
  for (const name of ['globalThis', ...GLOBALS]) {
    if (!(name in globalThis)) continue
    const { enumerable } = getOwnPropertyDescriptor(globalThis, name)
    defineProperty(globalThis, name, {
      value: globalThis[name],
      writable: false,
      enumerable,
      configurable: false
    })
  }
})()
