import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'

/** V8 heap of a sandbox child; a bigger allocation aborts the child, never the runner. */
export const SANDBOX_HEAP_MB = 128

/**
 * `--permission` since node 22.13/23.5; node 20 only knows the experimental spelling. Another
 * node than this one (the tests run the runner's node 24 so) is taken to be recent.
 */
function permissionFlag(node: string): string {
  const recent =
    node !== process.execPath || process.allowedNodeEnvironmentFlags.has('--permission')
  return recent ? '--permission' : '--experimental-permission'
}

/**
 * The child program's files, in the order they are loaded: each may require those before it
 * (as `./<file>`, and the parser as `meriyah`); the last one's export serves the requests.
 */
export const CHILD_PROGRAM: readonly string[] = [
  'constants.cjs',
  'module-uses.cjs',
  'analysis.cjs',
  'bootstrap.cjs',
  'context.cjs',
  'serve.cjs'
]

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
export const BOOT = `(() => {
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
})();`

/**
 * The files a child starts with, as fds 3, 4, ...: meriyah, then the child program's files in
 * CHILD_PROGRAM's order (bundle assets: ncc copies each file named by a literal `new URL`).
 */
export const CHILD_FILES: readonly URL[] = [
  new URL('../../node_modules/meriyah/dist/meriyah.cjs', import.meta.url),
  new URL('./child/constants.cjs', import.meta.url),
  new URL('./child/module-uses.cjs', import.meta.url),
  new URL('./child/analysis.cjs', import.meta.url),
  new URL('./child/bootstrap.cjs', import.meta.url),
  new URL('./child/context.cjs', import.meta.url),
  new URL('./child/serve.cjs', import.meta.url)
]

export function frame(bytes: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${bytes.length}\n`), bytes])
}

/**
/** Frozen intrinsics: the first statement of every child's program (see the file). */
const FREEZE_INTRINSICS = new URL('./child/intrinsics.cjs', import.meta.url)
let freezeSource: string | undefined

/**
 * Starts `node -e program` (with `node`, this one by default) as the sandbox's outer layer: no
 * environment; no file system, child processes, workers or native addons (node's permission
 * model); intrinsics frozen before the program's first statement; a V8 heap limit; no code
 * generation from strings; in a process group of its own so it can be killed whole. This is
 * what code that escaped the inner context would still be held by.
 */
export function spawnSandboxProcess(
  program: string,
  node = process.execPath,
  files: readonly URL[] = CHILD_FILES
): ChildProcess {
  if (freezeSource === undefined) {
    // Opened, as CHILD_FILES are: readFileSync of a URL made ncc rename every asset to a hash.
    const fd = openSync(FREEZE_INTRINSICS, 'r')
    try {
      freezeSource = readFileSync(fd, 'utf8')
    } finally {
      closeSync(fd)
    }
  }
  const fds = files.map(file => openSync(file, 'r'))
  try {
    return spawn(
      node,
      [
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
      ],
      { env: {}, stdio: ['pipe', 'pipe', 'pipe', ...fds], detached: true, windowsHide: true }
    )
  } finally {
    // The child has its own copies; each child opens the files anew (a shared offset).
    for (const fd of fds) closeSync(fd)
  }
}
