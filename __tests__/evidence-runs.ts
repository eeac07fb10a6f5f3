import type { CxoneEmulator } from '../src/emulator/index.js'
import { ID, startEmulator } from './emulated.js'

/** What the evidence entry-point tests share: a runner's identity and a publish to an emulator. */
export const SECRET = 'client-secret-canary-evidence'
export const RUNNER = {
  GITHUB_REPOSITORY: 'acme/contact-centre',
  GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
  GITHUB_REF: 'refs/tags/v2',
  GITHUB_ACTOR: 'release-bot',
  GITHUB_WORKFLOW: 'Promote',
  GITHUB_RUN_ID: '4242',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_SERVER_URL: 'https://github.com'
}

/**
 * A fresh emulator for each test (it knows the client `ci`, whose secret is SECRET), and the
 * inputs of a publish of the example action to it.
 */
export function emulatedPublish(): {
  emulator: () => CxoneEmulator
  publishInputs: (extra: Record<string, string>) => Record<string, string>
} {
  let emulator: CxoneEmulator
  beforeEach(async () => {
    emulator = await startEmulator({
      clients: [
        { clientId: 'ci', clientSecret: SECRET, scopes: ['data-action:read', 'data-action:write'] }
      ]
    })
  })
  afterEach(async () => {
    await emulator.stop()
  })
  return {
    emulator: () => emulator,
    publishInputs: extra => ({
      mode: 'publish',
      'client-id': 'ci',
      'client-secret': SECRET,
      'api-base-url': emulator.url,
      'action-file': 'examples/actions/lookup-customer.js',
      'data-action-id': ID,
      'target-environment': 'production',
      'dependency-manifest': 'examples/actions/package.json',
      ...extra
    })
  }
}
