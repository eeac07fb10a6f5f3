/** Input names, exactly as action.yml declares them. */
export const Input = {
  Mode: 'mode',
  ClientId: 'client-id',
  ClientSecret: 'client-secret',
  Region: 'region',
  ApiBaseUrl: 'api-base-url',
  TokenUrl: 'token-url',
  ActionFile: 'action-file',
  DataActionId: 'data-action-id',
  VersionId: 'version-id',
  TargetEnvironment: 'target-environment',
  DependencyManifest: 'dependency-manifest',
  DependencyPolicy: 'dependency-policy',
  SandboxTimeoutMs: 'sandbox-timeout-ms',
  ValidationTimeoutMs: 'validation-timeout-ms',
  MaxActionFileBytes: 'max-action-file-bytes',
  MaxRetries: 'max-retries',
  RequestTimeoutMs: 'request-timeout-ms',
  PublishTimeoutMs: 'publish-timeout-ms',
  WebhookUrl: 'webhook-url',
  WebhookSecret: 'webhook-secret',
  AuditLog: 'audit-log',
  GithubToken: 'github-token',
  PrComment: 'pr-comment',
  ReleaseManifest: 'release-manifest',
  Concurrency: 'concurrency'
} as const

/** Inputs whose values are masked in the log before anything else happens. */
export const SECRET_INPUTS = [
  Input.ClientId,
  Input.ClientSecret,
  Input.WebhookSecret,
  Input.GithubToken
] as const

/** Output names, exactly as action.yml declares them. */
export const Output = {
  Result: 'result',
  Checksum: 'checksum',
  LatencyMs: 'latency-ms',
  Published: 'published',
  RolledBack: 'rolled-back',
  VersionId: 'version-id',
  PreviousVersionId: 'previous-version-id',
  AuditHash: 'audit-hash',
  AuditLogPath: 'audit-log-path'
} as const

export const MODES = ['validate', 'plan', 'publish'] as const
export type Mode = (typeof MODES)[number]

export const RESULTS = [
  'validated',
  'planned',
  'published',
  'unchanged',
  'rolled-back',
  'failed'
] as const
export type Result = (typeof RESULTS)[number]

/**
 * The facts of one run, as the webhook sends them and the audit log keeps them. Versioned:
 * a receiver can rely on every field of `cxone-publish-action/run@1`; a change that removes
 * or retypes a field gets a new schema name.
 */
export const RUN_RECORD_SCHEMA = 'cxone-publish-action/run@1'

/**
 * The audit log's write-ahead record of a publish, appended before its first request to
 * CXone: what the run is about to change. Its result record follows (carrying `intentHash`);
 * an intent with no result after it is a run that was killed or is still going.
 */
export const INTENT_SCHEMA = 'cxone-publish-action/intent@1'
