// Red-team (goal 4): shows that each bypass-*.js fixture the action reports `validated` really
// loads the blocked (or undeclared) package when its handler runs under plain node, as the data
// action runtime would run it. Prints what each handler returned.
//   node __tests__/redteam/bypass-real-node.mjs [node-binary]
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const node = process.argv[2] ?? process.execPath
const dir = mkdtempSync(join(tmpdir(), 'rt-bypass-'))
// A declared package without an `exports` map, and the one the policy should have stopped.
mkdirSync(join(dir, 'node_modules/lodash'), { recursive: true })
writeFileSync(join(dir, 'node_modules/lodash/package.json'), '{"name":"lodash","version":"4.17.21","main":"index.js"}')
writeFileSync(join(dir, 'node_modules/lodash/index.js'), 'module.exports = {}')
mkdirSync(join(dir, 'node_modules/left-pad'), { recursive: true })
writeFileSync(join(dir, 'node_modules/left-pad/index.js'), "module.exports = (s, n) => 'LEFT-PAD LOADED: ' + String(s).padStart(n)")
const fixtures = new URL('../fixtures/hostile/', import.meta.url)
for (const name of ['bypass-module-require', 'bypass-destructured-require', 'bypass-get-builtin-module', 'bypass-create-require', 'bypass-eval-require', 'bypass-subpath-traversal']) {
  cpSync(new URL(`${name}.js`, fixtures), join(dir, `${name}.js`))
  try {
    const out = execFileSync(node, ['-e', `Promise.resolve(require('./${name}.js').handler()).then(v => console.log(String(v).trim()))`], { cwd: dir, encoding: 'utf8' })
    console.log(`${name}: handler ran -> ${out.trim()}`)
  } catch (error) {
    console.log(`${name}: handler failed -> ${String(error.stderr).split('\n').find(Boolean)}`)
  }
}
