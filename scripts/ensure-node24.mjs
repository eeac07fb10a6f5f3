// Installs the node 24 binary (the runtime GitHub uses for `node24` actions) beside the project,
// so tests can run dist/index.js on it. Pinned, and outside package.json because a `node`
// bin in node_modules/.bin would replace the node of every npm script.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { node24Path, NODE24_VERSION, NODE24_PREFIX } from './node24.mjs'

if (!existsSync(node24Path)) {
  const pkg = `node-${process.platform}-${process.arch}@${NODE24_VERSION}`
  console.log(`Installing ${pkg} into ${NODE24_PREFIX}`)
  execFileSync(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--prefix',
      NODE24_PREFIX,
      pkg
    ],
    { stdio: 'inherit' }
  )
}
const version = execFileSync(node24Path, ['--version'], { encoding: 'utf8' }).trim()
if (!version.startsWith('v24.')) throw new Error(`${join(node24Path)} is ${version}, expected v24`)
