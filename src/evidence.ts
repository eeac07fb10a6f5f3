import type { AuditLog } from './audit.js'
import { errorMessage } from './errors.js'
import type { Config } from './inputs.js'
import { MAX_COMMENT_CHARS, upsertPullRequestComment } from './pr-comment.js'
import type { RunReport } from './promotion.js'
import { auditInputs, buildRunRecord } from './run-record.js'
import { renderReport, type EvidenceNote } from './summary.js'
import { postWebhook } from './webhook.js'

export interface Evidence extends EvidenceNote {
  /** Things that went wrong with the evidence; warnings, never a failed step. */
  warnings: string[]
}

/**
 * Leaves the run's evidence: first the audit record (its hash anchors the chain), then, side
 * by side and each only warning when it fails, the signed webhook and the PR comment.
 */
export async function leaveEvidence(
  report: RunReport,
  config: Config,
  auditLog: AuditLog,
  env: NodeJS.ProcessEnv
): Promise<Evidence> {
  const record = buildRunRecord(report, env)
  const evidence: Evidence = { auditPath: auditLog.path, warnings: [] }
  try {
    const written = await auditLog.append({ ...record, inputs: auditInputs(config) })
    evidence.auditHash = written.hash
  } catch (error) {
    evidence.warnings.push(`The audit record could not be written: ${errorMessage(error)}`)
  }

  const webhook = config.webhook
  const [sent, comment] = await Promise.allSettled([
    webhook
      ? postWebhook(
          { ...record, auditHash: evidence.auditHash ?? null },
          { url: webhook.url, ...(webhook.secret ? { secret: webhook.secret } : {}) }
        )
      : Promise.resolve(undefined),
    config.prComment.enabled
      ? upsertPullRequestComment({
          token: config.prComment.token,
          key: config.payload.dataActionId || config.actionFile,
          body: renderReport(report, evidence, MAX_COMMENT_CHARS - 300),
          env
        })
      : Promise.resolve(undefined)
  ])
  if (webhook) {
    evidence.webhook =
      sent.status === 'fulfilled'
        ? `delivered (${sent.value})`
        : `not delivered: ${errorMessage(sent.reason)}`
    if (sent.status === 'rejected') {
      evidence.warnings.push(`The webhook was not delivered: ${errorMessage(sent.reason)}`)
    }
  }
  if (comment.status === 'rejected') {
    evidence.warnings.push(
      `The pull request comment was not posted: ${errorMessage(comment.reason)}`
    )
  }
  return evidence
}
