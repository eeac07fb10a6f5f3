import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { clientFor, ID, startEmulator } from '../emulated.js'
import { atOf, callsOf, failure, upload, versionPath } from './client-setup.js'

/**
 * What CXone's answers mean (responses.ts): every row of the error table, through the real
 * client over loopback HTTP against the emulator.
 */
let emulator: CxoneEmulator

beforeEach(async () => {
  emulator = await startEmulator()
})

afterEach(async () => {
  await emulator.stop()
})

const calls = () => callsOf(emulator)
const at = (method: string, path: string) => atOf(emulator, method, path)

describe('where an answer came from', () => {
  test('a wrong path in api-base-url names the URL that answered, not just a status', async () => {
    const { client } = clientFor(emulator, { apiBaseUrl: `${emulator.url}/wrong` })
    const error = await failure(client.getVersion(ID, 'v1'))
    expect(error?.message).toBe(
      `reading back version v1 of ${ID}: ${at('GET', `/wrong${versionPath('v1')}`)} answered 404 not_found: no route for /wrong${versionPath('v1')}`
    )
  })

  test.each([
    ['another host', 'https://login.elsewhere.example/api?code=1', 'login.elsewhere.example'],
    ['a relative path', '/elsewhere', new URL('http://127.0.0.1').host]
  ])('a redirect to %s is named, not followed, and never retried', async (_, location, host) => {
    emulator.faults.add({ call: 'get', fault: { kind: 'status', status: 302, location } })
    const { client } = clientFor(emulator)
    const error = await failure(client.getVersion(ID, 'v1'))
    const named = host.startsWith('127.') ? new URL(emulator.url).host : host
    expect(error?.message).toBe(
      `reading back version v1 of ${ID}: ${at('GET', versionPath('v1'))} answered 302, a redirect to ${named}: not followed, so no credentials go there; check api-base-url and token-url`
    )
    expect(error?.message).not.toContain('code=1')
    expect(calls()).toEqual(['token 200', 'get 302'])
  })
})

describe('errors that fail at once', () => {
  test('403 names the scope the client lacks', async () => {
    await emulator.stop()
    emulator = await startEmulator({
      clients: [
        { clientId: 'demo-client', clientSecret: 'demo-secret', scopes: ['data-action:read'] }
      ]
    })
    const { client } = clientFor(emulator)
    const error = await failure(upload(client))
    expect(error?.status).toBe(403)
    expect(error?.message).toContain('uploading version v2 of ' + ID)
    expect(error?.message).toContain('needs the data-action:write scope')
    expect(calls()).toEqual(['token 200', 'upload 403'])
  })

  test('404 names the data action', async () => {
    const { client } = clientFor(emulator)
    const other = '00000000-0000-4000-8000-000000000000'
    const error = await failure(client.liveVersion(other, 'sandbox'))
    expect(error?.status).toBe(404)
    expect(error?.message).toContain(`unknown data action ${other}`)
  })

  test('404 names the version', async () => {
    const { client } = clientFor(emulator)
    const error = await failure(client.getVersion(ID, 'v9'))
    expect(error?.message).toBe(
      `reading back version v9 of ${ID}: ${at('GET', versionPath('v9'))} answered 404 not_found: unknown version v9 of ${ID}`
    )
  })

  test("422 shows CXone's details", async () => {
    const { client } = clientFor(emulator)
    const error = await failure(
      client.upload({
        dataActionId: ID,
        versionId: 'v2',
        targetEnvironment: 'production',
        checksum: sha256('other code'),
        dependencyMatrix: {},
        actionCode: 'exports.handler = () => 2'
      })
    )
    expect(error?.status).toBe(422)
    expect(error?.message).toContain(
      'details: [{"field":"checksum","message":"does not match actionCode"}]'
    )
    expect(calls()).toEqual(['token 200', 'upload 422'])
  })

  test('409 version_conflict fails at once: versions are immutable', async () => {
    const { client } = clientFor(emulator)
    await upload(client, 'exports.handler = () => 2')
    const error = await failure(upload(client, 'exports.handler = () => 3'))
    expect(error?.code).toBe('version_conflict')
    expect(error?.message).toContain('needs a new version id')
    expect(calls()).toEqual(['token 200', 'upload 201', 'upload 409'])
  })

  test('412 checksum_mismatch on publish', async () => {
    const { client } = clientFor(emulator)
    const error = await failure(client.publish(ID, 'v1', 'sandbox', sha256('not v1')))
    expect(error?.status).toBe(412)
    expect(error?.message).toContain('checksum_mismatch')
  })
})

describe('bodies that are not CXone JSON', () => {
  test.each([
    ['html', "a text/html body, not CXone's JSON (a proxy?)"],
    ['empty', 'empty body']
  ] as const)('a 502 with an %s body names the status and the call', async (body, said) => {
    emulator.faults.add({ call: 'get', fault: { kind: 'status', status: 502, body } })
    const { client } = clientFor(emulator, { maxAttempts: 2 })
    const error = await failure(client.getVersion(ID, 'v1'))
    expect(error?.message).toBe(
      `reading back version v1 of ${ID}: ${at('GET', versionPath('v1'))} answered 502 ${said}`
    )
  })

  test('a 200 that is not JSON is an error, not a crash', async () => {
    emulator.faults.add({ call: 'get', fault: { kind: 'status', status: 200, body: 'html' } })
    const { client } = clientFor(emulator)
    const error = await failure(client.getVersion(ID, 'v1'))
    expect(error?.message).toMatch(
      `reading back version v1 of ${ID}: ${at('GET', versionPath('v1'))} answered 200 with a body that is not JSON`
    )
  })
})
