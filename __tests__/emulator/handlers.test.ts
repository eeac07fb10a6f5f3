import { getVersion, listVersions, patch, upload } from '../../src/emulator/handlers.js'
import type { EmulatorOptions, Fail, Send } from '../../src/emulator/types.js'
import { sha256, Tenant } from '../../src/emulator/tenant.js'

/** The data action endpoints, called directly on a tenant (no server, no tokens). */
const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'

function setUp(options: EmulatorOptions = {}) {
  const tenant = new Tenant()
  tenant.seed(ID, { versionId: 'v1', actionCode: 'a', liveIn: 'production' })
  tenant.seed(ID, { versionId: 'v2', actionCode: 'b' })
  const versions = tenant.versionsOf(ID)!
  const answers: Array<{ status: number; payload?: unknown; headers?: Record<string, string> }> = []
  const send: Send = (status, payload, headers) => void answers.push({ status, payload, headers })
  const fail: Fail = (status, error) => send(status, { error })
  const timers = new Set<NodeJS.Timeout>()
  const backend = { tenant, options, timers }
  return { tenant, versions, answers, send, fail, backend }
}

const uploadBody = (versionId: string, code: string) =>
  JSON.stringify({
    dataActionId: ID,
    versionId,
    targetEnvironment: 'production',
    checksum: sha256(code),
    dependencyMatrix: {},
    actionCode: code
  })

test('list filters by environment and by published', () => {
  const { versions, answers, send } = setUp()
  listVersions(versions, new URLSearchParams('environment=production&published=true'), send)
  listVersions(versions, new URLSearchParams('published=false'), send)
  const ids = answers.map(a =>
    (a.payload as { versions: Array<{ versionId: string }> }).versions.map(v => v.versionId)
  )
  expect(ids).toEqual([['v1'], ['v2']])
})

test('get shows the stored version, or the checksum a wrong-checksum fault says', () => {
  const { versions, answers, send } = setUp()
  getVersion(versions.get('v1')!, undefined, send)
  getVersion(versions.get('v1')!, { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }, send)
  expect(answers.map(a => (a.payload as { checksum: string }).checksum)).toEqual([
    sha256('a'),
    'f'.repeat(64)
  ])
  expect(versions.get('v1')!.checksum).toBe(sha256('a'))
})

test('upload stores a new version; the same again is no change; other code is a conflict', () => {
  const { versions, answers, send, fail } = setUp()
  upload(ID, 'v3', versions, uploadBody('v3', 'c'), send, fail)
  upload(ID, 'v3', versions, uploadBody('v3', 'c'), send, fail)
  upload(ID, 'v3', versions, uploadBody('v3', 'd'), send, fail)
  upload(ID, 'v4', versions, uploadBody('v3', 'c'), send, fail)
  expect(answers.map(a => a.status)).toEqual([201, 200, 409, 422])
  expect(versions.get('v3')).toMatchObject({ actionCode: 'c', status: 'draft' })
  expect(versions.has('v4')).toBe(false)
})

test('a synchronous publish makes the version live at once; unpublish takes it down', () => {
  const { tenant, versions, answers, send, fail, backend } = setUp()
  const change = (published: boolean, checksum = sha256('b')) =>
    patch(
      versions.get('v2')!,
      versions,
      JSON.stringify({ published, environment: 'production', ...(published ? { checksum } : {}) }),
      undefined,
      send,
      fail,
      backend
    )
  change(true, sha256('other'))
  change(true)
  expect(tenant.state(ID).live.production).toBe('v2')
  change(false)
  expect(answers.map(a => a.status)).toEqual([412, 200, 200])
  expect(tenant.state(ID).live.production).toBeNull()
})

test('a publish fault: accepted (202), nothing live meanwhile, other publishes locked, then failed', async () => {
  const { tenant, versions, answers, send, fail, backend } = setUp({ asyncPublishMs: 20 })
  const publish = (code: string) =>
    JSON.stringify({ published: true, environment: 'production', checksum: sha256(code) })
  patch(versions.get('v2')!, versions, publish('b'), { kind: 'publish-fails' }, send, fail, backend)
  expect(tenant.state(ID).live.production).toBeNull()
  patch(versions.get('v1')!, versions, publish('a'), undefined, send, fail, backend)
  expect(answers.map(a => [a.status, a.headers?.['retry-after']])).toEqual([
    [202, undefined],
    [409, '1']
  ])
  await new Promise(resolve => setTimeout(resolve, 60))
  expect(backend.timers.size).toBe(0)
  expect(versions.get('v2')).toMatchObject({ status: 'failed', environment: null })
})
