/* The release run: one of the two runs promotion.ts dispatches to (single-run.ts). */
import { setMaxListeners } from 'node:events'
import { Input } from './constants.js'
import { deadline } from './http/deadline.js'
import { problemsOf } from './errors.js'
import type { Config } from './inputs.js'
import { RateController } from './cxone/rate-controller.js'
import { publishRelease, type ReleaseOutcome } from './cxone/release.js'
import type { RunIo, RunReport } from './promotion.js'
import {
  aggregate,
  createClient,
  movedWarning,
  now,
  promotionOf,
  publishSettings,
  reportStart,
  type Validated
} from './run-common.js'
import { parseReleaseManifest, type ReleaseMember } from './validate/release-manifest.js'
import { Sandbox, SandboxPool, sandboxChildren } from './sandbox/sandbox.js'
import {
  finishValidation,
  type CheckResult,
  type PreparedValidation,
  type ValidationReport
} from './validate/report.js'
import {
  loadPolicy,
  MAX_RELEASE_CODE_BYTES,
  MAX_STRUCTURED_FILE_BYTES,
  ValidationFiles,
  prepareValidation,
  type LoadedPolicy
} from './validate/validate.js'
import { readWorkspaceFile } from './validate/workspace-file.js'

/**
 * A release: every member validated (in parallel, bounded by the cores), and only when all
 * pass, promoted together, all or none, under one rate controller.
 */
export async function runRelease(
  config: Config,
  manifestPath: string,
  prestarted: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<RunReport> {
  const base = reportStart(config)
  const validateStarted = performance.now()
  let members: ReleaseMember[]
  try {
    members = await readMembers(config, manifestPath)
  } catch (error) {
    prestarted.dispose()
    const problems = problemsOf(error)
    return {
      ...base,
      validation: aggregate([], problems),
      validateMs: Math.round(performance.now() - validateStarted),
      result: 'failed',
      headline: `The release manifest ${manifestPath} has ${problems.length} problem(s).`,
      problems,
      finishedAt: now()
    }
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

/**
 * Validates every member of a release: all files are read and parsed first, then the code is
 * evaluated by a pool of sandbox children under one budget for the whole release. A member
 * not evaluated when the budget runs out (or the job is cancelled) fails, named.
 */
async function validateMembers(
  config: Config,
  members: ReleaseMember[],
  prestarted: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<ValidationReport[]> {
  // The budget covers reading and parsing the members' files as well as evaluating them.
  const { signal, clear } = deadline(config.validationTimeoutMs, cancel)
  // Every member waiting for a sandbox listens to it: not a leak.
  setMaxListeners(0, signal)
  const policy = await loadPolicy(config, config.payload.targetEnvironment)
  const prepared = await prepareMembers(config, members, policy, signal)
  const pool = new SandboxPool(sandboxChildren(), prestarted)
  try {
    return await Promise.all(
      prepared.map(async (ready, i) => {
        const member = members[i] as ReleaseMember
        const notValidated = (
          base: PreparedValidation = {
            checks: [],
            problems: [],
            declaredNames: new Set(),
            rules: policy.rules,
            declared: [],
            dependencyMatrix: {}
          }
        ): ValidationReport => {
          const why = cancel?.aborted
            ? 'the job was cancelled'
            : `the release's validation ran out of time (${Input.ValidationTimeoutMs}: ${config.validationTimeoutMs})`
          return finishValidation({
            ...base,
            problems: [
              ...base.problems,
              { message: `${member.actionFile} was not validated: ${why}` }
            ]
          })
        }
        const file = ready?.actionFile
        let report: ValidationReport
        if (!ready) {
          report = notValidated()
        } else if (!file) {
          report = finishValidation(ready)
        } else {
          try {
            const evaluated = await pool.evaluate(
              file.text,
              file.path,
              config.sandboxTimeoutMs,
              signal
            )
            report = finishValidation(ready, evaluated, config.sandboxTimeoutMs)
          } catch {
            report = notValidated(ready)
          }
        }
        io.log(
          `${report.problems.length === 0 ? 'pass' : 'fail'}    ${member.dataActionId} (${member.actionFile})`
        )
        return report
      })
    )
  } finally {
    clear()
    pool.dispose()
  }
}

/**
 * Reads and parses the members' files, one member after another, while the budget lasts: a
 * member not reached by then is undefined.
 */
async function prepareMembers(
  config: Config,
  members: ReleaseMember[],
  policy: LoadedPolicy,
  signal: AbortSignal
): Promise<Array<PreparedValidation | undefined>> {
  const files = new ValidationFiles(MAX_RELEASE_CODE_BYTES)
  const prepared: Array<PreparedValidation | undefined> = []
  for (const member of members) {
    prepared.push(
      signal.aborted
        ? undefined
        : await prepareValidation(
            config,
            {
              actionFile: member.actionFile,
              namedBy: Input.ReleaseManifest,
              payload: {
                dataActionId: member.dataActionId,
                versionId: member.versionId,
                targetEnvironment: config.payload.targetEnvironment
              },
              ...(member.dependencyManifest
                ? { dependencyManifest: member.dependencyManifest }
                : {})
            },
            policy,
            files
          )
    )
  }
  return prepared
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
  if (release.result === 'rolled-back') {
    const restored = release.members.filter(m => m.rollback?.verified).length
    return `${cause} Rolled back: ${restored} member(s) restored to what was live before (verified).`
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
      : [])
  ].join(' ')
}
