import { createServer, type Server } from 'node:net'
import { CxoneClient } from '../../src/cxone/client.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { fixedDeadline } from '../../src/http/retry.js'
import { clientFor, ID, startEmulator } from '../emulated.js'
import { atOf, callsOf, failure, versionPath } from './client-setup.js'

/**
 * One logical request (requests.ts): its attempt budget, retries, lock waits, answers that
 * never come whole, and proxies, through the real client against the emulator.
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
      client.getVersion(ID, 'v1', { persistUntil: fixedDeadline(Date.now() + 60_000) })
    ).resolves.toMatchObject({ versionId: 'v1' })
    expect(calls()).toEqual(['token 200', ...Array(4).fill('get 502'), 'get 200'])
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
})

describe('locks are waited out, within their budget', () => {
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
