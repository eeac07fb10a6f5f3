import { readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { node24Path } from '../scripts/node24.mjs'
import { makeWorkspace, ROOT, runAction } from './helpers.js'

/**
 * Which bundle chunks a validate run loads, read from each chunk's source map: the PR gate
 * must not load the HTTP stack (0.9 MB of undici alone), the CXone client or the webhook,
 * and must load the YAML parser only for a YAML file.
 */
const RECORDER = fileURLToPath(new URL('./fixtures/record-loads.mjs', import.meta.url))
const HTTP_STACK = ['undici', 'tunnel', '@actions/http-client', '@actions/github', '@octokit/']
const PUBLISH_ONLY = [
  'src/cxone/client.ts',
  'src/http/transport.ts',
  'src/evidence/webhook.ts',
  'src/cxone/publisher.ts',
  'src/cxone/transaction.ts',
  'src/cxone/plan.ts',
  'src/cxone/git-history.ts',
  'src/cxone/release.ts',
  'src/release-run.ts'
]
/** The record schemas are for receivers and tests; semver's index loads all of semver. */
const NEVER = ['src/evidence/run-record-schema.ts', 'semver/index.js']

/** Every source (package or file of src/) bundled into the chunks the run loaded. */
async function sourcesLoaded(inputs: Record<string, string>, cwd = ROOT): Promise<string[]> {
  const run = await runAction(inputs, {
    cwd,
    node: node24Path,
    env: { NODE_OPTIONS: `--import=${RECORDER}` }
  })
  expect(run.outputs.result).toBe('validated')
  const urls = JSON.parse(/loaded-modules=(.*)/.exec(run.stderr)?.[1] ?? '[]') as string[]
  const chunks = urls
    .map(url => fileURLToPath(url))
    .filter(path => path.startsWith(join(ROOT, 'dist')))
  expect(chunks.map(path => basename(path))).toContain('index.js')
  return chunks.flatMap(chunk => {
    const map = JSON.parse(readFileSync(`${chunk}.map`, 'utf8')) as { sources: string[] }
    return map.sources
  })
}

const uses = (sources: string[], name: string): boolean =>
  sources.some(source => source.includes(`node_modules/${name}`) || source.endsWith(name))

const example = {
  mode: 'validate',
  'action-file': 'examples/actions/lookup-customer.js',
  'dependency-manifest': 'examples/actions/package.json'
}

test('a validate run with JSON files loads neither the HTTP stack nor the YAML parser', async () => {
  const sources = await sourcesLoaded(example)
  expect(uses(sources, 'zod')).toBe(true)
  expect(uses(sources, 'semver/functions/satisfies.js')).toBe(true)
  for (const name of [...HTTP_STACK, ...PUBLISH_ONLY, ...NEVER, 'yaml']) {
    expect([name, uses(sources, name)]).toEqual([name, false])
  }
})

test('a YAML policy loads the YAML parser, and still no HTTP stack', async () => {
  const sources = await sourcesLoaded({
    ...example,
    'dependency-policy': 'examples/dependency-policy.yml'
  })
  expect(uses(sources, 'yaml')).toBe(true)
  for (const name of [...HTTP_STACK, ...PUBLISH_ONLY, ...NEVER]) {
    expect([name, uses(sources, name)]).toEqual([name, false])
  }
})

test('the recorder sees a stray import: a release manifest in YAML loads the parser lazily', async () => {
  const ws = makeWorkspace({
    'a.js': 'exports.handler = () => 1\n',
    'release.yml':
      'dataActions:\n  - { dataActionId: a1b2c3d4-e5f6-7890-abcd-ef1234567890, actionFile: a.js }\n'
  })
  const sources = await sourcesLoaded({ mode: 'validate', 'release-manifest': 'release.yml' }, ws)
  expect(uses(sources, 'yaml')).toBe(true)
})
