/* The single-action run: one of the two runs promotion.ts dispatches to (release-run.ts). */
import type { Config } from './inputs.js'
import type { PlanOutcome } from './cxone/plan.js'
import type { PublishOutcome } from './cxone/publisher.js'
import type { RunIo, RunReport } from './run-report.js'
import {
  createClient,
  movedWarning,
  now,
  promotionOf,
  publishSettings,
  type RunStart,
  type Validated
} from './run-common.js'
import type { Sandbox } from './sandbox/sandbox.js'
import { validate } from './validate/validate.js'

/** The run of one data action: validated, then planned or published as the mode says. */
export async function runSingle(
  config: Config,
  started: RunStart,
  sandbox: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  const validateStarted = performance.now()
  const validation = await io.group('Validate', async () => {
    const report = await validate(config, sandbox, cancel)
    for (const check of report.checks)
      io.log(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`)
    return report
  })
  const base = {
    ...started,
    validation,
    validateMs: Math.round(performance.now() - validateStarted)
  }
  if (validation.problems.length > 0 || config.mode === 'validate') {
    const failed = validation.problems.length > 0
    return {
      ...base,
      result: failed ? 'failed' : 'validated',
      headline: failed
        ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
        : `${config.actionFile} passed every check.`,
      problems: validation.problems,
      finishedAt: now()
    }
  }
  return promoteSingle(config, base, io, cancel)
}

/** Plan or publish mode, once the data action passed every check: one CXone client. */
async function promoteSingle(
  config: Config,
  base: Validated,
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  const { validation } = base
  const { cxone } = config
  if (!cxone) throw new Error(`${config.mode} mode without CXone settings`)
  const promotion = promotionOf(validation)
  const { payload } = promotion
  if (config.mode === 'publish') await io.writeAhead?.([promotion])
  const client = await createClient(cxone, io)
  const what = `${payload.versionId} of ${payload.dataActionId} to ${payload.targetEnvironment}`
  try {
    // Loaded for the mode that uses them: a validate run (the PR gate) compiles none of it.
    if (config.mode === 'plan') {
      const { planVersion } = await import('./cxone/plan.js')
      const plan = await io.group('Plan', () =>
        planVersion(
          client,
          promotion,
          { workspace: config.workspace, actionFile: validation.actionFile?.path ?? '' },
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
        finishedAt: now()
      }
    }
    const { publishVersion } = await import('./cxone/publisher.js')
    const outcome = await io.group('Publish', () =>
      publishVersion(client, promotion, publishSettings(cxone, io, cancel))
    )
    const failed = outcome.result === 'rolled-back' || outcome.result === 'failed'
    return {
      ...base,
      ...client.stats,
      publish: outcome,
      result: outcome.result,
      headline: publishHeadline(what, outcome),
      problems: failed ? [{ message: publishFailure(what, outcome) }] : [],
      warnings:
        outcome.result === 'published' && outcome.movedFrom
          ? [movedWarning(payload.versionId, outcome.movedFrom, payload.targetEnvironment)]
          : [],
      finishedAt: now()
    }
  } finally {
    client.dispose()
  }
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
  if (outcome.supersededBy) return `${cause} NOT ROLLED BACK: ${outcome.rollback.detail}.`
  return `${cause} ROLLBACK INCOMPLETE: ${outcome.rollback.detail}. To fix by hand: ${outcome.manualFix ?? ''}`
}
