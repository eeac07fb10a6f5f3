import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { Input, Output } from '../src/constants.js'

/** action.yml, the code's names and the README's tables must say the same thing. */
const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const readme = readFileSync(new URL('README.md', root), 'utf8')

function tableAfter(heading: string): Map<string, string[]> {
  const section = readme.slice(readme.indexOf(`## ${heading}\n`))
  const rows = new Map<string, string[]>()
  for (const line of section.split('\n').slice(2)) {
    if (line.startsWith('## ')) break
    const cells = /^\|\s*`([a-z-]+)`\s*\|(.*)\|$/.exec(line)
    if (cells)
      rows.set(
        cells[1]!,
        cells[2]!.split('|').map(c => c.trim())
      )
  }
  return rows
}

test('action.yml runs dist/index.js on node24', () => {
  expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
})

test('action.yml declares exactly the inputs and outputs the code reads and writes', () => {
  expect(Object.keys(action.inputs).sort()).toEqual(Object.values(Input).sort())
  expect(Object.keys(action.outputs).sort()).toEqual(Object.values(Output).sort())
})

test('every input has a description, and the README lists it with the same default', () => {
  const rows = tableAfter('Inputs')
  expect([...rows.keys()].sort()).toEqual(Object.keys(action.inputs).sort())
  for (const input of Object.values(action.inputs)) {
    expect(input.description.length).toBeGreaterThan(10)
  }
  const defaults = Object.entries(action.inputs)
    .filter(([, input]) => input.default !== undefined && !input.default.startsWith('${{'))
    .map(([name, input]) => `${name}: \`${input.default}\``)
  expect(defaults).toEqual(
    defaults.map(d => `${d.split(':')[0]}: ${rows.get(d.split(':')[0]!)![0]}`)
  )
})

test('the README lists every output', () => {
  expect([...tableAfter('Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort())
})
