/** Input names, exactly as action.yml declares them. */
export const Input = {
  Mode: 'mode',
  ActionFile: 'action-file',
  DataActionId: 'data-action-id',
  VersionId: 'version-id',
  TargetEnvironment: 'target-environment',
  DependencyManifest: 'dependency-manifest',
  DependencyPolicy: 'dependency-policy',
  SandboxTimeoutMs: 'sandbox-timeout-ms',
  MaxActionFileBytes: 'max-action-file-bytes'
} as const

/** Output names, exactly as action.yml declares them. */
export const Output = {
  Result: 'result',
  Checksum: 'checksum',
  VersionId: 'version-id'
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
