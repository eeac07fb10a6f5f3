// The validate section: a validate run against bare node, and its peak memory.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { node24Path } from '../node24.mjs'
import { ROOT, runAction } from '../run-action.mjs'
import { median, NODES, report, reportRss, ROUNDS, runMeasured } from './common.mjs'

/** A workspace with a typical 2 KB action file and a 1 MB one built from the same code. */
function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-'))
  mkdirSync(join(dir, 'actions'))
  const typical = readFileSync(join(ROOT, 'examples/actions/lookup-customer.js'), 'utf8')
  writeFileSync(join(dir, 'actions/typical.js'), typical)
  const body = typical.replace(/^exports\.handler[\s\S]*$/m, '')
  let big = "'use strict'\n"
  for (let i = 0; big.length < 1024 * 1024; i++) {
    big += body
      .replace(/^'use strict'$/m, '')
      .replace(
        /(?<!['/])\b(axios|get|CRM_TIMEOUT_MS|normalisePhone|findCustomer)\b(?!')/g,
        `$1_${i}`
      )
  }
  big += typical
    .slice(typical.indexOf('exports.handler'))
    .replace(/(?<!['/])\b(get|normalisePhone|findCustomer|axios)\b(?!')/g, '$1_0')
  writeFileSync(join(dir, 'actions/big.js'), big)
  writeFileSync(
    join(dir, 'actions/package.json'),
    readFileSync(join(ROOT, 'examples/actions/package.json'))
  )
  writeFileSync(join(dir, 'policy.yml'), readFileSync(join(ROOT, 'examples/dependency-policy.yml')))
  return dir
}

/**
 * A validate run against bare node, each run started the same way in the same clean
 * environment (runAction's: a corporate NODE_EXTRA_CA_CERTS would slow only one side),
 * interleaved so both sides see the same machine. Node 24 is the runtime action.yml declares.
 */
export async function benchValidate() {
  console.log(`\n# Validate mode (issues 2, 11): medians of ${ROUNDS}, interleaved`)
  const ws = workspace()
  const inputs = file => ({
    mode: 'validate',
    'action-file': `actions/${file}`,
    'dependency-manifest': 'actions/package.json',
    'dependency-policy': 'policy.yml'
  })
  for (const [label, node] of NODES) {
    await runAction(inputs('typical.js'), { cwd: ws, node })
    const bare = []
    const typical = []
    const big = []
    for (let i = 0; i < ROUNDS; i++) {
      bare.push(
        (await runAction(inputs('typical.js'), { cwd: ws, node, argv: ['-e', ''] })).durationMs
      )
      const t = await runAction(inputs('typical.js'), { cwd: ws, node })
      if (t.outputs.result !== 'validated') throw new Error(`typical run failed:\n${t.stdout}`)
      typical.push(t.durationMs)
      if (node !== node24Path) continue
      const b = await runAction(inputs('big.js'), { cwd: ws, node })
      if (b.outputs.result !== 'validated') throw new Error(`1 MB run failed:\n${b.stdout}`)
      big.push(b.durationMs)
    }
    const base = median(bare)
    console.log(
      `${label}: node -e '' ${base.toFixed(0)} ms; validate 2 KB ${median(typical).toFixed(0)} ms` +
        (big.length ? `; validate 1 MB ${median(big).toFixed(0)} ms` : '')
    )
    const ratio = median(typical) / base
    if (node === node24Path) {
      report(`${label}: validate 2 KB ÷ node -e ''`, ratio, 5)
      report(`${label}: validate 1 MB − validate 2 KB`, median(big) - median(typical), 300, ' ms')
    } else {
      console.log(`INFO  ${label}: validate 2 KB ÷ node -e '': ${ratio.toFixed(2)}× (no target)`)
    }
  }
  for (const [, node] of NODES) {
    const peaks = []
    for (let i = 0; i < 3; i++)
      peaks.push(await runMeasured(inputs('typical.js'), { cwd: ws, node }))
    reportRss('peak RSS of a validate run', node, 'validate', median(peaks.map(p => p.actionMb)))
    console.log(`peak RSS of its sandbox child: ${median(peaks.map(p => p.sandboxMb))} MB`)
  }
}
