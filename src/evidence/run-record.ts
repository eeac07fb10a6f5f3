import { INTENT_SCHEMA, RUN_RECORD_SCHEMA } from '../constants.js'
import type { Config } from '../inputs.js'
import type { RunReport } from '../run-report.js'
import type { Promotion, Rollback } from '../cxone/publisher.js'
import type { IntentRecord, MemberRecord, RunIdentity, RunRecord } from './run-record-schema.js'

/** Who and what ran, from the runner's environment. */
export function runIdentity(env: NodeJS.ProcessEnv): RunIdentity {
  const value = (name: string): string | null => env[name] || null
  const server = env.GITHUB_SERVER_URL || 'https://github.com'
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : null
  return {
    repository: value('GITHUB_REPOSITORY'),
    sha: value('GITHUB_SHA'),
    ref: value('GITHUB_REF'),
    actor: value('GITHUB_ACTOR'),
    workflow: value('GITHUB_WORKFLOW'),
    runId: value('GITHUB_RUN_ID'),
    runAttempt: value('GITHUB_RUN_ATTEMPT'),
    runUrl
  }
}

/** The run record of a report: what the webhook sends and the audit log keeps. */
export function buildRunRecord(report: RunReport, env: NodeJS.ProcessEnv): RunRecord {
  const { publish, plan, release, validation, payload } = report
  const steps = publish?.phases ?? plan?.phases ?? release?.phases ?? []
  const rollbackOf = (rollback: Rollback | undefined): RunRecord['rollback'] =>
    rollback
      ? {
          action: rollback.action,
          versionId: rollback.versionId,
          verified: rollback.verified,
          detail: rollback.detail
        }
      : null
  const single = {
    dataActionId: payload.dataActionId,
    versionId: payload.versionId,
    previousVersionId: publish?.previous?.versionId ?? plan?.live?.versionId ?? null,
    checksum: validation.actionFile?.sha256 ?? null,
    result: report.result,
    rollback: rollbackOf(publish?.rollback),
    finalLiveVersionId: publish?.finalLive ?? null
  }
  const members: MemberRecord[] = release
    ? release.members.map(m => ({
        dataActionId: m.dataActionId,
        versionId: m.versionId,
        previousVersionId: m.previous?.versionId ?? null,
        checksum: m.checksum,
        result: m.result === 'not published' ? 'failed' : m.result,
        rollback: rollbackOf(m.rollback),
        finalLiveVersionId: m.finalLive ?? null
      }))
    : report.members
      ? report.members.map(m => ({
          dataActionId: m.dataActionId,
          versionId: m.versionId,
          previousVersionId: null,
          checksum: null,
          result: report.result,
          rollback: null,
          finalLiveVersionId: null
        }))
      : [single]
  return {
    schema: RUN_RECORD_SCHEMA,
    event: report.result,
    result: report.result,
    mode: report.mode,
    dataActionIds: members.map(m => m.dataActionId),
    versionId: report.members
      ? [...new Set(members.map(m => m.versionId))].join(',')
      : payload.versionId,
    previousVersionId: report.members ? null : single.previousVersionId,
    environment: payload.targetEnvironment,
    checksum: release?.checksum ?? single.checksum,
    latencyMs: publish?.latencyMs ?? release?.latencyMs ?? null,
    phases: [
      { name: 'Validate', durationMs: report.validateMs, ok: validation.problems.length === 0 },
      ...steps.map(({ name, durationMs, ok }) => ({ name, durationMs, ok }))
    ],
    requests: report.requests,
    retries: report.retries,
    rateLimited: report.rateLimited,
    cause: publish?.cause ?? release?.cause ?? report.problems[0]?.message ?? null,
    rollback: report.members ? null : single.rollback,
    members,
    run: runIdentity(env),
    startedAt: report.startedAt,
    finishedAt: report.finishedAt
  }
}

/** The intent record of a publish about to promote `promotions`. */
export function buildIntentRecord(
  promotions: readonly Promotion[],
  env: NodeJS.ProcessEnv
): IntentRecord {
  return {
    schema: INTENT_SCHEMA,
    event: 'intent',
    environment: promotions[0]?.payload.targetEnvironment ?? '',
    members: promotions.map(({ payload, checksum }) => ({
      dataActionId: payload.dataActionId,
      versionId: payload.versionId,
      checksum
    })),
    run: runIdentity(env),
    at: new Date().toISOString()
  }
}

/**
 * The inputs a run used, for the audit record. Secrets are left out, and so is the webhook
 * URL's path and query (such URLs often carry a token): only its origin is kept.
 */
export function auditInputs(config: Config): Record<string, string | number | boolean | null> {
  return {
    mode: config.mode,
    actionFile: config.actionFile,
    releaseManifest: config.releaseManifest ?? null,
    concurrency: config.concurrency,
    dataActionId: config.payload.dataActionId,
    versionId: config.payload.versionId,
    targetEnvironment: config.payload.targetEnvironment,
    dependencyManifest: config.dependencyManifest ?? null,
    dependencyPolicy: config.dependencyPolicy ?? null,
    sandboxTimeoutMs: config.sandboxTimeoutMs,
    apiBaseUrl: config.cxone?.apiBaseUrl ?? null,
    tokenUrl: config.cxone?.tokenUrl ?? null,
    maxRetries: config.cxone?.maxRetries ?? null,
    requestTimeoutMs: config.cxone?.requestTimeoutMs ?? null,
    publishTimeoutMs: config.cxone?.publishTimeoutMs ?? null,
    webhookOrigin: config.webhook ? new URL(config.webhook.url).origin : null,
    webhookSigned: Boolean(config.webhook?.secret),
    prComment: config.prComment.enabled
  }
}
