/* Runs a mode (validate, plan, publish; one data action or a release) and reports what it did. */
import { settleOnDrain, STALLED } from './cxone/drain-guard.js'
import type { Config } from './inputs.js'
import type { RunIo, RunReport } from './run-report.js'
import { failedReport, reportStart } from './run-common.js'
import type { Sandbox } from './sandbox/sandbox.js'
import { runSingle } from './single-run.js'

/**
 * Validates, then plans or publishes as the mode says. Run failures are in the report; a run
 * that stalls (see drain-guard.ts) ends with a failed report too, never silently.
 */
export function runPromotion(
  config: Config,
  sandbox: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  // One start for the run's report and for the report of a run that stalls.
  const started = reportStart(config)
  const manifest = config.releaseManifest
  return settleOnDrain(
    // A release's run (its pool, rate controller, publish of many) loads only for a release.
    manifest
      ? import('./release-run.js').then(({ runRelease }) =>
          runRelease(config, manifest, started, sandbox, io, cancel)
        )
      : runSingle(config, started, sandbox, io, cancel),
    async () => {
      const message = `The run failed: ${STALLED}.`
      return failedReport(started, [{ message }], message)
    }
  )
}
