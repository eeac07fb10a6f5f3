import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { expectedReadme } from '../scripts/docs.mjs'
import { Input, Output } from '../src/constants.js'

/** action.yml, the code's names and the README's tables must say the same thing. */
const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const readme = readFileSync(new URL('README.md', root), 'utf8')

test('action.yml runs dist/index.js on node24', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
})

test('action.yml declares exactly the inputs and outputs the code reads and writes', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort())
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort())
  for (const input of Object.values(action.inputs)) {
    expect(input.description.length).toBeGreaterThan(10)
  }
})

test("the README's inputs and outputs tables are generated from action.yml (npm run docs)", async () => {
  expect(readme).toBe(await expectedReadme(readme))
  expect(readme).toContain('| `sandbox-timeout-ms`')
})
