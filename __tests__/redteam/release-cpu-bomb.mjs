// Red-team (goal 6): a release manifest whose members all name the same 256 KB dependency
// manifest of ~16,000 entries. Each member's manifest is parsed again by the ACTION PROCESS, and
// the parse looks each key's line up with a linear search (structured-file.ts nodeAt, called once
// per entry: O(n^2)), ~3.5 s of the action's own CPU per member, sequentially, before the
// release's budget (validation-timeout-ms) even starts. The event loop is blocked throughout.
//   node __tests__/redteam/release-cpu-bomb.mjs [node-binary] [members]
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runAction } from '../../scripts/run-action.mjs'

const node = process.argv[2] ?? process.execPath
const count = Number(process.argv[3] ?? 20)
const ws = mkdtempSync(join(tmpdir(), 'rt-release-cpu-'))
writeFileSync(join(ws, 'a.js'), 'exports.handler = () => 1\n')
let deps = '{'
for (let i = 0; ; i++) {
  const entry = `"p${i}":"1.0.0",`
  if (deps.length + entry.length + 2 > 262144) break
  deps += entry
}
deps = deps.slice(0, -1) + '}'
writeFileSync(join(ws, 'deps.json'), deps)
const hex = i => i.toString(16).padStart(12, '0')
const dataActions = []
for (let i = 0; i < count; i++) dataActions.push({ dataActionId: `00000000-0000-0000-0000-${hex(i)}`, actionFile: 'a.js' })
// Up to ~3,700 members fit in 256 KB in this form.
writeFileSync(join(ws, 'release.json'), JSON.stringify({ dependencyManifest: 'deps.json', dataActions }))
console.log(`deps.json ${deps.length} bytes; ${count} members`)
const run = await runAction(
  {
    mode: 'validate',
    'release-manifest': 'release.json',
    'version-id': 'v1',
    'pr-comment': 'false',
    'sandbox-timeout-ms': '1000',
    'validation-timeout-ms': '5000'
  },
  { node, cwd: ws, timeoutMs: 3_600_000 }
)
console.log(`exit=${run.exitCode} signal=${run.signal} result=${run.outputs.result ?? '(none)'} duration=${Math.round(run.durationMs)} ms (validation-timeout-ms: 5000)`)
console.log(run.stdout.split('\n').filter(l => /pass|fail/.test(l)).slice(-3).join('\n'))
