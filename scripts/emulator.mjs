// `npm run emulator`: a local CXone on loopback, for trying the action by hand.
// Options (environment): EMULATOR_PORT, EMULATOR_LATENCY_MS, EMULATOR_PUBLISH=sync|async.
import { CxoneEmulator, DEFAULT_CLIENT } from '../dist/emulator/index.js'

const DATA_ACTION = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const emulator = new CxoneEmulator({
  port: Number(process.env.EMULATOR_PORT ?? 0),
  latencyMs: Number(process.env.EMULATOR_LATENCY_MS ?? 0),
  publish: process.env.EMULATOR_PUBLISH === 'async' ? 'async' : 'sync',
  dataActions: [
    {
      id: DATA_ACTION,
      versions: [
        { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' }
      ]
    }
  ]
})
const url = await emulator.start()
console.log(url)
console.error(
  `CXone emulator listening. Data action ${DATA_ACTION} has v1 live in production.\n` +
    `Use api-base-url: ${url}, client-id: ${DEFAULT_CLIENT.clientId}, client-secret: ${DEFAULT_CLIENT.clientSecret}. Ctrl-C stops it.`
)
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void emulator.stop())
