/**
 * The program of the sandbox child process (started by sandbox.ts). It is shipped as this
 * function's source text through `node -e`, so it may use nothing from outside its own body:
 * built-ins come from `process.getBuiltinModule`, which bundlers leave alone.
 *
 * Protocol: stdin carries one JSON header line `{"filename", "timeoutMs"}`, then the action
 * code until EOF. stdout carries exactly one JSON line, the report (see sandbox.ts).
 *
 * The action code runs in a context with no host object in it: the context's global is
 * `Object.create(null)` and everything the code sees (`module`, `exports`, `require`,
 * `console`) is made by a bootstrap script evaluated inside the context, so no property
 * chain leads to this realm's `Function` and so to `process`.
 */
export function sandboxChild(): void {
  const vm = process.getBuiltinModule('node:vm') as typeof import('node:vm')

  const chunks: Buffer[] = []
  process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk))
  process.stdin.on('end', () => {
    const input = Buffer.concat(chunks)
    const newline = input.indexOf(10)
    const header = JSON.parse(input.subarray(0, newline).toString('utf8')) as {
      filename: string
      timeoutMs: number
    }
    evaluate(input.subarray(newline + 1).toString('utf8'), header.filename, header.timeoutMs).then(
      send,
      (error: unknown) => send({ failure: { kind: 'crashed', message: describe(error) } })
    )
  })

  let sent = false
  function send(report: object): void {
    if (sent) return
    sent = true
    const peakRssKb = process.resourceUsage().maxRSS
    process.stdout.write(JSON.stringify({ ...report, peakRssKb }) + '\n', () => process.exit(0))
  }

  // A top-level await that never settles leaves the event loop empty.
  process.on('beforeExit', () =>
    send({ failure: { kind: 'timeout', message: 'top-level await never settled' } })
  )

  // Errors may come from the context's realm (so `instanceof Error` is false) and, when the
  // action code threw them, may be proxies or carry getters: read only plain data values.
  function describe(error: unknown): string {
    try {
      if (typeof error === 'object' && error !== null) {
        const name = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(error) ?? {}, 'name')
        const message = Object.getOwnPropertyDescriptor(error, 'message')
        const n = typeof name?.value === 'string' ? name.value : 'Error'
        const m = typeof message?.value === 'string' ? message.value : ''
        return `${n}: ${m}`.slice(0, 500)
      }
      return `threw ${typeof error === 'string' ? JSON.stringify(error.slice(0, 200)) : typeof error}`
    } catch {
      return 'threw an unreadable value'
    }
  }

  function isTimeout(error: unknown): boolean {
    if (typeof error !== 'object' || error === null) return false
    try {
      return (
        Object.getOwnPropertyDescriptor(error, 'code')?.value === 'ERR_SCRIPT_EXECUTION_TIMEOUT'
      )
    } catch {
      return false
    }
  }

  // V8 decorates a script's SyntaxError stack with "file:line", the source line and carets.
  function syntaxLocation(error: unknown, filename: string): { line?: number; column?: number } {
    const stack = String((error as { stack?: unknown }).stack ?? '')
    const lines = stack.split('\n')
    const head = lines[0] ?? ''
    if (!head.startsWith(filename + ':')) return {}
    const line = Number(head.slice(filename.length + 1))
    const caret = (lines[2] ?? '').indexOf('^')
    return Number.isInteger(line) ? { line, ...(caret >= 0 ? { column: caret + 1 } : {}) } : {}
  }

  function lineOf(code: string, specifier: string): number | undefined {
    for (const quote of ["'", '"', '`']) {
      const at = code.indexOf(quote + specifier + quote)
      if (at >= 0) return code.slice(0, at).split('\n').length
    }
    return undefined
  }

  interface Boot {
    standIn: unknown
    start: (fn: unknown) => string
    requires: () => string
  }

  async function evaluate(code: string, filename: string, timeoutMs: number): Promise<object> {
    const context = vm.createContext(Object.create(null), {
      name: 'data action sandbox',
      codeGeneration: { strings: false, wasm: false },
      microtaskMode: 'afterEvaluate'
    })
    const boot = vm.runInContext(bootstrap(filename), context) as Boot
    const imports: Array<{ specifier: string; line?: number }> = []
    const standInModule = (
      specifier: string,
      names: Iterable<string>
    ): import('node:vm').Module => {
      const exportNames = ['default', ...names]
      return new vm.SyntheticModule(
        exportNames,
        function (this: import('node:vm').SyntheticModule) {
          for (const name of exportNames) this.setExport(name, boot.standIn)
        },
        { context, identifier: `stand-in:${specifier}` }
      )
    }
    const importDynamically = (specifier: string): import('node:vm').Module => {
      imports.push({ specifier, line: lineOf(code, specifier) })
      return standInModule(specifier, [])
    }
    // The import callback is a host function V8 calls, never one handed to the action code.
    const dynamicImport = importDynamically as unknown as NonNullable<
      import('node:vm').CompileFunctionOptions['importModuleDynamically']
    >
    const deadline = Date.now() + timeoutMs
    const remaining = (): number => Math.max(1, deadline - Date.now())

    let fn: unknown
    try {
      fn = vm.compileFunction(code, ['exports', 'require', 'module', '__filename', '__dirname'], {
        parsingContext: context,
        filename,
        importModuleDynamically: dynamicImport
      })
    } catch (error) {
      const message = describe(error)
      const looksLikeModule =
        message.includes('Cannot use import statement') ||
        message.includes("Unexpected token 'export'") ||
        message.includes('import.meta') ||
        message.includes('await is only valid')
      if (!looksLikeModule) {
        return { failure: { kind: 'syntax', message, ...syntaxLocation(error, filename) } }
      }
      return evaluateModule(code, filename, context, boot, imports, standInModule, remaining)
    }

    try {
      const globals = context as Record<string, unknown>
      globals.__sandboxStart = boot.start
      globals.__sandboxFn = fn
      const handler = vm.runInContext(START, context, { timeout: remaining() }) as unknown
      return {
        format: 'commonjs',
        handler: typeof handler === 'string' && handler !== '' ? handler : null,
        requires: [...JSON.parse(boot.requires()), ...imports]
      }
    } catch (error) {
      return {
        requires: [...JSON.parse(boot.requires()), ...imports],
        failure: isTimeout(error)
          ? { kind: 'timeout', message: `did not finish within ${timeoutMs} ms` }
          : { kind: 'threw', message: describe(error) }
      }
    }
  }

  async function evaluateModule(
    code: string,
    filename: string,
    context: import('node:vm').Context,
    boot: Boot,
    imports: Array<{ specifier: string; line?: number }>,
    standInModule: (specifier: string, names: Iterable<string>) => import('node:vm').Module,
    remaining: () => number
  ): Promise<object> {
    // A stand-in module must declare the names imported from it before linking, and only
    // the link error says which names those are: add each missing name and link again.
    const named = new Map<string, Set<string>>()
    for (let attempt = 0; attempt < 10_000; attempt++) {
      let mod: import('node:vm').SourceTextModule
      try {
        mod = new vm.SourceTextModule(code, { context, identifier: filename })
      } catch (error) {
        return { failure: { kind: 'syntax', message: describe(error) } }
      }
      const seen = new Set<string>()
      try {
        await mod.link(specifier => {
          if (!seen.has(specifier)) {
            seen.add(specifier)
            if (attempt === 0) imports.push({ specifier, line: lineOf(code, specifier) })
          }
          return standInModule(specifier, named.get(specifier) ?? [])
        })
      } catch (error) {
        const message = describe(error)
        const missing = /module '(.+)' does not provide an export named '(.+)'/.exec(message)
        if (missing?.[1] !== undefined && missing[2] !== undefined) {
          const names = named.get(missing[1]) ?? new Set<string>()
          names.add(missing[2])
          named.set(missing[1], names)
          continue
        }
        return { requires: imports, failure: { kind: 'syntax', message } }
      }
      try {
        const evaluation = mod.evaluate({ timeout: remaining() })
        evaluation.catch(() => undefined)
        // The context's microtasks (and so the evaluation's settling) only run after a script
        // is evaluated in it: run an empty one, under the same deadline.
        vm.runInContext('undefined', context, { timeout: remaining() })
        await evaluation
      } catch (error) {
        return {
          requires: imports,
          failure: isTimeout(error)
            ? { kind: 'timeout', message: `did not finish within the sandbox timeout` }
            : { kind: 'threw', message: describe(error) }
        }
      }
      const namespace = mod.namespace as Record<string, unknown>
      let handler: string | null = null
      try {
        if (typeof namespace.handler === 'function') handler = 'export handler'
        else if (typeof namespace.default === 'function') handler = 'export default'
      } catch {
        handler = null
      }
      return { format: 'module', handler, requires: imports }
    }
    return { requires: imports, failure: { kind: 'syntax', message: 'too many imported names' } }
  }

  // Runs inside the context before the action code. Its completion value is the only object
  // the host side keeps. Intrinsics are captured first so the action code cannot change what
  // the host later reads through `handler()` and `requires()`.
  const bootstrap = (filename: string): string => `(() => {
    'use strict';
    const g = globalThis;
    const stringify = JSON.stringify;
    const captureStackTrace = Error.captureStackTrace;
    const indexOf = String.prototype.indexOf;
    const sliceString = String.prototype.slice;
    const apply = Reflect.apply;
    const defineProperty = Object.defineProperty;
    const FILENAME = ${JSON.stringify(filename)};
    const recorded = [];
    let count = 0;
    const standIn = new Proxy(function () {}, {
      get(target, key) {
        if (key === 'then') return undefined;
        if (key === Symbol.toPrimitive) return () => '';
        return standIn;
      },
      apply() { return standIn; },
      construct() { return standIn; }
    });
    function callerLine() {
      const holder = { __proto__: null };
      captureStackTrace(holder, require);
      const stack = holder.stack;
      if (typeof stack !== 'string') return 0;
      const at = apply(indexOf, stack, [FILENAME + ':']);
      if (at < 0) return 0;
      let line = 0;
      for (let i = at + FILENAME.length + 1; i < stack.length; i++) {
        const digit = stack.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) break;
        line = line * 10 + digit;
      }
      return line;
    }
    function require(specifier) {
      if (typeof specifier !== 'string') throw new TypeError('require() expects a string');
      if (count < 1000) {
        recorded[count] = '{"specifier":' + stringify(apply(sliceString, specifier, [0, 214])) + ',"line":' + callerLine() + '}';
        count++;
      }
      return standIn;
    }
    const module = { exports: {} };
    const noop = () => undefined;
    const console = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop };
    defineProperty(g, 'console', { value: console, writable: true, configurable: true });
    defineProperty(g, 'global', { value: g, writable: true, configurable: true });
    for (const name of ['Atomics', 'SharedArrayBuffer', 'WebAssembly']) delete g[name];
    return {
      standIn,
      // Runs the action's top level, then reports what it exports as its handler.
      start(fn) {
        apply(fn, module.exports, [module.exports, require, module, FILENAME, '.']);
        const exported = module.exports;
        if (typeof exported === 'function') return 'module.exports';
        if (exported !== null && typeof exported === 'object' && typeof exported.handler === 'function') return 'exports.handler';
        return '';
      },
      requires() {
        let out = '[';
        for (let i = 0; i < count; i++) out += (i ? ',' : '') + recorded[i];
        return out + ']';
      }
    };
  })()`

  // Runs under the vm timeout; takes its inputs from globals that exist only until it starts.
  const START = `(() => {
    'use strict';
    const start = globalThis.__sandboxStart, fn = globalThis.__sandboxFn;
    delete globalThis.__sandboxStart; delete globalThis.__sandboxFn;
    return start(fn);
  })()`
}
