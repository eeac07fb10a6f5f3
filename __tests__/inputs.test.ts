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
    const config = readConfig(
      reader({
        'action-file': 'a.js',
        'client-id': 'id',
        'client-secret': 'secret',
        'data-action-id': 'x'
      }),
      { GITHUB_WORKSPACE: '/repo', GITHUB_REF: 'refs/tags/v1' }
    )
    expect(config).toMatchObject({
      mode: 'publish',
      workspace: '/repo',
      actionFile: 'a.js',
      payload: { dataActionId: 'x', versionId: 'v1', targetEnvironment: 'sandbox' },
      validationTimeoutMs: 30000,
      sandboxTimeoutMs: 3000,
      maxActionFileBytes: 5 * 1024 * 1024,
      cxone: {
        apiBaseUrl: 'https://platform.us.nicecxone.com',
        tokenUrl: 'https://platform.us.nicecxone.com/oauth/token',
        clientId: 'id',
        clientSecret: 'secret',
        maxRetries: 5,
        requestTimeoutMs: 30000,
        publishTimeoutMs: 120000
      }
    })
    expect(config.dependencyManifest).toBeUndefined()
  })

  test('validate mode needs no credentials and gets no CXone settings', () => {
    expect(readConfig(reader(base), { GITHUB_WORKSPACE: '/repo' }).cxone).toBeUndefined()
  })

  test('publish mode needs both credentials, the data action and a version', () => {
    expect(problems({ 'action-file': 'a.js' })).toEqual([
      "Input 'client-id': is required in publish mode",
      "Input 'client-secret': is required in publish mode",
      "Input 'data-action-id': is required in publish mode",
      "Input 'version-id': is required in publish mode: it defaults to the tag, and this run is for no ref, not refs/tags/<tag>"
    ])
  })

  test('an empty version-id on a pull request says why it is needed', () => {
    const inputs = {
      'action-file': 'a.js',
      'client-id': 'i',
      'client-secret': 's',
      'data-action-id': 'x'
    }
    let message = ''
    try {
      readConfig(reader(inputs), { GITHUB_WORKSPACE: '/repo', GITHUB_REF: 'refs/pull/7/merge' })
    } catch (error) {
      message = (error as ProblemsError).problems.map(p => p.message).join()
    }
    expect(message).toBe(
      "Input 'version-id': is required in publish mode: it defaults to the tag, and this run is for 'refs/pull/7/merge', not refs/tags/<tag>"
    )
  })

  test('validate mode needs neither the data action id nor a version', () => {
    expect(problems({ mode: 'validate', 'action-file': 'a.js' })).toEqual([])
  })

  test('the region picks the API base; api-base-url and token-url override it', () => {
    const creds = {
      'action-file': 'a.js',
      'client-id': 'i',
      'client-secret': 's',
      'data-action-id': 'x',
      'version-id': 'v1'
    }
    const env = { GITHUB_WORKSPACE: '/repo' }
    expect(readConfig(reader({ ...creds, region: 'eu' }), env).cxone).toMatchObject({
      apiBaseUrl: 'https://platform.eu.nicecxone.com',
      tokenUrl: 'https://platform.eu.nicecxone.com/oauth/token'
    })
    expect(
      readConfig(reader({ ...creds, 'api-base-url': 'http://127.0.0.1:8080/' }), env).cxone
    ).toMatchObject({
      apiBaseUrl: 'http://127.0.0.1:8080',
      tokenUrl: 'http://127.0.0.1:8080/oauth/token'
    })
    expect(
      readConfig(reader({ ...creds, 'token-url': 'https://login.example.com/token' }), env).cxone
    ).toMatchObject({ tokenUrl: 'https://login.example.com/token' })
  })

  test.each([
    ['http://platform.us.nicecxone.com', 'plain http is allowed only to a loopback host'],
    ['http://10.0.0.1:8080', 'plain http is allowed only to a loopback host'],
    ['ftp://127.0.0.1', 'expected an https:// URL'],
    ['https://user:pw@example.com', 'must not carry credentials'],
    ['not a url', 'is not a URL']
  ])('api-base-url %s is refused', (url, message) => {
    const found = problems({
      ...base,
      mode: 'publish',
      'client-id': 'i',
      'client-secret': 's',
      'api-base-url': url
    })
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(`Input 'api-base-url': `)
    expect(found[0]).toContain(message)
  })

  test.each(['http://localhost:1', 'http://127.0.0.5:2', 'http://[::1]:3', 'https://x.example'])(
    'api-base-url %s is accepted',
    url => {
      expect(problems({ ...base, 'api-base-url': url })).toEqual([])
    }
  )

  test('release-manifest replaces the single-action inputs', () => {
    expect(problems({ mode: 'validate', 'release-manifest': 'release.yml' })).toEqual([])
    expect(
      problems({
        mode: 'validate',
        'release-manifest': 'release.yml',
        'action-file': 'a.js',
        'data-action-id': 'x'
      })
    ).toEqual([
      "Input 'action-file': cannot be combined with release-manifest",
      "Input 'data-action-id': cannot be combined with release-manifest"
    ])
  })

  test('a bad region is named', () => {
    expect(problems({ ...base, region: 'US East' })).toEqual([
      "Input 'region': expected a region name such as us, eu or au"
    ])
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
      "Input 'sandbox-timeout-ms': expected a whole number",
      "Input 'max-action-file-bytes': expected at least 1",
      "Input 'action-file': is required (or give release-manifest)"
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
