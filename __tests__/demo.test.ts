import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { ROOT } from './helpers.js'

/** The README's first command must keep working: it is how people meet the project. */
test('npm run demo runs the main job end to end and ends as expected', async () => {
  const { stdout } = await promisify(execFile)(process.execPath, ['scripts/demo.mjs'], {
    cwd: ROOT
  })
  expect(stdout).toContain('Publish: v2 is published')
  expect(stdout).toContain('Rollback: v2 is live again in production (verified)')
  expect(stdout).toContain('--- CXone at the end: live in production: v2;')
  expect(stdout).toMatch(
    /OK, 5 record\(s\) chained; head [0-9a-f]{64} \(matches the anchored head\)/
  )
  expect(stdout).toContain('Demo finished as expected.')
})
