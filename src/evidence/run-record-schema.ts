import { z } from 'zod'
import { INTENT_SCHEMA, MODES, RESULTS, RUN_RECORD_SCHEMA } from '../constants.js'

/*
 * The shapes of the run record and the intent record, for receivers and tests to validate
 * against. The action only builds records (run-record.ts), so it never loads this module:
 * building these schemas took ~6 ms of every run.
 */

const ResultSchema = z.enum(RESULTS)

export const PhaseRecordSchema = z.object({
  name: z.string(),
  durationMs: z.number().int().nonnegative(),
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
  previousVersionId: z.string().nullable(),
  checksum: z.string().nullable(),
  result: ResultSchema,
  rollback: RollbackRecordSchema.nullable(),
  /** What is live in the environment at the end, as read back; null: nothing or unknown. */
  finalLiveVersionId: z.string().nullable()
})

export const RunIdentitySchema = z.object({
  repository: z.string().nullable(),
  sha: z.string().nullable(),
  ref: z.string().nullable(),
  actor: z.string().nullable(),
  workflow: z.string().nullable(),
  runId: z.string().nullable(),
  runAttempt: z.string().nullable(),
  runUrl: z.string().nullable()
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
  previousVersionId: z.string().nullable(),
  environment: z.string(),
  /** sha256 of the action code (of the release, for a release). */
  checksum: z.string().nullable(),
  /** From the first request to verified live (or to the rollback's end). */
  latencyMs: z.number().int().nonnegative().nullable(),
  phases: z.array(PhaseRecordSchema),
  requests: z.number().int().nonnegative(),
  retries: z.number().int().nonnegative(),
  /** Requests CXone answered 429 (rate limited). */
  rateLimited: z.number().int().nonnegative(),
  cause: z.string().nullable(),
  rollback: RollbackRecordSchema.nullable(),
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
export const WebhookPayloadSchema = RunRecordSchema.extend({
  auditHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable()
})
export type WebhookPayload = z.output<typeof WebhookPayloadSchema>
