'use strict'
/*
 * The program of a sandbox child process (started by ../process.ts), in files the child's boot
 * loader compiles in this order, each seeing only those before it: constants.cjs (what they
 * share), module-uses.cjs and analysis.cjs (layer 1 below), bootstrap.cjs and context.cjs
 * (layer 2), and this one, which serves the requests and strips the process (layer 3). Plain
 * JavaScript, shipped as assets and compiled as they are: no build step rewrites them.
 *
 * Protocol, over file descriptors only (no stream object is ever created): first one frame of
 * random bytes from the host (16 per context this child may make: node:crypto would cost a
 * child ~14 ms to load), then requests: a request is two frames on fd 0, a JSON header
 * `{nonce, filename, timeoutMs}` and the code; the answer is one JSON line on fd 1 carrying
 * the request's nonce. A child serves requests until fd 0 ends.
 *
 * Layers, each assuming the one before it failed:
 * 1. The code is parsed first (analysis.cjs, meriyah): a syntax error is located; every literal
 *    `require()`, `import()` and import/export-from is recorded wherever it stands; a use of
 *    `require`/`import()` the check cannot follow is a problem; `import(` and `import.meta`
 *    are renamed to a function of the context, so V8 never calls node back for them (node's
 *    callback, at the stack limit, throws a RangeError of this process's realm).
 * 2. The code runs in a fresh vm context per request. Everything in it is made inside it; the
 *    host holds one object of it (the API, under a lexical name the code cannot guess) and
 *    reads only strings back. Stack traces are off in the context: formatting one runs node's
 *    code, which at the stack limit throws errors of this realm too.
 * 3. This process: intrinsics frozen (intrinsics.cjs), no code generation from strings,
 *    no environment, node's permission model, and everything of `process` that reaches beyond
 *    the process stripped before any untrusted code is parsed.
 */
const { writeSync } = require('node:fs')
const { builtinModules } = require('node:module')
const { MAX_SPECIFIERS, DEADLINE_SLACK_MS } = require('./constants.cjs')
const { analyse, warmParser } = require('./analysis.cjs')
const { ContextSandbox, hostMessage, receiveEntropy } = require('./context.cjs')

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
  // The host sends SIGURG once a request is on its way (by default the signal is ignored, so
  // one sent before this listener exists is lost, not fatal): the warm-up then gives way.
  let requested = false
  ownProcess.on('SIGURG', () => (requested = true))
  const loop = async () => {
    for (let first = true; ; first = false) {
      // Made before the request is read (reading blocks): an evaluation only runs the code.
      const prepared = ContextSandbox.prepare()
      await prepared.catch(() => undefined)
      if (first) await warmParser(() => requested)
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
  // Each module once and at most the limit on every path, or a refusal's answer breaks protocol.
  const base = {
    requires: mergeRequires(analysis.requires, []).list,
    problems: analysis.problems
  }
  if (analysis.failure) return { ...base, failure: analysis.failure }
  base.format = analysis.format
  const timedOut = `did not finish within ${timeoutMs} ms`
  let outcome
  let sandbox
  try {
    if (Date.now() >= deadline - DEADLINE_SLACK_MS) {
      return { ...base, failure: { kind: 'timeout', message: timedOut } }
    }
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
    default:
      return { ...report, failure: { kind: outcome.kind, message: outcome.message ?? timedOut } }
  }
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
