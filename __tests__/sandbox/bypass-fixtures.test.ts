import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * The corpus's bypass-*.js files are real attacks: run as the data action runtime would run
 * them (plain node, a node_modules beside them), each handler loads what the policy refuses.
 * So a corpus case that passes shows the check stopping a working bypass, not a dud.
 */
const fixtures = new URL('../fixtures/hostile/', import.meta.url)
// Those whose handler runs what it loads: `id` through child_process, or left-pad.
const bypasses = readdirSync(fixtures).filter(
  f =>
    f.startsWith('bypass-') &&
    /execSync\('id'\)|left-pad/.test(readFileSync(new URL(f, fixtures), 'utf8'))
)
const dir = mkdtempSync(join(tmpdir(), 'cxone-bypass-'))
// A declared package without an `exports` map, and one the policy should stop.
mkdirSync(join(dir, 'node_modules/lodash'), { recursive: true })
writeFileSync(join(dir, 'node_modules/lodash/package.json'), '{"name":"lodash","main":"index.js"}')
writeFileSync(join(dir, 'node_modules/lodash/index.js'), 'module.exports = {}')
mkdirSync(join(dir, 'node_modules/left-pad'), { recursive: true })
writeFileSync(
  join(dir, 'node_modules/left-pad/index.js'),
  "module.exports = () => 'LOADED left-pad'"
)

test('there are bypasses to try', () => {
  expect(bypasses.length).toBeGreaterThanOrEqual(7)
})

test.each(bypasses)('%s loads a refused module when its handler runs', name => {
  cpSync(new URL(name, fixtures), join(dir, name))
  const out = execFileSync(
    process.execPath,
    ['-e', `Promise.resolve(require('./${name}').handler()).then(v => console.log(String(v)))`],
    { cwd: dir, encoding: 'utf8' }
  )
  expect(out).toMatch(/uid=|LOADED left-pad/)
})
