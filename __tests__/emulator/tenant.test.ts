import { sha256, Tenant, view } from '../../src/emulator/tenant.js'

/** The emulated tenant's state rules, without the HTTP server in front of them. */
const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'

test('one live version per environment: making a version live takes down the one before', () => {
  const tenant = new Tenant()
  tenant.seed(ID, { versionId: 'v1', actionCode: 'a', liveIn: 'production' })
  tenant.seed(ID, { versionId: 'v2', actionCode: 'b', liveIn: 'sandbox' })
  expect(tenant.state(ID).live).toEqual({ sandbox: 'v2', production: 'v1' })
  tenant.seed(ID, { versionId: 'v3', actionCode: 'c', liveIn: 'production' })
  expect(tenant.state(ID).live).toEqual({ sandbox: 'v2', production: 'v3' })
  expect(tenant.versionsOf(ID)?.get('v1')).toMatchObject({
    status: 'unpublished',
    published: false,
    environment: null
  })
})

test('a seeded version keeps its code and its checksum is the code’s sha256', () => {
  const tenant = new Tenant()
  const record = tenant.seed(ID, { versionId: 'v1', actionCode: 'code', dependencyMatrix: {} })
  expect(record).toMatchObject({ versionId: 'v1', checksum: sha256('code'), status: 'draft' })
  expect(tenant.codeOf(ID, 'v1')).toBe('code')
  expect(tenant.codeOf(ID, 'v9')).toBeUndefined()
})

test('takeDown ends what is live in one environment only', () => {
  const tenant = new Tenant()
  tenant.seed(ID, { versionId: 'v1', actionCode: 'a', liveIn: 'production' })
  tenant.seed(ID, { versionId: 'v2', actionCode: 'b', liveIn: 'sandbox' })
  tenant.takeDown(ID, 'production')
  expect(tenant.state(ID).live).toEqual({ sandbox: 'v2', production: null })
})

test('an unknown data action has no versions; adding one twice keeps its versions', () => {
  const tenant = new Tenant()
  expect(tenant.versionsOf(ID)).toBeUndefined()
  expect(tenant.state(ID)).toEqual({ versions: [], live: { sandbox: null, production: null } })
  tenant.seed(ID, { versionId: 'v1', actionCode: 'a' })
  tenant.addDataAction(ID)
  expect([...(tenant.versionsOf(ID)?.keys() ?? [])]).toEqual(['v1'])
})

test('a view is a copy, without the code', () => {
  const tenant = new Tenant()
  tenant.seed(ID, { versionId: 'v1', actionCode: 'a', dependencyMatrix: { axios: '1.7.9' } })
  const stored = tenant.versionsOf(ID)!.get('v1')!
  const shown = view(stored)
  shown.dependencyMatrix.axios = '0.0.0'
  expect(stored.dependencyMatrix).toEqual({ axios: '1.7.9' })
  expect(shown).not.toHaveProperty('actionCode')
})
