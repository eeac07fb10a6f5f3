/* Runs a mode (validate, plan, publish; one data action or a release) and reports what it did. */
import type { Mode, Result } from './constants.js'
import { settleOnDrain, STALLED } from './cxone/drain-guard.js'
import type { Problem } from './errors.js'
import type { Config } from './inputs.js'
import type { PlanOutcome } from './cxone/plan.js'
import type { Promotion, PublishOutcome } from './cxone/publisher.js'
import type { ReleaseOutcome } from './cxone/release.js'
import { runRelease } from './release-run.js'
import { aggregate, now, reportStart } from './run-common.js'
import type { Sandbox } from './sandbox/sandbox.js'
import { runSingle } from './single-run.js'
import type { ReleaseMember } from './validate/release-manifest.js'
import type { ValidationReport } from './validate/report.js'

/** Everything one run found and did, for outputs, summary, comment, webhook and audit. */
export interface RunReport {
  mode: Mode
  result: Result
  /** One line saying what happened. */
  headline: string
  /** What fails the step, one annotation each; empty when it passes. */
  problems: Problem[]
  /** Things worth a warning that do not fail the step (drift). */
  warnings: string[]
  payload: Config['payload']
  /** The release manifest's path, for a release run. */
  releaseManifest?: string
  validation: ValidationReport
  validateMs: number
  publish?: PublishOutcome
  plan?: PlanOutcome
  release?: ReleaseOutcome
  /** The data actions of a release, as validated. */
  members?: ReleaseMember[]
  /** 429 responses the run met. */
  rateLimited: number
  requests: number
  retries: number
  startedAt: string
  finishedAt: string
}

/** The shell's hands: logging, masking, log groups (@actions/core in the action), evidence. */
export interface RunIo {
  log: (line: string) => void
  mask: (secret: string) => void
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>
  /**
   * Records what is about to be published, before the first request to CXone; when it
   * throws, nothing is sent. (The audit log's write-ahead intent record.)
   */
  writeAhead?: (promotions: readonly Promotion[]) => Promise<void>
}

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
  const started = reportStart(config)
  return settleOnDrain(
    config.releaseManifest
      ? runRelease(config, config.releaseManifest, sandbox, io, cancel)
      : runSingle(config, sandbox, io, cancel),
    async () => {
      const problems = [{ message: `The run failed: ${STALLED}.` }]
      return {
        ...started,
        validation: aggregate([], problems),
        validateMs: 0,
        result: 'failed',
        headline: `The run failed: ${STALLED}.`,
        problems,
        finishedAt: now()
      }
    }
  )
}
