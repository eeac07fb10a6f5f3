/* The release run: one of the two runs promotion.ts dispatches to (single-run.ts). */
import { Input } from './constants.js'
import { problemsOf } from './errors.js'
import type { Config } from './inputs.js'
import { RateController } from './cxone/rate-controller.js'
import { publishRelease, type ReleaseOutcome } from './cxone/release.js'
import type { RunIo, RunReport } from './run-report.js'
import { validateMembers } from './release-validation.js'
import {
  aggregate,
  createClient,
  failedReport,
  movedWarning,
  now,
  promotionOf,
  publishSettings,
  type RunStart,
  type Validated
} from './run-common.js'
import { parseReleaseManifest, type ReleaseMember } from './validate/release-manifest.js'
import type { Sandbox } from './sandbox/sandbox.js'
import type { CheckResult, ValidationReport } from './validate/report.js'
import { MAX_STRUCTURED_FILE_BYTES } from './validate/validate.js'
import { readWorkspaceFile } from './validate/workspace-file.js'

/**
 * A release: every member validated (in parallel, bounded by the cores), and only when all
 * pass, promoted together, all or none, under one rate controller.
 */
export async function runRelease(
  config: Config,
  manifestPath: string,
  base: RunStart,
  prestarted: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  const validateStarted = performance.now()
  let members: ReleaseMember[]
  try {
    members = await readMembers(config, manifestPath)
  } catch (error) {
    prestarted.dispose()
    const problems = problemsOf(error)
    return failedReport(
      base,
      problems,
      `The release manifest ${manifestPath} has ${problems.length} problem(s).`,
      Math.round(performance.now() - validateStarted)
    )
  }

  const reports = await io.group(`Validate ${members.length} data actions`, () =>
    validateMembers(config, members, prestarted, io, cancel)
  )
  const validation = releaseValidation(members, reports)
  const validated = {
    ...base,
    members,
    validation,
    validateMs: Math.round(performance.now() - validateStarted)
  }
  const { checks, problems } = validation
  const failing = checks.filter(c => c.status === 'fail').length
  if (problems.length > 0 || config.mode === 'validate') {
    return {
      ...validated,
      result: problems.length > 0 ? 'failed' : 'validated',
      headline:
        problems.length > 0
          ? `${failing} of ${members.length} data actions failed validation; nothing was sent to CXone.`
          : `All ${members.length} data actions of the release passed every check.`,
      problems,
      finishedAt: now()
    }
  }

  return promoteRelease(config, validated, reports, io, cancel)
}

/** The release manifest's members, read and checked. */
async function readMembers(config: Config, manifestPath: string): Promise<ReleaseMember[]> {
  const file = await readWorkspaceFile(config.workspace, manifestPath, {
    input: Input.ReleaseManifest,
    maxBytes: MAX_STRUCTURED_FILE_BYTES
  })
  return parseReleaseManifest(file, config.payload.versionId, config.mode !== 'validate')
}

/** The members' reports as one: a check row per member, each problem named by its member. */
function releaseValidation(
  members: ReleaseMember[],
  reports: ValidationReport[]
): ValidationReport {
  const checks: CheckResult[] = members.map((member, i) => {
    const report = reports[i]
    const problems = report?.problems ?? []
    return {
      name: `${member.dataActionId} ${member.versionId}`,
      status: problems.length === 0 ? 'pass' : 'fail',
      detail:
        problems.length === 0
          ? `${member.actionFile}: every check passed`
          : problems.map(p => p.message).join('; ')
    }
  })
  const problems = members.flatMap((member, i) =>
    (reports[i]?.problems ?? []).map(p => ({
      ...p,
      message: `[${member.dataActionId}] ${p.message}`
    }))
  )
  return aggregate(checks, problems)
}

/**
 * Publish mode, once every member passed every check: all promoted together, all or none, by
 * one CXone client under one rate controller.
 */
async function promoteRelease(
  config: Config,
  validated: Validated & { members: ReleaseMember[] },
  reports: ValidationReport[],
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  const { cxone } = config
  if (!cxone) throw new Error('publish mode without CXone settings')
  const promotions = reports.map(promotionOf)
  await io.writeAhead?.(promotions)
  const rate = new RateController({ maxInFlight: config.concurrency })
  const client = await createClient(cxone, io, rate)
  try {
    const release = await io.group(`Publish ${validated.members.length} data actions`, () =>
      publishRelease(client, promotions, publishSettings(cxone, io, cancel))
    )
    const failed = release.result === 'rolled-back' || release.result === 'failed'
    return {
      ...validated,
      ...client.stats,
      release,
      result: release.result,
      headline: releaseHeadline(release),
      problems: failed ? [{ message: releaseFailure(release) }] : [],
      warnings: release.members.flatMap(m =>
        m.result === 'published' && m.movedFrom
          ? [
              `${m.dataActionId}: ${movedWarning(m.versionId, m.movedFrom, config.payload.targetEnvironment)}`
            ]
          : []
      ),
      finishedAt: now()
    }
  } finally {
    client.dispose()
  }
}

function releaseHeadline(release: ReleaseOutcome): string {
  const n = release.members.length
  const count = (result: string): number => release.members.filter(m => m.result === result).length
  switch (release.result) {
    case 'published':
      return `Released ${n} data actions: ${count('published')} published and verified live, ${count('unchanged')} unchanged, in ${release.latencyMs} ms.`
    case 'unchanged':
      return `Released ${n} data actions: all were already live with this code; nothing to do.`
    case 'rolled-back':
      return `The release of ${n} data actions failed and was rolled back: every member is back to what was live before (verified).`
    default:
      return `The release of ${n} data actions failed: ${release.cause ?? ''}`
  }
}

function releaseFailure(release: ReleaseOutcome): string {
  const cause = `The release failed: ${release.cause ?? 'unknown cause'}.`
  // Restored and verified, but a publish that got no answer may still land after the read.
  const landing = release.members.filter(m => m.rollback?.mayStillLand)
  const late =
    landing.length > 0
      ? [
          `The publish of ${landing.map(m => `${m.versionId} of ${m.dataActionId}`).join(', ')} got no answer: should CXone still carry it out, it goes live unverified (check with mode: plan).`
        ]
      : []
  if (release.result === 'rolled-back') {
    const restored = release.members.filter(m => m.rollback?.verified).length
    return [
      `${cause} Rolled back: ${restored} member(s) restored to what was live before (verified).`,
      ...late
    ].join(' ')
  }
  const superseded = release.members.filter(m => m.supersededBy)
  const broken = release.members.filter(m => m.rollback && !m.rollback.verified && !m.supersededBy)
  return [
    cause,
    ...(superseded.length > 0
      ? [
          `NOT ROLLED BACK, another run's version is live for ${superseded
            .map(m => `${m.dataActionId} (${m.supersededBy ?? ''})`)
            .join(', ')}: left as it is.`
        ]
      : []),
    ...(broken.length > 0
      ? [
          `ROLLBACK INCOMPLETE for ${broken.map(m => m.dataActionId).join(', ')}: ${broken
            .map(
              m =>
                `${m.dataActionId}: ${m.rollback?.detail ?? ''} To fix by hand: ${m.manualFix ?? ''}`
            )
            .join(' | ')}`
        ]
      : []),
    ...late
  ].join(' ')
}
