import { createServer, type Server } from 'node:net'
import { CxoneClient, CxoneError } from '../../src/cxone/client.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { clientFor, ID, startEmulator } from '../emulated.js'

/** The real client over loopback HTTP against the emulator: every row of the error table. */
let emulator: CxoneEmulator

beforeEach(async () => {
  emulator = await startEmulator()
})

afterEach(async () => {
  await emulator.stop()
})

const calls = () => emulator.requests.map(r => `${r.call} ${r.status}`)
/** How messages name a request: method, host and path (never the query). */
const at = (method: string, path: string) => `${method} ${new URL(emulator.url).host}${path}`
const versionPath = (versionId: string) => `/api/v2/studio/data-actions/${ID}/versions/${versionId}`
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as CxoneError
  )
const upload = (client: CxoneClient, code = 'exports.handler = () => 2', versionId = 'v2') =>
  client.upload({
    dataActionId: ID,
    versionId,
    targetEnvironment: 'production',
    checksum: sha256(code),
    dependencyMatrix: { lodash: '4.17.21' },
    actionCode: code
  })

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

describe('one attempt budget per logical request', () => {
  test('max-retries counts every attempt, token fetches included, and the log counts them in order', async () => {
    emulator.faults.add({ call: 'token', fault: { kind: 'status', status: 503 } })
    const { client, retries } = clientFor(emulator, { maxAttempts: 5, random: () => 0 })
    const error = await failure(client.liveVersion(ID, 'production'))
    expect(error?.message).toBe(
      `getting an access token: ${at('POST', '/oauth/token')} answered 503 injected: injected 503`
    )
    expect(calls()).toEqual(Array(5).fill('token 503'))
    expect(retries.map(line => line.replace(/^.*; /, ''))).toEqual([
      'attempt 2 of 5 in 0 ms',
      'attempt 3 of 5 in 0 ms',
      'attempt 4 of 5 in 0 ms',
      'attempt 5 of 5 in 0 ms'
    ])
  })

  test('an unreachable host: max-retries attempts in all', async () => {
    const closed = await startEmulator()
    const url = closed.url
    await closed.stop()
    const { client, retries } = clientFor(emulator, {
      apiBaseUrl: url,
      tokenUrl: `${url}/oauth/token`,
      maxAttempts: 3
    })
    const error = await failure(client.liveVersion(ID, 'production'))
    expect(error?.message).toMatch(
      new RegExp(
        `^getting an access token: POST ${new URL(url).host}/oauth/token: connect ECONNREFUSED`
      )
    )
    expect(retries).toHaveLength(2)
  })

  test("a rollback's own budget retries past max-retries, until its deadline", async () => {
    emulator.faults.add({ call: 'get', times: 4, fault: { kind: 'status', status: 502 } })
    const { client } = clientFor(emulator, { maxAttempts: 1 })
    await expect(
      client.getVersion(ID, 'v1', { persistUntil: Date.now() + 60_000 })
    ).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', ...Array(4).fill('get 502'), 'get 200'])
  })
})

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

describe('answers that never come whole', () => {
  test('a body cut mid-stream is a network error: a read is retried', async () => {
    emulator.faults.add({ call: 'get', times: 1, fault: { kind: 'cut' } })
    const { client, retries } = clientFor(emulator)
    await expect(client.getVersion(ID, 'v1')).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', 'get 200', 'get 200'])
    expect(retries).toEqual([
      expect.stringMatching(
        new RegExp(
          `^reading back version v1 of ${ID}: GET [^ ]+/versions/v1: the connection closed before the whole answer arrived \\(after \\d+ bytes of its body\\); attempt 2 of 5`
        )
      )
    ])
  })

  test('a trickling body ends at the request deadline, not when it is done', async () => {
    emulator.faults.add({ call: 'get', fault: { kind: 'trickle', everyMs: 100 } })
    const { client } = clientFor(emulator, { requestTimeoutMs: 500, maxAttempts: 2 })
    const error = await failure(client.getVersion(ID, 'v1'))
    expect(error?.message).toBe(
      `reading back version v1 of ${ID}: ${at('GET', versionPath('v1'))}: no complete answer within 500 ms (request-timeout-ms)`
    )
    expect(emulator.requests.filter(r => r.fault === 'trickle' && r.completed)).toEqual([])
  })

  test('a huge body is read up to the cap and no further', async () => {
    emulator.faults.add({ call: 'get', fault: { kind: 'huge', bytes: 100 * 1024 * 1024 } })
    const { client } = clientFor(emulator, { maxAttempts: 1 })
    const error = await failure(client.getVersion(ID, 'v1'))
    expect(error?.message).toBe(
      `reading back version v1 of ${ID}: ${at('GET', versionPath('v1'))}: the answer is larger than 4 MiB; not read further`
    )
    expect(emulator.requests.at(-1)?.completed).toBeUndefined()
  })

  const publishV1 = (client: CxoneClient) =>
    client.publish(ID, 'v1', 'sandbox', sha256(emulator.codeOf(ID, 'v1')!))

  test('a PATCH whose answer is cut after it took: read back, counted done, never sent twice', async () => {
    emulator.faults.add({ call: 'publish', fault: { kind: 'cut' } })
    const { client } = clientFor(emulator, { maxAttempts: 1 })
    await expect(publishV1(client)).resolves.toMatchObject({
      versionId: 'v1',
      published: true,
      environment: 'sandbox'
    })
    expect(calls()).toEqual(['token 200', 'publish 200', 'get 200'])
  })

  test('a PATCH lost before it took: read back, then sent again', async () => {
    emulator.faults.add({ call: 'publish', times: 1, fault: { kind: 'reset' } })
    const { client } = clientFor(emulator, { maxAttempts: 2 })
    await publishV1(client)
    expect(calls()).toEqual(['token 200', 'publish reset', 'get 200', 'publish 200'])
    expect(emulator.state(ID).live.sandbox).toBe('v1')
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

describe('uploads', () => {
  test('send the code, checksum and dependencies; a re-upload of the same code is fine', async () => {
    const { client } = clientFor(emulator)
    const first = await upload(client)
    const again = await upload(client)
    expect(first.created).toBe(true)
    expect(again.created).toBe(false)
    expect(calls()).toEqual(['token 200', 'upload 201', 'upload 200'])
    expect(JSON.parse(emulator.requests[1]!.body)).toEqual({
      dataActionId: ID,
      versionId: 'v2',
      targetEnvironment: 'production',
      checksum: sha256('exports.handler = () => 2'),
      dependencyMatrix: { lodash: '4.17.21' },
      actionCode: 'exports.handler = () => 2'
    })
    expect(emulator.codeOf(ID, 'v2')).toBe('exports.handler = () => 2')
  })
})

describe('transient failures are retried', () => {
  test.each([500, 502, 503, 504])('%i, then success', async status => {
    emulator.faults.add({ call: 'get', times: 2, fault: { kind: 'status', status } })
    const { client, waits } = clientFor(emulator, { random: () => 0.5 })
    await expect(client.getVersion(ID, 'v1')).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', `get ${status}`, `get ${status}`, 'get 200'])
    // Full jitter: half of 200·2^1, then of 200·2^2.
    expect(waits).toEqual([200, 400])
    expect(client.stats).toEqual({ requests: 4, retries: 2, rateLimited: 0 })
  })

  test('a persistent 503 uses up max-retries attempts, then fails naming the call', async () => {
    emulator.faults.add({ call: 'get', fault: { kind: 'status', status: 503 } })
    const { client } = clientFor(emulator, { maxAttempts: 3 })
    const error = await failure(client.getVersion(ID, 'v1'))
    expect(error?.message).toBe(
      `reading back version v1 of ${ID}: ${at('GET', versionPath('v1'))} answered 503 injected: injected 503`
    )
    expect(calls()).toEqual(['token 200', 'get 503', 'get 503', 'get 503'])
  })

  test('429 waits Retry-After in seconds', async () => {
    emulator.faults.add({
      call: 'list',
      times: 1,
      fault: { kind: 'status', status: 429, retryAfter: '2' }
    })
    const { client, waits } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    expect(waits).toEqual([2000])
    expect(calls()).toEqual(['token 200', 'list 429', 'list 200'])
    expect(client.stats.rateLimited).toBe(1)
  })

  test('429 waits Retry-After given as an HTTP date', async () => {
    const at = new Date(Date.now() + 5000).toUTCString()
    emulator.faults.add({
      call: 'list',
      times: 1,
      fault: { kind: 'status', status: 429, retryAfter: at }
    })
    const { client, waits } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThan(3000)
    expect(waits[0]).toBeLessThanOrEqual(5000)
  })

  test('429 waits are capped at 60 s', async () => {
    emulator.faults.add({
      call: 'list',
      times: 1,
      fault: { kind: 'status', status: 429, retryAfter: '3600' }
    })
    const { client, waits } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    expect(waits).toEqual([60_000])
  })

  test('429 without Retry-After backs off', async () => {
    emulator.faults.add({ call: 'list', times: 1, fault: { kind: 'status', status: 429 } })
    const { client, waits } = clientFor(emulator, { random: () => 0.25 })
    await client.liveVersion(ID, 'production')
    expect(waits).toEqual([100])
  })

  test('a dropped connection is retried', async () => {
    emulator.faults.add({ call: 'get', times: 1, fault: { kind: 'reset' } })
    const { client, retries } = clientFor(emulator)
    await expect(client.getVersion(ID, 'v1')).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', 'get reset', 'get 200'])
    expect(retries[0]).toMatch(/^reading back version v1 of .*: .*socket hang up|ECONNRESET/)
  })

  test('a hang beyond request-timeout-ms is cut and retried', async () => {
    emulator.faults.add({ call: 'get', times: 1, fault: { kind: 'hang' } })
    const { client } = clientFor(emulator, { requestTimeoutMs: 300 })
    await expect(client.getVersion(ID, 'v1')).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', 'get hang', 'get 200'])
  })

  test('409 locked is waited out (Retry-After) and does not use up attempts', async () => {
    emulator.faults.add({
      call: 'publish',
      times: 7,
      fault: { kind: 'status', status: 409, error: 'locked', retryAfter: '1' }
    })
    const { client, waits } = clientFor(emulator, { maxAttempts: 2 })
    await client.publish(ID, 'v1', 'sandbox', sha256(''.concat(emulator.codeOf(ID, 'v1')!)))
    expect(waits).toEqual(Array(7).fill(1000))
    expect(emulator.state(ID).live.sandbox).toBe('v1')
  })

  test('a lock held beyond the lock budget fails, saying so', async () => {
    emulator.faults.add({
      call: 'publish',
      fault: { kind: 'status', status: 409, error: 'locked', retryAfter: '1' }
    })
    const { client } = clientFor(emulator, { lockWaitMs: 500 })
    const error = await failure(
      client.publish(ID, 'v1', 'sandbox', sha256(emulator.codeOf(ID, 'v1')!))
    )
    expect(error?.message).toContain('409 locked')
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

describe('proxies', () => {
  let proxy: Server
  let connects: string[]
  const saved = { ...process.env }

  beforeEach(async () => {
    connects = []
    proxy = createServer(socket => {
      socket.once('data', data => {
        connects.push(String(data).split('\r\n')[0] ?? '')
        socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      })
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
    process.env.HTTPS_PROXY = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`
  })

  afterEach(async () => {
    process.env = { ...saved }
    await new Promise(resolve => proxy.close(resolve))
  })

  const remoteClient = () =>
    new CxoneClient({
      apiBaseUrl: 'https://platform.us.nicecxone.com',
      tokenUrl: 'https://platform.us.nicecxone.com/oauth/token',
      clientId: 'id',
      clientSecret: 'secret',
      maxAttempts: 1,
      requestTimeoutMs: 2000,
      lockWaitMs: 0
    })

  test('HTTPS_PROXY carries the calls', async () => {
    await failure(remoteClient().liveVersion(ID, 'production'))
    expect(connects).toEqual(['CONNECT platform.us.nicecxone.com:443 HTTP/1.1'])
  })

  test('NO_PROXY bypasses it', async () => {
    process.env.NO_PROXY = 'platform.us.nicecxone.com'
    await failure(remoteClient().liveVersion(ID, 'production'))
    expect(connects).toEqual([])
  })

  test('loopback never goes through it', async () => {
    const { client } = clientFor(emulator)
    await client.liveVersion(ID, 'production')
    expect(connects).toEqual([])
  })
})
