import { ProblemsError } from '../src/errors.js'
import { readConfig, tagOf } from '../src/inputs.js'

const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? ''
const base = { mode: 'validate', 'action-file': 'actions/a.js' }

function problems(inputs: Record<string, string>): string[] {
  try {
    readConfig(reader(inputs), { GITHUB_WORKSPACE: '/repo' })
  } catch (error) {
    return (error as ProblemsError).problems.map(p => p.message)
  }
  return []
}

describe('readConfig', () => {
  test('defaults', () => {
    const config = readConfig(reader({ 'action-file': 'a.js' }), { GITHUB_WORKSPACE: '/repo' })
    expect(config).toMatchObject({
      mode: 'publish',
      workspace: '/repo',
      actionFile: 'a.js',
      payload: { dataActionId: '', versionId: '', targetEnvironment: 'sandbox' },
      sandboxTimeoutMs: 3000,
      maxActionFileBytes: 5 * 1024 * 1024
    })
    expect(config.dependencyManifest).toBeUndefined()
  })

  test('version-id defaults to the tag being built', () => {
    const env = { GITHUB_WORKSPACE: '/repo', GITHUB_REF: 'refs/tags/v2.1.0' }
    expect(readConfig(reader(base), env).payload.versionId).toBe('v2.1.0')
    expect(readConfig(reader({ ...base, 'version-id': 'v9' }), env).payload.versionId).toBe('v9')
  })

  test.each([
    ['refs/tags/v1', 'v1'],
    ['refs/tags/release/2026-11', 'release/2026-11'],
    ['refs/heads/main', ''],
    [undefined, '']
  ])('tagOf(%s) is %s', (ref, tag) => {
    expect(tagOf(ref)).toBe(tag)
  })

  test('every bad input is reported at once, each naming its input', () => {
    expect(
      problems({ mode: 'deploy', 'sandbox-timeout-ms': '3s', 'max-action-file-bytes': '0' })
    ).toEqual([
      "Input 'mode': expected one of validate, plan, publish, got 'deploy'",
      "Input 'action-file': is required",
      "Input 'sandbox-timeout-ms': expected a whole number",
      "Input 'max-action-file-bytes': expected at least 1"
    ])
  })

  test.each([
    ['sandbox-timeout-ms', '-5', 'expected a whole number'],
    ['sandbox-timeout-ms', '1.5', 'expected a whole number'],
    ['sandbox-timeout-ms', '10', 'expected at least 50'],
    ['sandbox-timeout-ms', '9999999', 'expected at most 600000']
  ])('%s=%s: %s', (input, value, message) => {
    expect(problems({ ...base, [input]: value })).toEqual([`Input '${input}': ${message}`])
  })
})
