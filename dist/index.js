import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 4632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Z: () => (/* binding */ watchCancellation),
/* harmony export */   c: () => (/* binding */ CancelledError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);

/** The job was cancelled (SIGINT, then SIGTERM, from the runner). */
class CancelledError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    /** When (epoch ms): the runner kills the process 10 s after it sends SIGINT. */
    at = Date.now();
    constructor() {
        super('the job was cancelled');
    }
}
/**
 * Listens for the runner's SIGINT and SIGTERM from the moment it is called (the entry point
 * calls it first thing: a signal with no listener would end the process with no result).
 * The first aborts `signal`; the work then stops and restores what was live before.
 */
function watchCancellation() {
    const controller = new AbortController();
    const handler = (signal) => {
        if (controller.signal.aborted)
            return;
        // Imported here, not with this module: the entry point listens before anything else loads.
        // A warning that cannot be written must not become an unhandled rejection mid-rollback.
        void __nccwpck_require__.e(/* import() */ 986).then(__nccwpck_require__.bind(__nccwpck_require__, 2986))
            .then(({ warning }) => warning(`Received ${signal}: stopping, and restoring what was live before if anything changed.`))
            .catch(() => undefined);
        controller.abort(new CancelledError());
    };
    process.on('SIGINT', handler);
    process.on('SIGTERM', handler);
    return {
        signal: controller.signal,
        dispose: () => {
            process.off('SIGINT', handler);
            process.off('SIGTERM', handler);
        }
    };
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FQ: () => (/* binding */ ProblemsError),
/* harmony export */   GW: () => (/* binding */ problemsOf),
/* harmony export */   TM: () => (/* binding */ firstLine),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/** An error whose message is written for the user; anything else is a bug in the action. */
class ActionError extends Error {
    location;
    constructor(message, location) {
        super(message);
        this.location = location;
        this.name = new.target.name;
    }
}
/** An action input that is missing or malformed; the message names the input. */
class InputError extends ActionError {
    input;
    constructor(input, problem, location) {
        super(`Input '${input}': ${problem}`, location);
        this.input = input;
    }
}
/** Several problems found together (validation reports all of them, not the first). */
class ProblemsError extends ActionError {
    problems;
    constructor(problems) {
        super(problems.length === 1
            ? (problems[0]?.message ?? 'validation failed')
            : `${problems.length} problems`);
        this.problems = problems;
    }
}
/** The problems an error stands for, each a message fit for an annotation. */
function problemsOf(error) {
    if (error instanceof ProblemsError)
        return [...error.problems];
    if (error instanceof ActionError) {
        return [{ message: error.message, ...(error.location ? { location: error.location } : {}) }];
    }
    return [{ message: `Unexpected error: ${errorMessage(error)}` }];
}
/** The message of anything thrown, never a stack trace. */
function errorMessage(error) {
    if (error instanceof Error)
        return error.message;
    if (typeof error === 'string')
        return error;
    try {
        return JSON.stringify(error) ?? String(error);
    }
    catch {
        return String(error);
    }
}
/** A message's first line (parsers' messages go on with a code excerpt). */
function firstLine(text) {
    return text.split('\n')[0] ?? text;
}


/***/ }),

/***/ 9407:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_url__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(9635);
/* harmony import */ var _cancellation_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4632);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3916);
/* harmony import */ var _sandbox_sandbox_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5692);


// Its command writer by path (as workflow.ts): the package's index loads an HTTP stack.




/** The action, for tools that import the bundle and call it (`@github/local-action`). */
async function run() {
    const main = await Promise.all(/* import() */[__nccwpck_require__.e(831), __nccwpck_require__.e(352), __nccwpck_require__.e(213)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5213));
    await main.run();
}
// Run by the runner as `node dist/index.js`: listen for its cancel signals at once (without a
// listener a SIGINT ends the process with no result), and start the sandbox child before the
// rest of the action loads, so its start-up overlaps ours.
if (process.argv[1] && import.meta.url === (0,node_url__WEBPACK_IMPORTED_MODULE_1__.pathToFileURL)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync)(process.argv[1])).href) {
    const cancellation = (0,_cancellation_js__WEBPACK_IMPORTED_MODULE_3__/* .watchCancellation */ .Z)();
    try {
        const sandbox = _sandbox_sandbox_js__WEBPACK_IMPORTED_MODULE_5__/* .Sandbox */ .a.start();
        const main = await Promise.all(/* import() */[__nccwpck_require__.e(831), __nccwpck_require__.e(352), __nccwpck_require__.e(213)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5213));
        await main.run(sandbox, cancellation);
    }
    catch (error) {
        // A broken install (a file of the bundle missing): one line, never a stack trace.
        const message = `The action could not start (is its dist/ complete?): ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(error)}`;
        (0,_node_modules_actions_core_lib_command_js__WEBPACK_IMPORTED_MODULE_2__/* .issueCommand */ .L)('error', {}, message);
        process.exitCode = 1;
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5692:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ Sandbox)
});

// UNUSED EXPORTS: SANDBOX_RSS_MB

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __nccwpck_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/sandbox/process.ts


/** V8 heap of a sandbox child; a bigger allocation aborts the child, never the runner. */
const SANDBOX_HEAP_MB = 128;
/**
 * `--permission` since node 22.13/23.5; node 20 only knows the experimental spelling. Another
 * node than this one (the tests run the runner's node 24 so) is taken to be recent.
 */
function permissionFlag(node) {
    const recent = node !== process.execPath || process.allowedNodeEnvironmentFlags.has('--permission');
    return recent ? '--permission' : '--experimental-permission';
}
/**
 * The child program's files, in the order they are loaded: each may require those before it
 * (as `./<file>`, and the parser as `meriyah`); the last one's export serves the requests.
 */
const CHILD_PROGRAM = [
    'constants.cjs',
    'module-uses.cjs',
    'analysis.cjs',
    'bootstrap.cjs',
    'context.cjs',
    'serve.cjs'
];
/**
 * The child's boot loader, given to `node -e`. It reads the parser (meriyah) from fd 3 and the
 * child program's files from fds 4, 5, ... in CHILD_PROGRAM's order (files, not frames on fd
 * 0: the parent's pipe writes wait for its event loop, which is busy loading the action, and
 * held the child back ~20 ms), compiles each as a CommonJS module whose `require` gives the
 * modules loaded before it or a built-in module, closes each fd once read, and hands the last
 * file's export the reader of frames on fd 0. A frame is `<byte length>\n<bytes>`. The child
 * starts once this script has returned: node then puts `module` back on the global object, and
 * the child takes it away. Strict in a function of its own: node wraps some -e scripts in one of its own.
 */
const BOOT = `(() => {
'use strict';
const { readSync, closeSync } = process.getBuiltinModule('node:fs');
const { compileFunction } = process.getBuiltinModule('node:vm');
const builtin = process.getBuiltinModule;
// Never from node's shared pool: code that escaped into this realm gets the pool from any
// Buffer.allocUnsafe of its own, and would read (or write) the frames in it.
const read = size => {
  const buffer = Buffer.allocUnsafeSlow(size);
  for (let at = 0; at < size; ) {
    const got = readSync(0, buffer, at, size - at, null);
    if (got === 0) return null;
    at += got;
  }
  return buffer;
};
const readFrame = () => {
  let size = '';
  for (;;) {
    const byte = read(1);
    if (byte === null) return null;
    if (byte[0] === 10) return read(Number(size));
    size += String.fromCharCode(byte[0]);
  }
};
const readFile = fd => {
  const chunks = [];
  for (;;) {
    const chunk = Buffer.allocUnsafe(65536);
    const got = readSync(fd, chunk, 0, chunk.length, null);
    if (got === 0) break;
    chunks.push(chunk.subarray(0, got));
  }
  closeSync(fd);
  return Buffer.concat(chunks).toString('utf8');
};
const load = (fd, filename, modules) => {
  const module = { exports: {} };
  compileFunction(readFile(fd), ['module', 'exports', 'require'], { filename })(
    module, module.exports, id => modules[id] ?? builtin(id));
  return module.exports;
};
const program = ${JSON.stringify(CHILD_PROGRAM)};
const modules = { meriyah: load(3, 'meriyah.cjs', {}) };
program.forEach((name, at) => {
  modules['./' + name] = load(4 + at, name, modules);
});
const serve = modules['./' + program[program.length - 1]];
setImmediate(() => serve(readFrame));
})();`;
/**
 * The files a child starts with, as fds 3, 4, ...: meriyah, then the child program's files in
 * CHILD_PROGRAM's order (bundle assets: ncc copies each file named by a literal `new URL`).
 */
const CHILD_FILES = [
    __nccwpck_require__.ab + "meriyah.cjs",
    __nccwpck_require__.ab + "constants.cjs",
    __nccwpck_require__.ab + "module-uses.cjs",
    __nccwpck_require__.ab + "analysis.cjs",
    __nccwpck_require__.ab + "bootstrap.cjs",
    __nccwpck_require__.ab + "context.cjs",
    __nccwpck_require__.ab + "serve.cjs"
];
function process_frame(bytes) {
    return Buffer.concat([Buffer.from(`${bytes.length}\n`), bytes]);
}
/**
/** Frozen intrinsics: the first statement of every child's program (see the file). */
const FREEZE_INTRINSICS = __nccwpck_require__.ab + "intrinsics.cjs";
let freezeSource;
/**
 * Starts `node -e program` (with `node`, this one by default) as the sandbox's outer layer: no
 * environment; no file system, child processes, workers or native addons (node's permission
 * model); intrinsics frozen before the program's first statement; a V8 heap limit; no code
 * generation from strings; in a process group of its own so it can be killed whole. This is
 * what code that escaped the inner context would still be held by.
 */
function spawnSandboxProcess(program, node = process.execPath, files = CHILD_FILES) {
    if (freezeSource === undefined) {
        // Opened, as CHILD_FILES are: readFileSync of a URL made ncc rename every asset to a hash.
        const fd = (0,external_node_fs_.openSync)(FREEZE_INTRINSICS, 'r');
        try {
            freezeSource = (0,external_node_fs_.readFileSync)(fd, 'utf8');
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    const fds = files.map(file => (0,external_node_fs_.openSync)(file, 'r'));
    try {
        return (0,external_node_child_process_.spawn)(node, [
            permissionFlag(node),
            `--max-old-space-size=${SANDBOX_HEAP_MB}`,
            // The syntax tree of a large file survives until it is walked; V8's small first young
            // generation copied it scavenge after scavenge. At 48 MB a 1 MB file's tree is parsed
            // and walked with next to no copying (its analysis ~185 -> ~135 ms, peak RSS no
            // higher: less is promoted; untouched pages are not resident). Measured: 64 MB made
            // the release pool's 100 files ~45% slower, 48 MB left them as they were.
            '--min-semi-space-size=48',
            '--disallow-code-generation-from-strings',
            '--experimental-vm-modules',
            '--no-warnings',
            '-e',
            // `;`: a program that starts with `(` would otherwise call the freeze's result.
            `${freezeSource};\n${program}`
        ], { env: {}, stdio: ['pipe', 'pipe', 'pipe', ...fds], detached: true, windowsHide: true });
    }
    finally {
        // The child has its own copies; each child opens the files anew (a shared offset).
        for (const fd of fds)
            (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/sandbox/sandbox.ts

/** Resident memory of a child (array buffers live outside the V8 heap). Linux only. */
const SANDBOX_RSS_MB = 256;
/** A child is killed this long after the deadline it keeps by itself. */
const KILL_GRACE_MS = 300;
const RSS_POLL_MS = 10;
const MAX_REPORT_BYTES = 256 * 1024;
/** What of a crashed child's stderr is kept to say why it crashed. */
const MAX_STDERR_CHARS = 2000;
/** Files one child evaluates before it is replaced (bounds what one file can leave behind). */
const FILES_PER_CHILD = 50;
// Loaded when first used, not with this module: the entry point starts a child before anything
// else loads, and node:crypto alone takes ~4 ms to load.
const randomBytes = (size) => process.getBuiltinModule('node:crypto').randomBytes(size);
/**
 * One sandbox child process, started before any code is known so its start-up overlaps the
 * action's own. It evaluates files one after another, each in a fresh context; each answer
 * must carry the nonce of its request, or the child is killed and the file fails. Around it:
 * a resident-memory watchdog and a deadline that kill the whole process group.
 */
class Sandbox {
    child;
    exited;
    stderr = '';
    stdout = '';
    /** Takes the next answer line; unset while no request is out. */
    awaiting;
    /** The child printed something that was not the answer to a request. */
    outOfProtocol = false;
    evaluations = 0;
    busy = false;
    constructor(program, node) {
        this.child = spawnSandboxProcess(program, node);
        this.exited = new Promise(resolve => this.child.once('close', (code, signal) => resolve({ code, signal })));
        // A write to a child that already died must not become an unhandled error.
        this.child.stdin?.on('error', () => undefined);
        // After the spawn (node:crypto loads in ~4 ms, which the child's start overlaps), not on a
        // later turn: this process's loop is busy loading the action, and the child waited ~10 ms.
        // 16 bytes per context: one per file, and the one prepared for a file that never comes.
        this.child.stdin?.write(process_frame(randomBytes(16 * (FILES_PER_CHILD + 1))));
        this.child.stderr?.setEncoding('utf8').on('data', (chunk) => {
            if (this.stderr.length < MAX_STDERR_CHARS)
                this.stderr += chunk;
        });
        this.child.stdout?.setEncoding('utf8').on('data', (chunk) => this.read(chunk));
        this.hold(false);
    }
    /**
     * Starts a child; `program` replaces the boot loader and `node` this node (tests of the
     * protocol only).
     */
    static start(program = BOOT, node) {
        return new Sandbox(program, node);
    }
    /** Whether the child can take another file. */
    get usable() {
        return this.alive && !this.outOfProtocol && this.evaluations < FILES_PER_CHILD;
    }
    get alive() {
        return this.child.exitCode === null && this.child.signalCode === null;
    }
    async evaluate(code, filename, timeoutMs, signal) {
        if (this.busy)
            throw new Error('a sandbox evaluates one file at a time');
        this.busy = true;
        this.evaluations++;
        this.hold(true);
        try {
            return await this.exchange(code, filename, timeoutMs, signal);
        }
        finally {
            this.busy = false;
            this.awaiting = undefined;
            this.hold(false);
        }
    }
    /** An idle child must not keep the action alive (it ends by itself when its stdin closes). */
    hold(busy) {
        // The pipes are sockets, though typed as plain streams.
        const pipes = [
            this.child.stdin,
            this.child.stdout,
            this.child.stderr
        ];
        for (const handle of [this.child, ...pipes]) {
            if (busy)
                handle?.ref();
            else
                handle?.unref();
        }
    }
    /** Stops the child. */
    dispose() {
        if (this.alive)
            this.killGroup();
    }
    /** Exactly one line answers each request; any other output ends the child. */
    read(chunk) {
        this.stdout += chunk;
        for (let newline = this.stdout.indexOf('\n'); newline >= 0;) {
            const line = this.stdout.slice(0, newline);
            this.stdout = this.stdout.slice(newline + 1);
            const take = this.awaiting;
            this.awaiting = undefined;
            if (take)
                take(line);
            else
                this.violate();
            newline = this.stdout.indexOf('\n');
        }
        if (this.stdout.length > MAX_REPORT_BYTES)
            this.violate();
    }
    /** Writes a request; a child still warming its parser up gives way to it (serve.cjs). */
    request(header, code) {
        const frames = [process_frame(Buffer.from(JSON.stringify(header))), process_frame(Buffer.from(code, 'utf8'))];
        this.child.stdin?.write(Buffer.concat(frames));
        this.child.kill('SIGURG');
    }
    violate() {
        this.outOfProtocol = true;
        this.killGroup();
    }
    async exchange(code, filename, timeoutMs, signal) {
        signal?.throwIfAborted();
        const started = performance.now();
        const nonce = randomBytes(16).toString('hex');
        // Loaded while the child works (the entry point starts a child before any schema loads).
        const answerSchema = Promise.all(/* import() */[__nccwpck_require__.e(831), __nccwpck_require__.e(185)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3185));
        answerSchema.catch(() => undefined);
        let killedFor;
        const kill = (reason) => {
            killedFor ??= reason;
            this.killGroup();
        };
        const answer = new Promise(resolve => {
            this.awaiting = resolve;
            void this.exited.then(() => resolve(undefined));
        });
        const deadline = setTimeout(() => kill('timeout'), timeoutMs + KILL_GRACE_MS);
        const watchdog = setInterval(() => {
            void residentMegabytes(this.child.pid).then(mb => {
                if (mb > SANDBOX_RSS_MB)
                    kill('memory');
            });
        }, RSS_POLL_MS);
        const onAbort = () => kill('aborted');
        signal?.addEventListener('abort', onAbort, { once: true });
        this.request({ nonce, filename, timeoutMs }, code);
        const line = await answer;
        clearTimeout(deadline);
        clearInterval(watchdog);
        signal?.removeEventListener('abort', onAbort);
        if (killedFor === 'aborted')
            throw signal?.reason ?? new Error('aborted');
        const durationMs = Math.round(performance.now() - started);
        const failed = (failure) => ({
            handler: null,
            requires: [],
            uncheckable: [],
            failure,
            durationMs
        });
        if (killedFor === 'timeout') {
            return failed({ kind: 'timeout', message: `did not finish within ${timeoutMs} ms` });
        }
        if (killedFor === 'memory') {
            return failed({ kind: 'memory', message: `used more than ${SANDBOX_RSS_MB} MB of memory` });
        }
        if (line !== undefined) {
            const { ChildReportSchema } = await answerSchema;
            const parsed = ChildReportSchema.safeParse(safeJson(line));
            // Anything but the answer to this request means the child cannot be trusted any more.
            if (!parsed.success || parsed.data.nonce !== nonce || this.outOfProtocol) {
                this.violate();
                return failed({ kind: 'crashed', message: 'the sandbox answered outside its protocol' });
            }
            const { format, handler, requires, problems, failure, peakRssKb } = parsed.data;
            return {
                ...(format ? { format } : {}),
                handler: handler ?? null,
                requires,
                uncheckable: problems,
                ...(failure ? { failure } : {}),
                durationMs,
                ...(peakRssKb ? { peakRssMb: Math.round(peakRssKb / 1024) } : {})
            };
        }
        if (this.outOfProtocol) {
            return failed({ kind: 'crashed', message: 'the sandbox answered outside its protocol' });
        }
        const { code: exitCode, signal: exitSignal } = await this.exited;
        // V8 aborts the process when the heap limit is reached.
        if (exitSignal === 'SIGABRT' || exitSignal === 'SIGTRAP' || exitCode === 134) {
            return failed({ kind: 'memory', message: `exceeded the ${SANDBOX_HEAP_MB} MB heap limit` });
        }
        const said = this.stderr.trim().split('\n').slice(-5).join(' ').slice(-500);
        return failed({
            kind: 'crashed',
            message: `the sandbox process ended without an answer (${exitSignal ?? `exit code ${exitCode}`})${said ? `: ${said}` : ''}`
        });
    }
    killGroup() {
        const pid = this.child.pid;
        if (pid === undefined || !this.alive)
            return;
        try {
            process.kill(-pid, 'SIGKILL');
        }
        catch {
            this.child.kill('SIGKILL');
        }
    }
}
function safeJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
async function residentMegabytes(pid) {
    if (pid === undefined || process.platform !== 'linux')
        return 0;
    try {
        const { readFile } = process.getBuiltinModule('node:fs/promises');
        const status = await readFile(`/proc/${pid}/status`, 'utf8');
        const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
        return kb ? Number(kb) / 1024 : 0;
    }
    catch {
        return 0;
    }
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 9140:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("constants");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 3311:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 8995:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:module");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ }),

/***/ 9635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ issueCommand),
/* harmony export */   s: () => (/* binding */ issue)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(4679);


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__/* .toCommandValue */ .E)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 4679:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ toCommandValue),
/* harmony export */   k: () => (/* binding */ toCommandProperties)
/* harmony export */ });
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__run = __webpack_exports__.e;
/******/ export { __webpack_exports__run as run };
/******/ 

//# sourceMappingURL=index.js.map