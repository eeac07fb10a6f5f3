import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { NODES, ROOT, runAction } from './helpers.js'

/** Failures no check expects still end the step with one error line, never a stack trace. */
const inputs = { mode: 'validate', 'action-file': 'examples/actions/lookup-customer.js' }
const STACK = /^\s+at .+:\d+:\d+\)?$/m

describe.each(NODES)('dist/index.js on %s, when the unexpected happens', (_label, node) => {
  test('a GITHUB_OUTPUT file that is gone: one error line naming it, exit 1', async () => {
    const gone = join(mkdtempSync(join(tmpdir(), 'cxone-gone-')), 'output')
    const run = await runAction(inputs, { node, cwd: ROOT, env: { GITHUB_OUTPUT: gone } })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringContaining(`Unexpected error: Missing file at path: ${gone}`)
    ])
    expect(run.stdout + run.stderr).not.toMatch(STACK)
  })

  test('a bundle missing a file of the sandbox child: one error line, exit 1', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'cxone-broken-dist-'))
    cpSync(join(ROOT, 'dist'), dist, { recursive: true })
    rmSync(join(dist, 'serve.cjs'))
    const run = await runAction(inputs, { node, cwd: ROOT, argv: [join(dist, 'index.js')] })
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      expect.stringMatching(
        /^::error::The action could not start \(is its dist\/ complete\?\): .*serve\.cjs/
      )
    ])
    expect(run.stdout + run.stderr).not.toMatch(STACK)
    expect(run.outputs).toEqual({})
  })
})
