import type { Mode, Result } from './constants.js'
import { CxoneClient } from './cxone-client.js'
import type { Problem } from './errors.js'
import type { Config, CxoneSettings } from './inputs.js'
import { planVersion, type PlanOutcome } from './plan.js'
import { publishVersion, type Promotion, type PublishOutcome } from './publisher.js'
import type { Sandbox } from './sandbox.js'
import { validate, type ValidationReport } from './validate.js'

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
  validation: ValidationReport
  validateMs: number
  publish?: PublishOutcome
  plan?: PlanOutcome
  requests: number
  retries: number
  startedAt: string
  finishedAt: string
}

/** The shell's hands: logging, masking and log groups (@actions/core in the action). */
export interface RunIo {
  log: (line: string) => void
  mask: (secret: string) => void
  group: <T>(name: string, fn: () => Promise<T>) => Promise<T>
}

/** Validates, then plans or publishes as the mode says. Run failures are in the report. */
export async function runPromotion(
  config: Config,
  sandbox: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  const startedAt = new Date().toISOString()
  const validateStarted = performance.now()
  const validation = await io.group('Validate', async () => {
    const report = await validate(config, sandbox)
    for (const check of report.checks)
      io.log(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`)
    return report
  })
  const base = {
    mode: config.mode,
    payload: config.payload,
    validation,
    validateMs: Math.round(performance.now() - validateStarted),
    warnings: [],
    requests: 0,
    retries: 0,
    startedAt
  }
  const finished = (): string => new Date().toISOString()
  if (validation.problems.length > 0 || config.mode === 'validate') {
    const failed = validation.problems.length > 0
    return {
      ...base,
      result: failed ? 'failed' : 'validated',
      headline: failed
        ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
        : `${config.actionFile} passed every check.`,
      problems: validation.problems,
      finishedAt: finished()
    }
  }

  const { payload, actionFile } = validation
  if (!config.cxone || !payload || !actionFile)
    throw new Error('validation passed without a payload')
  const promotion: Promotion = {
    payload,
    actionCode: actionFile.text,
    checksum: actionFile.sha256,
    dependencyMatrix: validation.dependencyMatrix
  }
  const client = createClient(config.cxone, io)
  const what = `${payload.versionId} of ${payload.dataActionId} to ${payload.targetEnvironment}`
  try {
    if (config.mode === 'plan') {
      const plan = await io.group('Plan', () =>
        planVersion(
          client,
          promotion,
          { workspace: config.workspace, actionFile: actionFile.path },
          io.log
        )
      )
      const conflict = plan.change === 'conflict'
      return {
        ...base,
        ...client.stats,
        plan,
        result: conflict ? 'failed' : 'planned',
        headline: planHeadline(what, plan),
        problems: conflict
          ? [
              {
                message: `Plan: version ${payload.versionId} of ${payload.dataActionId} already exists with other code (checksum ${plan.existing?.checksum}); publishing it would fail. Use a new version id.`
              }
            ]
          : [],
        warnings: plan.drift.state === 'drift' ? [`Drift: ${plan.drift.detail}`] : [],
        finishedAt: finished()
      }
    }
    const outcome = await io.group('Publish', () =>
      publishVersion(client, promotion, {
        publishTimeoutMs: config.cxone?.publishTimeoutMs ?? 120_000,
        ...(cancel ? { cancel } : {}),
        log: io.log
      })
    )
    const failed = outcome.result === 'rolled-back' || outcome.result === 'failed'
    return {
      ...base,
      ...client.stats,
      publish: outcome,
      result: outcome.result,
      headline: publishHeadline(what, outcome),
      problems: failed ? [{ message: publishFailure(what, outcome) }] : [],
      finishedAt: finished()
    }
  } finally {
    client.dispose()
  }
}

function createClient(settings: CxoneSettings, io: RunIo): CxoneClient {
  return new CxoneClient({
    apiBaseUrl: settings.apiBaseUrl,
    tokenUrl: settings.tokenUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    maxAttempts: settings.maxRetries,
    requestTimeoutMs: settings.requestTimeoutMs,
    lockWaitMs: settings.publishTimeoutMs,
    mask: io.mask,
    onRetry: io.log
  })
}

function planHeadline(what: string, plan: PlanOutcome): string {
  const drift =
    plan.drift.state === 'drift'
      ? ' Drift: the live version was not released from this repository.'
      : ''
  switch (plan.change) {
    case 'unchanged':
      return `Plan for ${what}: already live with this code; a publish would change nothing.${drift}`
    case 'conflict':
      return `Plan for ${what}: the version id exists with other code; a publish would fail.${drift}`
    case 'publish uploaded version':
      return `Plan for ${what}: the version was uploaded before; a publish would make it live, replacing ${plan.live?.versionId ?? 'nothing'}.${drift}`
    default:
      return `Plan for ${what}: a new version would be uploaded and made live, replacing ${plan.live?.versionId ?? 'nothing'}.${drift}`
  }
}

function publishHeadline(what: string, outcome: PublishOutcome): string {
  switch (outcome.result) {
    case 'published':
      return `Published ${what}; verified live in ${outcome.latencyMs} ms.`
    case 'unchanged':
      return `${what}: already live with this checksum; nothing to do.`
    case 'rolled-back':
      return `Publishing ${what} failed and was rolled back: ${outcome.rollback?.detail ?? ''}`
    default:
      return `Publishing ${what} failed: ${outcome.cause ?? ''}`
  }
}

function publishFailure(what: string, outcome: PublishOutcome): string {
  const cause = `Publishing ${what} failed: ${outcome.cause ?? 'unknown cause'}.`
  if (!outcome.rollback) return cause
  if (outcome.rollback.verified) return `${cause} Rolled back: ${outcome.rollback.detail}.`
  return `${cause} ROLLBACK INCOMPLETE: ${outcome.rollback.detail}. To fix by hand: ${outcome.manualFix ?? ''}`
}
