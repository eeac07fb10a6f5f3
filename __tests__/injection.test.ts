import { CxoneEmulator, DEFAULT_CLIENT } from '../src/emulator/index.js'
import { makeWorkspace, NODES, runAction, runnerCommand, type ActionRun } from './helpers.js'

/**
 * Text from the repository, the sandboxed code and the network, carrying workflow commands
 * and markup, through the bundled action: the raw stdout holds no command but the action's
 * own, and the summary no markup but the action's own.
 */
const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const PAYLOADS = [
  '\n::warning::INJECTED',
  '\r::add-mask::INJECTED',
  '\n  ::set-output name=published::true',
  ' ##[set-output name=published;]true',
  ' ##[stop-commands]STOPTOKEN',
  '\u2028::error::INJECTED',
  '\u0085::notice::INJECTED',
  ' #\u00ad#[warning]INJECTED',
  '\n\n# INJECTED heading [link](https://example.com) @octocat <img src=x>'
]
const PAYLOAD = PAYLOADS.join('')
const literal = JSON.stringify(PAYLOAD)

/** The workflow commands the action itself writes. */
const OWN_COMMANDS = /^::(error|group|endgroup|add-mask|debug)( [^:]*)?::/

function expectNoInjection(run: ActionRun): void {
  for (const line of run.stdout.split('\n')) {
    const command = runnerCommand(line)
    if (command === undefined) continue
    expect(`${command}: ${line}`).toMatch(/^v2: /)
    expect(line).toMatch(OWN_COMMANDS)
    expect(line).not.toMatch(/^::add-mask::.*INJECTED/)
  }
  expect(run.warnings).toEqual([])
  expect(run.outputs.result).toBe('failed')
  expect(run.outputs.published ?? 'false').toBe('false')
  for (const line of run.summary.split('\n').filter(Boolean)) {
    expect(line.startsWith('<')).toBe(true)
  }
  expect(run.summary).not.toMatch(/\n\n|<img|@octocat|\[link\]/)
}

const cases: Array<[string, Record<string, string>, Record<string, string>]> = [
  ['a thrown error message', { 'a.js': `throw new Error(${literal})` }, {}],
  [
    "a thrown error's name",
    { 'a.js': `const e = new Error('x'); e.name = ${literal}; throw e` },
    {}
  ],
  ['a require() specifier', { 'a.js': `require(${literal}); exports.handler = () => 1` }, {}],
  ['an import specifier', { 'a.js': `import x from ${literal}; export default x` }, {}],
  [
    'a dependency manifest key',
    { 'a.js': 'exports.handler = () => 1', 'deps.json': JSON.stringify({ [PAYLOAD]: 'x' }) },
    { 'dependency-manifest': 'deps.json' }
  ],
  [
    "a release manifest's action file",
    {
      'release.json': JSON.stringify([{ dataActionId: ID, actionFile: `actions/${PAYLOAD}.js` }])
    },
    { 'release-manifest': 'release.json', 'action-file': '', 'data-action-id': '' }
  ]
]

describe.each(NODES)('on %s', (_label, node) => {
  test.concurrent.each(cases)(
    '%s never becomes a command or markup',
    async (_name, files, inputs) => {
      const run = await runAction(
        {
          mode: 'validate',
          'action-file': 'a.js',
          'data-action-id': ID,
          'version-id': 'v1',
          ...inputs
        },
        { node, cwd: makeWorkspace(files) }
      )
      expect(run.stdout).toContain('INJECTED')
      expectNoInjection(run)
    }
  )
})

test('an error message from the network never becomes a command or markup', async () => {
  const emulator = new CxoneEmulator({ dataActions: [{ id: ID }] })
  await emulator.start()
  emulator.faults.add({ call: 'list', fault: { kind: 'status', status: 503, error: PAYLOAD } })
  try {
    const run = await runAction(
      {
        mode: 'publish',
        'action-file': 'a.js',
        'data-action-id': ID,
        'version-id': 'v1',
        'api-base-url': emulator.url,
        'client-id': DEFAULT_CLIENT.clientId,
        'client-secret': DEFAULT_CLIENT.clientSecret,
        'max-retries': '2'
      },
      { cwd: makeWorkspace({ 'a.js': 'exports.handler = () => 1' }) }
    )
    expect(run.stdout).toContain('INJECTED')
    expectNoInjection(run)
  } finally {
    await emulator.stop()
  }
})
