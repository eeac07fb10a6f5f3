// `npm run docs`: writes the README's inputs and outputs tables from action.yml, the one
// source of their names, defaults and descriptions. `--check` only reports a difference.
import { readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))
const cell = text => String(text).replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|')

export function tables() {
  const inputs = Object.entries(action.inputs).map(
    ([name, input]) =>
      `| \`${name}\` | ${input.default === undefined ? '' : `\`${input.default}\``} | ${input.required ? '**required** ' : ''}${cell(input.description)} |`
  )
  const outputs = Object.entries(action.outputs).map(
    ([name, output]) => `| \`${name}\` | ${cell(output.description)} |`
  )
  return {
    inputs: ['| input | default | meaning |', '| --- | --- | --- |', ...inputs].join('\n'),
    outputs: ['| output | meaning |', '| --- | --- |', ...outputs].join('\n')
  }
}

export function render(readme) {
  const { inputs, outputs } = tables()
  const put = (text, name, table) =>
    text.replace(
      new RegExp(`<!-- ${name}:start -->[\\s\\S]*<!-- ${name}:end -->`),
      `<!-- ${name}:start -->\n\n${table}\n\n<!-- ${name}:end -->`
    )
  return put(put(readme, 'inputs', inputs), 'outputs', outputs)
}

/** The README as it should be: its tables from action.yml, formatted as Prettier would. */
export async function expectedReadme(readme) {
  const options = await prettier.resolveConfig(new URL('README.md', root))
  return prettier.format(render(readme), { ...options, parser: 'markdown' })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('README.md', root)
  const readme = readFileSync(path, 'utf8')
  const next = await expectedReadme(readme)
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md tables differ from action.yml: run npm run docs')
      process.exitCode = 1
    }
  } else {
    writeFileSync(path, next)
  }
}
