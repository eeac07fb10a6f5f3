// Red-team (goal 6): a release manifest (256 KB limit) listing the same 5 MB action file under
// thousands of distinct data action ids. Every member's file is read, hashed, decoded and kept
// in memory by the ACTION PROCESS (prepareValidation, sequentially, before the release's
// validation budget starts), so the action's own RSS grows by ~10 MB per member, without bound.
//   node __tests__/redteam/release-memory-bomb.mjs [node-binary] [members]
// Prints the action process's peak RSS (sampled from /proc) and how the run ended.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../scripts/run-action.mjs'

const node = process.argv[2] ?? process.execPath
const count = Number(process.argv[3] ?? 2000)
const ws = mkdtempSync(join(tmpdir(), 'rt-release-'))
// 5 MB minus a little: under the documented action-file limit.
const code = 'exports.handler = () => 1\n/*' + 'x'.repeat(5 * 1024 * 1024 - 100) + '*/\n'
writeFileSync(join(ws, 'a.js'), code)
const hex = i => i.toString(16).padStart(12, '0')
const members = []
for (let i = 0; i < count; i++) members.push({ dataActionId: `00000000-0000-0000-0000-${hex(i)}`, actionFile: 'a.js' })
const manifest = JSON.stringify(members)
console.log(`release manifest: ${members.length} members, ${manifest.length} bytes (limit 262144)`)
writeFileSync(join(ws, 'release.json'), manifest)

let peakKb = 0
let peakTreeKb = 0
const rssKb = pid => {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) } catch { return 0 }
}
const childrenOf = pid => {
  try { return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number) } catch { return [] }
}
let timer
const run = await runAction(
  {
    mode: 'validate',
    'release-manifest': 'release.json',
    'version-id': 'v1',
    'pr-comment': 'false',
    'sandbox-timeout-ms': '1000',
    'validation-timeout-ms': '5000'
  },
  {
    node,
    cwd: ws,
    timeoutMs: 600_000,
    env: { NODE_OPTIONS: '' },
    onOutput: (_out, child) => {
      if (timer) return
      timer = setInterval(() => {
        const own = rssKb(child.pid)
        const tree = own + childrenOf(child.pid).reduce((sum, pid) => sum + rssKb(pid), 0)
        peakKb = Math.max(peakKb, own)
        peakTreeKb = Math.max(peakTreeKb, tree)
      }, 20)
    }
  }
)
clearInterval(timer)
console.log(`exit=${run.exitCode} signal=${run.signal} result=${run.outputs.result ?? '(none)'} duration=${Math.round(run.durationMs)} ms`)
console.log(`action process peak RSS: ${Math.round(peakKb / 1024)} MB; with its children: ${Math.round(peakTreeKb / 1024)} MB (invariant 6: < 1024 MB)`)
console.log('stdout tail:', run.stdout.split('\n').slice(-6).join('\n'))
console.log('stderr tail:', run.stderr.slice(-600))
