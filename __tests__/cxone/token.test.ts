import { CxoneError } from '../../src/cxone/client.js'
import type { CxoneEmulator } from '../../src/emulator/index.js'
import { clientFor, ID, startEmulator } from '../emulated.js'
import { atOf, callsOf, failure } from './client-setup.js'

/** Getting and caching the access token (token.ts), through the real client and the emulator. */
let emulator: CxoneEmulator

beforeEach(async () => {
  emulator = await startEmulator()
})

afterEach(async () => {
  await emulator.stop()
})

const calls = () => callsOf(emulator)
const at = (method: string, path: string) => atOf(emulator, method, path)

describe('token', () => {
  test('one token serves many calls; the form body carries the client credentials', async () => {
    const { client } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    await client.getVersion(ID, 'v1')
    expect(calls()).toEqual(['token 200', 'list 200', 'get 200'])
    const token = emulator.requests[0]!
    expect(token.contentType).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(token.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'demo-client',
      client_secret: 'demo-secret'
    })
    expect(emulator.requests[1]!.authorization).toMatch(/^Bearer [0-9a-f]{48}$/)
  })

  test('a token is refreshed 60 s before it expires', async () => {
    await emulator.stop()
    emulator = await startEmulator({ tokenTtlSeconds: 61 })
    const { client } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    await client.liveVersion(ID, 'production')
    expect(calls()).toEqual(['token 200', 'list 200', 'list 200'])
    await new Promise(resolve => setTimeout(resolve, 1100))
    await client.liveVersion(ID, 'production')
    expect(calls()).toEqual(['token 200', 'list 200', 'list 200', 'token 200', 'list 200'])
  })

  test('the access token is handed to the mask', async () => {
    const masked: string[] = []
    const { client } = clientFor(emulator, { mask: secret => masked.push(secret) })
    await client.liveVersion(ID, 'production')
    expect(masked).toEqual([emulator.requests[1]!.authorization!.slice('Bearer '.length)])
  })

  test('a 401 on a call refreshes the token once and replays the call once', async () => {
    emulator.faults.add({ call: 'list', times: 1, fault: { kind: 'revoke-token' } })
    const { client } = clientFor(emulator)
    await expect(client.liveVersion(ID, 'production')).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', 'list 401', 'token 200', 'list 200'])
  })

  test('a second 401 is fatal', async () => {
    emulator.faults.add({ call: 'list', fault: { kind: 'revoke-token' } })
    const { client } = clientFor(emulator)
    const error = await failure(client.liveVersion(ID, 'production'))
    expect(error).toBeInstanceOf(CxoneError)
    expect(error?.message).toBe(
      `reading what is live for ${ID} in production: ${at('GET', `/api/v2/studio/data-actions/${ID}/versions`)} answered 401 to a fresh access token too; check the client's tenant`
    )
    expect(calls()).toEqual(['token 200', 'list 401', 'token 200', 'list 401'])
  })

  test('invalid_client fails at once, is never retried, and does not echo the secret', async () => {
    const { client } = clientFor(emulator, { clientSecret: 'wrong-secret-value' })
    const error = await failure(client.liveVersion(ID, 'production'))
    expect(error?.message).toBe(
      `getting an access token: ${at('POST', '/oauth/token')} answered 401 invalid_client: CXone rejected client-id/client-secret`
    )
    expect(calls()).toEqual(['token 401'])
  })

  test('a 503 on the token call is retried like any call', async () => {
    emulator.faults.add({ call: 'token', times: 2, fault: { kind: 'status', status: 503 } })
    const { client } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    expect(calls()).toEqual(['token 503', 'token 503', 'token 200', 'list 200'])
  })
})
