// The publish section: a publish's latency against the latency the emulator injects.
import { CxoneEmulator, DEFAULT_CLIENT } from '../../dist/emulator/index.js'
import { ID, median, report, ROUNDS, runMeasured } from './common.mjs'

/**
 * Publishes against 20 ms of injected latency per request: the run's latency-ms against the
 * requests it made × 25 ms (issue 3), and its peak RSS.
 */
export async function benchPublish() {
  console.log('\n# Publish mode (issue 3): 20 ms injected latency, synchronous publishes')
  const LATENCY = 20
  const emulator = new CxoneEmulator({
    latencyMs: LATENCY,
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
  const ratios = []
  let worst = { latency: 0, requests: 0 }
  let peakAction = 0
  let peakSandbox = 0
  try {
    for (let i = 0; i < ROUNDS; i++) {
      const before = emulator.requests.length
      const { run, actionMb, sandboxMb } = await runMeasured({
        mode: 'publish',
        'action-file': 'examples/actions/lookup-customer.js',
        'dependency-manifest': 'examples/actions/package.json',
        'data-action-id': ID,
        'version-id': `bench-${i}`,
        'target-environment': 'production',
        'api-base-url': url,
        'client-id': DEFAULT_CLIENT.clientId,
        'client-secret': DEFAULT_CLIENT.clientSecret
      })
      if (run.outputs.result !== 'published') throw new Error(`publish failed:\n${run.stdout}`)
      const requests = emulator.requests.length - before
      const latency = Number(run.outputs['latency-ms'])
      ratios.push(latency / (requests * (LATENCY + 5)))
      if (latency > worst.latency) worst = { latency, requests }
      peakAction = Math.max(peakAction, actionMb)
      peakSandbox = Math.max(peakSandbox, sandboxMb)
    }
  } finally {
    await emulator.stop()
  }
  const requests = worst.requests
  console.log(
    `requests per publish: ${requests}; ideal ${requests} × ${LATENCY} ms = ${requests * LATENCY} ms; ` +
      `limit ${requests} × ${LATENCY + 5} ms = ${requests * (LATENCY + 5)} ms; ` +
      `latency-ms median ${median(ratios).toFixed(2)}× the limit, worst ${worst.latency} ms`
  )
  report('publish latency ÷ (requests × 25 ms), median', median(ratios), 1)
  report('peak RSS of a publish run (action process)', peakAction, 120, ' MB')
  console.log(`peak RSS of its sandbox child: ${peakSandbox} MB`)
}
