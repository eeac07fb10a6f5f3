import * as z from '../zod.js'
import { INTENT_SCHEMA, MODES, RESULTS, RUN_RECORD_SCHEMA } from '../constants.js'

/*
 * The shapes of the run record and the intent record, for receivers and tests to validate
 * against. The action only builds records (run-record.ts), so it never loads this module:
 * building these schemas took ~6 ms of every run.
 */

const ResultSchema = z.enum(RESULTS)

export const PhaseRecordSchema = z.object({
  name: z.string(),
  durationMs: z.int().check(z.nonnegative()),
  ok: z.boolean()
})

export const RollbackRecordSchema = z.object({
  /** `restore`: the previous version was published again; `unpublish`: none was live. */
  action: z.enum(['restore', 'unpublish']),
  versionId: z.string(),
  verified: z.boolean(),
  detail: z.string()
})

/** One data action of the run (a single publish has one; a release has several). */
export const MemberRecordSchema = z.object({
  dataActionId: z.string(),
  versionId: z.string(),
  previousVersionId: z.nullable(z.string()),
  checksum: z.nullable(z.string()),
  result: ResultSchema,
  rollback: z.nullable(RollbackRecordSchema),
  /** What is live in the environment at the end, as read back; null: nothing or unknown. */
  finalLiveVersionId: z.nullable(z.string())
})

export const RunIdentitySchema = z.object({
  repository: z.nullable(z.string()),
  sha: z.nullable(z.string()),
  ref: z.nullable(z.string()),
  actor: z.nullable(z.string()),
  workflow: z.nullable(z.string()),
  runId: z.nullable(z.string()),
  runAttempt: z.nullable(z.string()),
  runUrl: z.nullable(z.string())
})

export const RunRecordSchema = z.object({
  schema: z.literal(RUN_RECORD_SCHEMA),
  /** What happened, as one word. */
  event: ResultSchema,
  /** The run's `result` output (the same word as `event`). */
  result: ResultSchema,
  mode: z.enum(MODES),
  dataActionIds: z.array(z.string()),
  versionId: z.string(),
  previousVersionId: z.nullable(z.string()),
  environment: z.string(),
  /** sha256 of the action code (of the release, for a release). */
  checksum: z.nullable(z.string()),
  /** From the first request to verified live (or to the rollback's end). */
  latencyMs: z.nullable(z.int().check(z.nonnegative())),
  phases: z.array(PhaseRecordSchema),
  requests: z.int().check(z.nonnegative()),
  retries: z.int().check(z.nonnegative()),
  /** Requests CXone answered 429 (rate limited). */
  rateLimited: z.int().check(z.nonnegative()),
  cause: z.nullable(z.string()),
  rollback: z.nullable(RollbackRecordSchema),
  members: z.array(MemberRecordSchema),
  run: RunIdentitySchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime()
})

export const IntentRecordSchema = z.object({
  schema: z.literal(INTENT_SCHEMA),
  event: z.literal('intent'),
  environment: z.string(),
  members: z.array(
    z.object({ dataActionId: z.string(), versionId: z.string(), checksum: z.string() })
  ),
  run: RunIdentitySchema,
  at: z.iso.datetime()
})

export type IntentRecord = z.output<typeof IntentRecordSchema>

export type RunRecord = z.output<typeof RunRecordSchema>
export type MemberRecord = z.output<typeof MemberRecordSchema>
export type RunIdentity = z.output<typeof RunIdentitySchema>

/**
 * What a webhook receiver gets: the run record, plus the hash of the audit record written for
 * this run, which anchors the audit chain outside the log.
 */
export const WebhookPayloadSchema = z.extend(RunRecordSchema, {
  auditHash: z.nullable(z.string().check(z.regex(/^[0-9a-f]{64}$/)))
})
export type WebhookPayload = z.output<typeof WebhookPayloadSchema>
