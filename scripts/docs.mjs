// `npm run docs`: writes the README's inputs and outputs tables from action.yml, the one
// source of their names, defaults and descriptions, between the markers
// `<!-- inputs:start -->` … `<!-- inputs:end -->` (and the same for outputs), then formats the
// README as Prettier does. `--check` writes nothing and fails when the README differs.
import { readFileSync, writeFileSync } from 'node:fs'
import * as prettier from 'prettier'
import { parse } from 'yaml'

const root = new URL('../', import.meta.url)
const action = parse(readFileSync(new URL('action.yml', root), 'utf8'))
/** A description as one table cell: one line, `|` escaped, and `<tag>` shown, not read as HTML. */
const cell = text =>
  String(text)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')

/** The names of the generated sections, each between its pair of markers. */
export const SECTIONS = ['inputs', 'outputs']

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

/** The markers' pattern; group 1 is what stands between them. */
function markers(name) {
  return new RegExp(`<!-- ${name}:start -->([\\s\\S]*?)<!-- ${name}:end -->`, 'g')
}

/**
 * What stands between a section's markers. Throws when the pair is missing or repeated: a
 * README without its markers would leave nothing to compare, and the check would pass.
 */
export function section(readme, name) {
  const found = [...readme.matchAll(markers(name))]
  if (found.length !== 1) {
    throw new Error(
      `README.md must hold exactly one '<!-- ${name}:start -->' … '<!-- ${name}:end -->' pair (found ${found.length}): the ${name} table is written between them`
    )
  }
  return found[0][1]
}

/** The README with each table written between its markers. */
export function render(readme) {
  const generated = tables()
  let text = readme
  for (const name of SECTIONS) {
    section(text, name)
    text = text.replace(
      markers(name),
      `<!-- ${name}:start -->\n\n${generated[name]}\n\n<!-- ${name}:end -->`
    )
  }
  return text
}

/** The README as it should be: its tables from action.yml, formatted as Prettier would. */
export async function expectedReadme(readme) {
  const options = await prettier.resolveConfig(new URL('README.md', root))
  return prettier.format(render(readme), { ...options, parser: 'markdown' })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = new URL('README.md', root)
  const readme = readFileSync(path, 'utf8')
  try {
    const next = await expectedReadme(readme)
    if (!process.argv.includes('--check')) {
      writeFileSync(path, next)
    } else if (next !== readme) {
      const stale = SECTIONS.filter(name => section(next, name) !== section(readme, name))
      console.error(
        stale.length > 0
          ? `README.md: the ${stale.join(' and ')} table(s) differ from action.yml: run npm run docs`
          : 'README.md is not formatted as Prettier writes it: run npm run docs'
      )
      process.exitCode = 1
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exitCode = 1
  }
}
