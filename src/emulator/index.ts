/**
 * The local CXone, for the tests, the demo (`npm run demo`, `npm run emulator`) and the
 * benchmarks: an in-memory HTTP server on loopback that implements docs/contract.md (token,
 * upload, publish/unpublish, read-back, list, errors) with the state rules of the real thing,
 * and faults that can be injected per call. It is bundled on its own, to dist/emulator/; it is
 * never part of the action's bundle (nothing in src/ outside this folder imports it).
 *
 * - server.ts: CxoneEmulator, the HTTP server: records each request, applies its fault, the
 *   rate limit and the token check, then hands it to its endpoint's handler;
 * - tokens.ts: the OAuth side: the clients it knows, the token endpoint, the tokens issued;
 * - handlers.ts: the data action endpoints: list, get, upload, publish/unpublish;
 * - tenant.ts: the data actions, their versions and what is live in each environment;
 * - wire.ts: the paths, reading a request's body, writing an answer as a fault bends it;
 * - faults.ts: the faults that can be injected, and the plan that picks one per request.
 */
export { CxoneEmulator } from './server.js'
export type { EmulatorClient, EmulatorOptions, RecordedRequest } from './types.js'
export { DEFAULT_CLIENT } from './tokens.js'
export { sha256 } from './tenant.js'
export type { SeedVersion, VersionRecord } from './tenant.js'
export type { CallKind, Fault, FaultRule } from './faults.js'
