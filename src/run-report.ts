/* What a run reports (outputs, summary, comment, webhook, audit) and the shell's hands it is given. */
import type { Mode, Result } from './constants.js'
import type { PlanOutcome } from './cxone/plan.js'
import type { Promotion, PublishOutcome } from './cxone/publisher.js'
import type { ReleaseOutcome } from './cxone/release.js'
import type { Problem } from './errors.js'
import type { Config } from './inputs.js'
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

/** The shell's hands: logging, masking, log groups (workflow.ts in the action), evidence. */
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
