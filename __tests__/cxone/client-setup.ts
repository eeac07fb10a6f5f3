import type { CxoneClient, CxoneError } from '../../src/cxone/client.js'
import { sha256, type CxoneEmulator } from '../../src/emulator/index.js'
import { ID } from '../emulated.js'

/* Shared by the tests of the CXone client's files: the real client against the emulator. */

/** The calls the emulator answered, in order: `call status`. */
export const callsOf = (emulator: CxoneEmulator) =>
  emulator.requests.map(r => `${r.call} ${r.status}`)
/** How messages name a request: method, host and path (never the query). */
export const atOf = (emulator: CxoneEmulator, method: string, path: string) =>
  `${method} ${new URL(emulator.url).host}${path}`
export const versionPath = (versionId: string) =>
  `/api/v2/studio/data-actions/${ID}/versions/${versionId}`
export const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e as CxoneError
  )
export const upload = (client: CxoneClient, code = 'exports.handler = () => 2', versionId = 'v2') =>
  client.upload({
    dataActionId: ID,
    versionId,
    targetEnvironment: 'production',
    checksum: sha256(code),
    dependencyMatrix: { lodash: '4.17.21' },
    actionCode: code
  })
