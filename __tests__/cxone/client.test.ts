import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { CxoneClient } from '../../src/cxone/client.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { clientFor, ID, startEmulator } from '../emulated.js'
import { callsOf, upload } from './client-setup.js'

/** The client's calls (client.ts): what they send, and a PATCH whose answer is lost. */
let emulator: CxoneEmulator

beforeEach(async () => {
  emulator = await startEmulator()
})

afterEach(async () => {
  await emulator.stop()
})

const calls = () => callsOf(emulator)

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

describe('answers that never come whole', () => {
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

describe('the manual fix of an unfinished rollback', () => {
  // CXone's answers fill it (the previous version's id and checksum), and a person pastes it.
  test('a shell reads each value as one word, quotes and $(…) included', () => {
    const { client } = clientFor(emulator)
    const marker = join(mkdtempSync(join(tmpdir(), 'cxone-quote-')), 'ran')
    const checksum = `x'$(touch ${marker})'"\`y`
    const versionId = "v1'; touch " + marker + ' #'
    const command = client.publishCommand(ID, versionId, 'production', checksum)
    client.dispose()
    // The command with curl swapped for printf: each word the shell sees, one per line.
    const words = execFileSync('/bin/sh', ['-c', command.replace(/^curl /, "printf '%s\\n' ")], {
      encoding: 'utf8',
      env: { CXONE_TOKEN: 't' }
    }).split('\n')
    expect(existsSync(marker)).toBe(false)
    expect(JSON.parse(words[words.indexOf('-d') + 1]!)).toEqual({
      published: true,
      environment: 'production',
      checksum
    })
    expect(words).toContain(
      `${emulator.url}/api/v2/studio/data-actions/${ID}/versions/${encodeURIComponent(versionId)}`
    )
  })
})
