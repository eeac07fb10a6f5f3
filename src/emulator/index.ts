export { CxoneEmulator, DEFAULT_CLIENT, sha256 } from './server.js'
export type {
  EmulatorClient,
  EmulatorOptions,
  RecordedRequest,
  SeedVersion,
  VersionRecord
} from './server.js'
export type { CallKind, Fault, FaultRule } from './faults.js'
