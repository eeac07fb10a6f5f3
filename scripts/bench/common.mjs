// What the bench's sections share: rounds, nodes, medians, the measured run, the verdicts.
import { node24Path } from '../node24.mjs'
import { runAction } from '../run-action.mjs'

export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15)
/** Node 24 (the runtime action.yml declares), then this node when it is another. */
export const NODES = [
  ['node 24', node24Path],
  ...(process.execPath === node24Path ? [] : [[`node ${process.versions.node}`, process.execPath]])
]
export const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
/** Each target's verdict, true when met, in the order measured; bench.mjs counts the misses. */
export const results = []

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/**
 * Peak RSS (action process, MB) of main before issue 11 (e8298b5), measured the same way
 * (this bench's runMeasured, the same workspaces): a run may not use more. Node 20's are the
 * issue's own figures (the old bench ran node 20), node 24's were measured beside them.
 */
const BEFORE_RSS_MB = {
  24: { validate: 89, release: 115 },
  20: { validate: 74, release: 97 }
}

/** Checks a peak RSS against main's on the same node; reports it alone on another node. */
export function reportRss(label, node, what, mb) {
  const major = node === node24Path ? 24 : Number(process.versions.node.split('.')[0])
  const before = BEFORE_RSS_MB[major]?.[what]
  if (before === undefined)
    console.log(`INFO  ${label}: ${mb.toFixed(1)} MB (no figure to compare)`)
  else report(`${label} on node ${major}`, mb, before, ' MB')
}

export function report(name, value, limit, unit = '×') {
  const ok = value <= limit
  results.push(ok)
  console.log(
    `${ok ? 'PASS' : 'FAIL'}  ${name}: ${value.toFixed(2)}${unit} (target ≤ ${limit}${unit})`
  )
}

// Prints the action process's peak resident memory as it exits (it cannot see its own end).
const RSS_HOOK = `--import=data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`

/** Runs the action with its peak memory measured: the action process's and, as the summary line reports it, its sandbox child's (MB). */
export async function runMeasured(inputs, options = {}) {
  const run = await runAction(inputs, {
    node: node24Path,
    ...options,
    env: { ...options.env, NODE_OPTIONS: RSS_HOOK }
  })
  return {
    run,
    actionMb: Number(/maxrss=(\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024,
    sandboxMb: Number(/Sandbox: .*peak (\d+) MB/.exec(run.stdout)?.[1] ?? 0)
  }
}
