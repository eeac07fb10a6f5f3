// The bodies section: answers that never come whole, and a token endpoint that keeps failing.
import { CxoneEmulator, DEFAULT_CLIENT } from '../../dist/emulator/index.js'
import { node24Path } from '../node24.mjs'
import { runAction } from '../run-action.mjs'
import { ID, results } from './common.mjs'

/** Answers that never come whole (issue 9): each run ends at the cap or the deadline. */
export async function benchBodies() {
  console.log('\n# Bodies and attempts (issue 9): one publish whose read-back misbehaves')
  const emulator = new CxoneEmulator({
    dataActions: [
      {
        id: ID,
        versions: [
          { versionId: 'v1', actionCode: 'exports.handler = () => 1\n', liveIn: 'production' }
        ]
      }
    ]
  })
  const url = await emulator.start()
  const publish = (versionId, extra = {}) =>
    runAction(
      {
        mode: 'publish',
        'action-file': 'examples/actions/lookup-customer.js',
        'dependency-manifest': 'examples/actions/package.json',
        'data-action-id': ID,
        'version-id': versionId,
        'target-environment': 'production',
        'api-base-url': url,
        'client-id': DEFAULT_CLIENT.clientId,
        'client-secret': DEFAULT_CLIENT.clientSecret,
        'max-retries': '1',
        ...extra
      },
      { node: node24Path }
    )
  try {
    const clean = await publish('bodies-clean')
    const cases = [
      ['100 MB body', { kind: 'huge', bytes: 100 * 1024 * 1024 }, {}],
      [
        'body trickling 1 byte / 300 ms',
        { kind: 'trickle', everyMs: 300 },
        { 'request-timeout-ms': '2000' }
      ]
    ]
    for (const [name, fault, extra] of cases) {
      emulator.faults.clear()
      const versionId = `bodies-${fault.kind}`
      emulator.faults.add({ call: 'get', versionId, times: 1, fault })
      const run = await publish(versionId, extra)
      const read = emulator.requests.find(r => r.fault === fault.kind)
      console.log(
        `${name}${extra['request-timeout-ms'] ? ` (request-timeout-ms ${extra['request-timeout-ms']})` : ''}: ` +
          `run ${run.durationMs.toFixed(0)} ms against ${clean.durationMs.toFixed(0)} ms for a clean one; ` +
          `result ${run.outputs.result}; body read whole: ${read?.completed ? 'YES' : 'no'}`
      )
      results.push(run.outputs.result === 'rolled-back' && !read?.completed)
    }
    emulator.faults.clear()
    emulator.faults.add({ call: 'token', fault: { kind: 'status', status: 503 } })
    const before = emulator.requests.length
    const failed = await publish('bodies-token', { 'max-retries': '5' })
    console.log(
      `token answered 503 throughout, max-retries 5: ${emulator.requests.length - before} requests, ` +
        `run ${failed.durationMs.toFixed(0)} ms; result ${failed.outputs.result}`
    )
    results.push(emulator.requests.length - before === 5)
  } finally {
    await emulator.stop()
  }
}
