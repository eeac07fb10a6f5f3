'use strict'
/*
 * The first statement of every sandbox child's `-e` program (../process.ts puts it there, so
 * the script is strict and this runs before the boot loader reads a byte): this realm's
 * intrinsics are frozen, so code that escaped its context cannot poison the prototypes the
 * child builds its answer with. It freezes what node's `--frozen-intrinsics` freezes, plus
 * Buffer (the child reads its frames with it).
 *
 * Not that flag: it turns every method of every prototype into a getter and setter (so that
 * assigning an inherited name on a derived object still works), and every `push`,
 * `charCodeAt` or `for...of` then runs a getter and leaves V8's fast paths: acorn parsed a
 * megabyte of code ~50 ms slower (npm run bench). Only the properties node itself assigns on
 * derived objects get the accessor pair here: an Error's name and message (node names its
 * warnings and errors so).
 */
;(function freezeIntrinsics() {
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
    getPrototypeOf(async function () {})
  ]
  const named = [
    eval,
    isFinite,
    isNaN,
    parseFloat,
    parseInt,
    decodeURI,
    decodeURIComponent,
    encodeURI,
    encodeURIComponent,
    escape,
    unescape,
    Object,
    Function,
    Boolean,
    Symbol,
    Number,
    BigInt,
    Math,
    Date,
    String,
    RegExp,
    Array,
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
    Map,
    Set,
    WeakMap,
    WeakSet,
    ArrayBuffer,
    SharedArrayBuffer,
    DataView,
    Atomics,
    JSON,
    WeakRef,
    FinalizationRegistry,
    Promise,
    Reflect,
    Proxy,
    Intl,
    WebAssembly,
    console,
    setTimeout,
    setInterval,
    setImmediate,
    clearTimeout,
    clearInterval,
    clearImmediate,
    Buffer,
    ...errorPrototypes
  ]
  // Everything reachable from these by properties (values, getters, setters) and prototypes.
  const queue = [...anonymous, ...named]
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
  defineProperty(globalThis, 'globalThis', {
    value: globalThis,
    writable: false,
    configurable: false
  })
})()
