import { CxoneClient, type CxoneClientOptions } from '../src/cxone/client.js'
import { CxoneEmulator, DEFAULT_CLIENT, type EmulatorOptions } from '../src/emulator/index.js'

export const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
export const V1_CODE = 'exports.handler = async () => ({ route: "general-queue" })\n'

/** An emulator on loopback with one data action whose v1 is live in production. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<CxoneEmulator> {
  const emulator = new CxoneEmulator({
    dataActions: [
      { id: ID, versions: [{ versionId: 'v1', actionCode: V1_CODE, liveIn: 'production' }] }
    ],
    ...options
  })
  await emulator.start()
  return emulator
}

/** An emulator on loopback with one data action per id (a release's), each with v1 live. */
export async function startReleaseEmulator(ids: readonly string[]): Promise<CxoneEmulator> {
  const emulator = new CxoneEmulator({
    dataActions: ids.map(id => ({
      id,
      versions: [
        {
          versionId: 'v1',
          actionCode: 'exports.handler = () => 1\n',
          liveIn: 'production' as const
        }
      ]
    }))
  })
  await emulator.start()
  return emulator
}

/** The real client pointed at the emulator; waits are recorded, not slept. */
export function clientFor(
  emulator: CxoneEmulator,
  overrides: Partial<CxoneClientOptions> = {}
): { client: CxoneClient; waits: number[]; retries: string[] } {
  const waits: number[] = []
  const retries: string[] = []
  const client = new CxoneClient({
    apiBaseUrl: emulator.url,
    tokenUrl: `${emulator.url}/oauth/token`,
    clientId: DEFAULT_CLIENT.clientId,
    clientSecret: DEFAULT_CLIENT.clientSecret,
    maxAttempts: 5,
    requestTimeoutMs: 2000,
    lockWaitMs: 10_000,
    sleep: async ms => {
      waits.push(ms)
    },
    onRetry: message => retries.push(message),
    ...overrides
  })
  return { client, waits, retries }
}
