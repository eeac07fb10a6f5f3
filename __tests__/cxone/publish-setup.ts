import type { Promotion, PublishSettings } from '../../src/cxone/publisher.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { ID } from '../emulated.js'

/* Shared by the tests of a publish (publisher.ts) and of its transaction (transaction.ts). */

export const V2_CODE = 'exports.handler = async () => ({ route: "priority-queue" })\n'
export const promotion = (
  versionId = 'v2',
  code = V2_CODE,
  env: 'sandbox' | 'production' = 'production'
): Promotion => ({
  payload: { dataActionId: ID, versionId, targetEnvironment: env },
  actionCode: code,
  checksum: sha256(code),
  dependencyMatrix: { lodash: '4.17.21' }
})
export const settings: PublishSettings = { publishTimeoutMs: 5000 }

/** The calls the emulator answered, in order: `call versionId status`. */
export const callsOf = (emulator: CxoneEmulator) =>
  emulator.requests.map(r => `${r.call}${r.versionId ? ` ${r.versionId}` : ''} ${r.status}`)
/** The version live in production. */
export const liveOf = (emulator: CxoneEmulator) => emulator.state(ID).live.production
