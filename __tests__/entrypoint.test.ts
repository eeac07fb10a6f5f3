import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { verifyChain } from '../src/evidence/audit.js'
import { makeWorkspace, NODES, ROOT, runAction } from './helpers.js'

/** The bundled dist/index.js, run the way the runner runs it, on node 20 and node 24. */
const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const example = {
  mode: 'validate',
  'action-file': 'examples/actions/lookup-customer.js',
  'data-action-id': ID,
  'version-id': 'v2.1.0',
  'target-environment': 'production',
  'dependency-manifest': 'examples/actions/package.json',
  'dependency-policy': 'examples/dependency-policy.yml'
}

describe.each(NODES)('dist/index.js on %s', (_label, node) => {
  test('the example validates: outputs, summary, no annotation', async () => {
    const run = await runAction(example, { node, cwd: ROOT })
    expect(run.errors).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.outputs).toEqual({
      result: 'validated',
      checksum: createHash('sha256')
        .update(readFileSync(`${ROOT}/examples/actions/lookup-customer.js`))
        .digest('hex'),
      'version-id': 'v2.1.0',
      'audit-hash': expect.stringMatching(/^[0-9a-f]{64}$/),
      'audit-log-path': expect.stringMatching(/cxone-audit\.jsonl$/)
    })
    const log = readFileSync(run.outputs['audit-log-path']!, 'utf8')
    expect(verifyChain(log, run.outputs['audit-hash'])).toEqual({
      ok: true,
      records: 1,
      head: run.outputs['audit-hash']
    })
    expect(run.summary).toContain(`<h2>CXone data action ${ID} v2.1.0 → production: validated</h2>`)
    for (const check of [
      'Action file',
      'Payload',
      'Dependency manifest',
      'Dependency policy',
      'Sandbox',
      'Required modules'
    ]) {
      expect(run.summary).toContain(`<td>${check}</td><td>✅ pass</td>`)
    }
    expect(run.summary).toContain('<td>axios</td><td>1.7.9</td><td>✅ allowed</td>')
    expect(run.summary).toContain(run.outputs.checksum)
    expect(run.stderr).toBe('')
  })

  test('the broken example: every problem, each at its file and line, then exit 1', async () => {
    const run = await runAction(
      {
        ...example,
        'action-file': 'examples/broken/lookup-customer.js',
        'dependency-manifest': 'examples/broken/package.json'
      },
      { node, cwd: ROOT }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.errors).toEqual([
      "::error file=examples/broken/package.json,line=5::Input 'dependency-manifest': examples/broken/package.json at dependencies.axios: '^1.7.9' is not an exact semver version (such as 4.17.21)",
      '::error file=examples/broken/package.json,line=6::Dependency lodash@4.10.0: 4.10.0 does not satisfy ^4.17.21 (all environments)',
      '::error file=examples/broken/package.json,line=7::Dependency request@2.88.2: blocked (all environments)',
      '::error file=examples/broken/lookup-customer.js::examples/broken/lookup-customer.js exports no handler: set exports.handler or module.exports to a function, or export a function named handler or a default function',
      "::error file=examples/broken/lookup-customer.js,line=5::Dependency 'moment': undeclared dependency: required by the code but not in the dependency manifest"
    ])
    // Every dependency is in the table, the one with no exact version too.
    for (const row of [
      '<td>axios</td><td>^1.7.9</td><td>❌ invalid</td>',
      '<td>lodash</td><td>4.10.0</td><td>❌ outside range</td>',
      '<td>request</td><td>2.88.2</td><td>❌ blocked</td>',
      '<td>moment</td><td>(not declared)</td><td>❌ undeclared</td>'
    ]) {
      expect(run.summary).toContain(row)
    }
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(run.stderr).toBe('')
  })

  test('a syntax error points at its line and column', async () => {
    const ws = makeWorkspace({ 'a.js': 'exports.handler = () => {\n  return [1, 2\n}\n' })
    const run = await runAction(
      { mode: 'validate', 'action-file': 'a.js', 'data-action-id': ID, 'version-id': 'v1' },
      { node, cwd: ws }
    )
    expect(run.exitCode).toBe(1)
    expect(run.errors).toEqual([
      "::error file=a.js,line=3,col=1::Syntax error in a.js: SyntaxError: Expected ']'"
    ])
  })

  test('bad inputs are named, all at once, and nothing else runs', async () => {
    const run = await runAction(
      { mode: 'deploy', 'sandbox-timeout-ms': 'soon' },
      { node, cwd: ROOT }
    )
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.errors).toEqual([
      "::error::Input 'mode': expected one of validate, plan, publish, got 'deploy'",
      "::error::Input 'sandbox-timeout-ms': expected a whole number",
      "::error::Input 'action-file': is required (or give release-manifest)"
    ])
    // The summary says what to fix too, not only the log.
    expect(run.summary).toContain('The run stopped: 3 problem(s) to fix.')
    expect(run.summary).toContain('Input &#39;mode&#39;: expected one of validate, plan, publish')
  })

  test('imported as a module (as @github/local-action does), it runs only when run() is called', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-import-'))
    const outputs = join(dir, 'outputs')
    writeFileSync(outputs, '')
    const env = {
      PATH: process.env.PATH ?? '',
      GITHUB_WORKSPACE: ROOT,
      GITHUB_OUTPUT: outputs,
      ...Object.fromEntries(
        Object.entries({ ...example, 'audit-log': join(dir, 'audit.jsonl') }).map(([k, v]) => [
          `INPUT_${k.toUpperCase()}`,
          v
        ])
      )
    }
    const load = `const action = await import(${JSON.stringify(join(ROOT, 'dist', 'index.js'))})`
    const imported = await promisify(execFile)(node, ['--input-type=module', '-e', load], { env })
    expect(imported.stdout).toBe('')
    expect(readFileSync(outputs, 'utf8')).toBe('')
    const ran = await promisify(execFile)(
      node,
      ['--input-type=module', '-e', `${load}\nawait action.run()`],
      { env }
    )
    expect(ran.stdout).toContain('pass    Sandbox')
    expect(readFileSync(outputs, 'utf8')).toContain('validated')
  })

  test('validate mode needs no data action id and no version', async () => {
    const inputs: Record<string, string> = { ...example }
    delete inputs['version-id']
    delete inputs['data-action-id']
    const run = await runAction(inputs, { node, cwd: ROOT })
    expect(run.errors).toEqual([])
    expect(run.outputs.result).toBe('validated')
  })

  test('version-id defaults to the tag of a tag push', async () => {
    const inputs: Record<string, string> = { ...example }
    delete inputs['version-id']
    const run = await runAction(inputs, {
      node,
      cwd: ROOT,
      env: { GITHUB_REF: 'refs/tags/v3.0.0' }
    })
    expect(run.outputs['version-id']).toBe('v3.0.0')
    expect(run.outputs.result).toBe('validated')
  })

  test('text from files is escaped in the summary', async () => {
    const ws = makeWorkspace({
      'a.js': "require('<img src=x onerror=alert(1)>')\nexports.handler = () => 1\n",
      'deps.json': JSON.stringify({ '<script>alert(1)</script>': '1.0.0' })
    })
    const run = await runAction(
      {
        mode: 'validate',
        'action-file': 'a.js',
        'data-action-id': ID,
        'version-id': 'v1',
        'dependency-manifest': 'deps.json'
      },
      { node, cwd: ws }
    )
    expect(run.summary).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(run.summary).not.toContain('<script>')
    expect(run.summary).not.toContain('<img')
  })
})
