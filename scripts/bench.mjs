// `npm run bench`: the issues' speed and memory targets, measured side by side in one run and
// printed as ratios (absolute times on a shared machine mean little; ratios hold). Exits 1 when
// a target is missed. `npm run bench -- validate` (or publish, bodies, release) runs one part.
// Each part is a file of scripts/bench/ (validate.mjs, publish.mjs, bodies.mjs, release.mjs);
// common.mjs has what they share: rounds, nodes, the measured run, and the targets' verdicts.
// See docs/benchmarks.md.
import { results } from './bench/common.mjs'
import { benchBodies } from './bench/bodies.mjs'
import { benchPublish } from './bench/publish.mjs'
import { benchRelease } from './bench/release.mjs'
import { benchValidate } from './bench/validate.mjs'

const only = process.argv[2]
const sections = {
  validate: benchValidate,
  publish: benchPublish,
  bodies: benchBodies,
  release: benchRelease
}
if (only && !(only in sections)) {
  console.error(`No section '${only}': give one of ${Object.keys(sections).join(', ')}.`)
  process.exit(2)
}
for (const [name, bench] of Object.entries(sections)) {
  if (!only || only === name) await bench()
}
const failed = results.filter(ok => !ok).length
console.log(failed === 0 ? '\nAll targets met.' : `\n${failed} target(s) missed.`)
process.exitCode = failed === 0 ? 0 : 1
