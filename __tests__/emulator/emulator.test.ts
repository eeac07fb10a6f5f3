import { CxoneEmulator, sha256 } from '../../src/emulator/index.js'
import { ID, startEmulator, V1_CODE } from '../emulated.js'

/** The emulator's own contract, spoken with plain fetch (not the action's client). */
let emulator: CxoneEmulator
afterEach(async () => {
  await emulator.stop()
})

async function token(clientSecret = 'demo-secret'): Promise<string> {
  const res = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `grant_type=client_credentials&client_id=demo-client&client_secret=${clientSecret}`
  })
  return ((await res.json()) as { access_token: string }).access_token
}

async function api(method: string, path: string, body?: unknown, bearer?: string) {
  const res = await fetch(`${emulator.url}/api/v2/studio/data-actions/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${bearer ?? (await token())}`,
      'content-type': 'application/json'
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  const text = await res.text()
  return {
    status: res.status,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    headers: res.headers
  }
}

const uploadBody = (versionId: string, code: string) => ({
  dataActionId: ID,
  versionId,
  targetEnvironment: 'production',
  checksum: sha256(code),
  dependencyMatrix: {},
  actionCode: code
})

test('one live version per environment: publishing v2 unpublishes v1', async () => {
  emulator = await startEmulator()
  expect((await api('POST', `${ID}/versions/v2`, uploadBody('v2', 'b'))).status).toBe(201)
  const published = await api('PATCH', `${ID}/versions/v2`, {
    published: true,
    environment: 'production',
    checksum: sha256('b')
  })
  expect(published).toMatchObject({
    status: 200,
    body: { status: 'published', published: true, environment: 'production' }
  })
  expect((await api('GET', `${ID}/versions/v1`)).body).toMatchObject({
    status: 'unpublished',
    published: false
  })
  const list = await api('GET', `${ID}/versions?environment=production&published=true`)
  expect((list.body.versions as Array<{ versionId: string }>).map(v => v.versionId)).toEqual(['v2'])
  expect(emulator.state(ID).live).toEqual({ sandbox: null, production: 'v2' })
})

test('versions are immutable; uploads idempotent; the checksum must be the code', async () => {
  emulator = await startEmulator()
  expect((await api('POST', `${ID}/versions/v1`, uploadBody('v1', V1_CODE))).status).toBe(200)
  expect((await api('POST', `${ID}/versions/v1`, uploadBody('v1', 'other'))).body).toMatchObject({
    error: 'version_conflict'
  })
  const bad = await api('POST', `${ID}/versions/v3`, {
    ...uploadBody('v3', 'x'),
    checksum: sha256('y')
  })
  expect(bad).toMatchObject({ status: 422, body: { error: 'unprocessable' } })
  const unknownEnv = await api('POST', `${ID}/versions/v3`, {
    ...uploadBody('v3', 'x'),
    targetEnvironment: 'staging'
  })
  expect(unknownEnv.status).toBe(422)
  expect((await api('POST', `not-a-uuid/versions/v3`, uploadBody('v3', 'x'))).status).toBe(422)
  expect((await api('GET', `00000000-0000-4000-8000-000000000000/versions/v1`)).status).toBe(404)
})

test('async publishing: 202, nothing live meanwhile, a lock for other publishes, then live', async () => {
  emulator = await startEmulator({ publish: 'async', asyncPublishMs: 200 })
  await api('POST', `${ID}/versions/v2`, uploadBody('v2', 'b'))
  const accepted = await api('PATCH', `${ID}/versions/v2`, {
    published: true,
    environment: 'production',
    checksum: sha256('b')
  })
  expect(accepted).toMatchObject({ status: 202, body: { status: 'publishing' } })
  expect(emulator.state(ID).live.production).toBeNull()
  const locked = await api('PATCH', `${ID}/versions/v1`, {
    published: true,
    environment: 'production',
    checksum: sha256(V1_CODE)
  })
  expect(locked.status).toBe(409)
  expect(locked.body.error).toBe('locked')
  expect(locked.headers.get('retry-after')).toBe('1')
  await new Promise(resolve => setTimeout(resolve, 300))
  expect(emulator.state(ID).live.production).toBe('v2')
})

test('tokens expire and scopes are enforced', async () => {
  emulator = await startEmulator({
    tokenTtlSeconds: 1,
    clients: [
      { clientId: 'demo-client', clientSecret: 'demo-secret', scopes: ['data-action:read'] }
    ]
  })
  const bearer = await token()
  expect((await api('GET', `${ID}/versions/v1`, undefined, bearer)).status).toBe(200)
  expect(
    (await api('POST', `${ID}/versions/v2`, uploadBody('v2', 'b'), bearer)).body
  ).toMatchObject({
    error: 'insufficient_scope'
  })
  await new Promise(resolve => setTimeout(resolve, 1100))
  expect((await api('GET', `${ID}/versions/v1`, undefined, bearer)).status).toBe(401)
  const wrong = await fetch(`${emulator.url}/oauth/token`, {
    method: 'POST',
    body: 'grant_type=client_credentials&client_id=demo-client&client_secret=nope'
  })
  expect(wrong.status).toBe(401)
  expect(await wrong.json()).toEqual({
    error: 'invalid_client',
    message: 'unknown client or wrong secret'
  })
})

test('a token-bucket rate limit answers 429 with Retry-After', async () => {
  emulator = await startEmulator({ rateLimit: { perSecond: 5, burst: 3 } })
  const statuses: number[] = []
  for (let i = 0; i < 5; i++)
    statuses.push((await fetch(`${emulator.url}/oauth/token`, { method: 'POST' })).status)
  expect(statuses.slice(0, 3).every(s => s !== 429)).toBe(true)
  expect(statuses.slice(3)).toEqual([429, 429])
})

test('faults are consumed in order, and every request is recorded', async () => {
  emulator = await startEmulator()
  emulator.faults.add({
    call: 'get',
    times: 1,
    skip: 1,
    fault: { kind: 'status', status: 503, body: 'html' }
  })
  const bearer = await token()
  expect((await api('GET', `${ID}/versions/v1`, undefined, bearer)).status).toBe(200)
  const res = await fetch(`${emulator.url}/api/v2/studio/data-actions/${ID}/versions/v1`, {
    headers: { authorization: `Bearer ${bearer}` }
  })
  expect(res.status).toBe(503)
  expect(res.headers.get('content-type')).toBe('text/html')
  expect((await api('GET', `${ID}/versions/v1`, undefined, bearer)).status).toBe(200)
  expect(emulator.requests.map(r => `${r.method} ${r.call} ${r.status}`)).toEqual([
    'POST token 200',
    'GET get 200',
    'GET get 503',
    'GET get 200'
  ])
})
