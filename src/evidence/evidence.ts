/**
 * src/evidence: what a run leaves behind.
 *
 * - the audit log (audit.ts): a hash-chained JSON Lines file, opened and checked before
 *   anything changes; a publish's intent record goes in before its first request to CXone,
 *   the result record after the run (run-record.ts builds both; run-record-schema.ts holds
 *   their shapes, for receivers and tests, and is never loaded by the action);
 * - the webhook (webhook.ts, webhook-signature.ts): the run record, signed per Standard
 *   Webhooks, posted when `webhook-url` is set;
 * - the job summary and the pull request comment (summary.ts, pr-comment.ts): the run's
 *   report as HTML.
 *
 * EvidenceTrail (this file) leaves them in that order; main.ts writes the job summary.
 *
 * What it must not touch: it makes no call to CXone, and it never changes a run's result.
 * Evidence that cannot be left after the run is a warning; the only things here that stop a
 * run are a corrupt or linked audit log (before anything changes) and an intent record that
 * cannot be written (then nothing is sent).
 */
import { AuditLog, AuditLogError } from './audit.js'
import { errorMessage } from '../errors.js'
import type { Config } from '../inputs.js'
import { MAX_COMMENT_CHARS, upsertPullRequestComment } from './pr-comment.js'
import type { RunReport } from '../run-report.js'
import type { Promotion } from '../cxone/publisher.js'
import type { Secrets } from '../secrets.js'
import { auditInputs, buildIntentRecord, buildRunRecord } from './run-record.js'
import { renderReport, type EvidenceNote } from './summary.js'

export interface Evidence extends EvidenceNote {
  /** Things that went wrong with the evidence; warnings, never a failed step. */
  warnings: string[]
}

/**
 * The run's evidence, first to last. Before anything changes, the audit log is opened (a
 * corrupt or linked log stops the run there) and, before a publish's first request, its
 * intent is appended: if that cannot be written, nothing is sent. At the end the result record
 * follows it, then, side by side and each only warning when it fails, the signed webhook and
 * the PR comment.
 */
export class EvidenceTrail {
  private intentHash?: string

  private constructor(
    private readonly auditLog: AuditLog,
    private readonly config: Config,
    private readonly env: NodeJS.ProcessEnv,
    private readonly secrets: Secrets
  ) {}

  /** `secrets` are kept out of every record, the webhook and the comment. */
  static async open(
    config: Config,
    env: NodeJS.ProcessEnv,
    secrets: Secrets
  ): Promise<EvidenceTrail> {
    return new EvidenceTrail(
      await AuditLog.open(config.auditLog, config.workspace),
      config,
      env,
      secrets
    )
  }

  get auditPath(): string {
    return this.auditLog.path
  }

  /** Appends the intent record; throws (and nothing may be published) when it cannot. */
  readonly writeAhead = async (promotions: readonly Promotion[]): Promise<void> => {
    try {
      const record = this.secrets.redactAll({
        ...buildIntentRecord(promotions, this.env),
        inputs: auditInputs(this.config)
      })
      this.intentHash = (await this.auditLog.append(record)).hash
    } catch (error) {
      throw new AuditLogError(
        `Nothing was published: the audit log cannot be written, and a publish leaves its intent there before it changes anything. ${errorMessage(error)}`,
        { file: this.auditLog.path }
      )
    }
  }

  /** The result record (after the intent, if any), the webhook and the PR comment. */
  async leave(report: RunReport): Promise<Evidence> {
    const { config, env, auditLog } = this
    const record = this.secrets.redactAll(buildRunRecord(report, env))
    const evidence: Evidence = { auditPath: auditLog.path, warnings: [] }
    try {
      const written = await auditLog.append({
        ...record,
        inputs: this.secrets.redactAll(auditInputs(config)),
        ...(this.intentHash ? { intentHash: this.intentHash } : {})
      })
      evidence.auditHash = written.hash
    } catch (error) {
      evidence.warnings.push(
        `The audit record of the result could not be written: ${errorMessage(error)}${this.intentHash ? ` (the intent record ${this.intentHash} stands for this run, with no result after it)` : ''}`
      )
    }

    const webhook = config.webhook
    const [sent, comment] = await Promise.allSettled([
      webhook
        ? // Loaded only when a webhook is set: a run without one needs no HTTP stack.
          import('./webhook.js').then(({ postWebhook }) =>
            postWebhook(
              { ...record, auditHash: evidence.auditHash ?? null },
              { url: webhook.url, ...(webhook.secret ? { secret: webhook.secret } : {}) }
            )
          )
        : Promise.resolve(undefined),
      config.prComment.enabled
        ? upsertPullRequestComment({
            token: config.prComment.token,
            key: config.payload.dataActionId || config.actionFile,
            body: this.secrets.redact(renderReport(report, evidence, MAX_COMMENT_CHARS - 300)),
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
}
