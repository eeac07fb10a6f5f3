import { resolve } from 'node:path'
import * as z from './zod.js'
import { Input, MODES, type Mode } from './constants.js'
import { defaultApiBase, defaultTokenUrl } from './cxone/hosts.js'
import { InputError, ProblemsError } from './errors.js'
import { checkSecureUrl } from './http/secure-url.js'
import { webhookKey } from './evidence/webhook-signature.js'

/** Everything the run needs from its inputs, read once and checked before any side effect. */
export interface Config {
  /** `validate` checks only; `publish` also promotes the version. */
  readonly mode: Mode
  /** Absolute path of the checkout; every file input must lie inside it. */
  readonly workspace: string
  /** Path of the data action's JavaScript, as given ('' for a release). */
  readonly actionFile: string
  /** Path of a release manifest: the data actions promoted together, all or none. */
  readonly releaseManifest?: string
  /** Most requests in flight at once for a release. */
  readonly concurrency: number
  /**
   * The promotion's identity as given (the version defaulted from the tag). Checked by the
   * payload check, so a bad id is reported together with every other problem.
   */
  readonly payload: {
    readonly dataActionId: string
    readonly versionId: string
    readonly targetEnvironment: string
  }
  /** Path of the dependency manifest, if any. */
  readonly dependencyManifest?: string
  /** Path of the dependency policy, if any. */
  readonly dependencyPolicy?: string
  /** Wall-clock limit of the sandbox evaluation. */
  readonly sandboxTimeoutMs: number
  /** Wall-clock limit of validating every member of a release. */
  readonly validationTimeoutMs: number
  /** Largest action file accepted. */
  readonly maxActionFileBytes: number
  /** Where and as whom to reach CXone; absent in validate mode, which makes no call. */
  readonly cxone?: CxoneSettings
  /** Absolute path of the hash-chained audit log. */
  readonly auditLog: string
  /** Where run metrics are POSTed, and the key that signs them. */
  readonly webhook?: { readonly url: string; readonly secret?: string }
  /** The pull request report comment: kept when `enabled` and a token is there. */
  readonly prComment: { readonly enabled: boolean; readonly token: string }
}

export interface CxoneSettings {
  readonly apiBaseUrl: string
  readonly tokenUrl: string
  readonly clientId: string
  readonly clientSecret: string
  /** Attempts for a transient failure, the first included. */
  readonly maxRetries: number
  readonly requestTimeoutMs: number
  /** Deadline for a publish to read back as live, polling included. */
  readonly publishTimeoutMs: number
}

/** Reads one input's raw value (workflow.ts's `input` in the action). */
export type InputReader = (name: string) => string

const trimmed = () => z.string().check(z.trim())

const integer = (min: number, max: number) =>
  z.pipe(
    z.pipe(
      trimmed().check(z.regex(/^[0-9]+$/, { error: 'expected a whole number' })),
      z.transform(Number)
    ),
    z
      .number()
      .check(
        z.gte(min, { error: `expected at least ${min}` }),
        z.lte(max, { error: `expected at most ${max}` })
      )
  )

const optionalPath = z.pipe(
  trimmed(),
  z.transform(value => (value === '' ? undefined : value))
)

const secureUrl = z.pipe(
  trimmed(),
  z.transform((value, ctx) => {
    if (value === '') return undefined
    const checked = checkSecureUrl(value)
    if ('problem' in checked) {
      ctx.issues.push({ code: 'custom', message: checked.problem, input: value })
      return z.NEVER
    }
    return checked.url.toString().replace(/\/+$/, '')
  })
)

const boolean = z.enum(['true', 'false'], { error: 'expected true or false' })

const InputsSchema = z.object({
  [Input.Mode]: z.enum(MODES, {
    error: issue => `expected one of ${MODES.join(', ')}, got '${String(issue.input)}'`
  }),
  [Input.ActionFile]: trimmed(),
  [Input.ReleaseManifest]: optionalPath,
  [Input.Concurrency]: integer(1, 64),
  [Input.DependencyManifest]: optionalPath,
  [Input.DependencyPolicy]: optionalPath,
  [Input.SandboxTimeoutMs]: integer(50, 600_000),
  [Input.ValidationTimeoutMs]: integer(1_000, 3_600_000),
  [Input.MaxActionFileBytes]: integer(1, 64 * 1024 * 1024),
  [Input.ClientId]: trimmed(),
  [Input.ClientSecret]: trimmed(),
  [Input.Region]: trimmed().check(
    z.regex(/^[a-z0-9-]{1,32}$/, { error: 'expected a region name such as us, eu or au' })
  ),
  [Input.ApiBaseUrl]: secureUrl,
  [Input.TokenUrl]: secureUrl,
  [Input.MaxRetries]: integer(1, 20),
  [Input.RequestTimeoutMs]: integer(100, 600_000),
  [Input.PublishTimeoutMs]: integer(1_000, 3_600_000),
  [Input.WebhookUrl]: secureUrl,
  [Input.WebhookSecret]: z.pipe(
    z.string(),
    z.transform((value, ctx) => {
      if (value === '') return undefined
      try {
        webhookKey(value)
      } catch {
        ctx.issues.push({
          code: 'custom',
          message: 'a whsec_ secret must be base64 after the prefix',
          input: value
        })
      }
      return value
    })
  ),
  [Input.AuditLog]: trimmed().check(z.minLength(1, { error: 'expected a path' })),
  [Input.GithubToken]: trimmed(),
  [Input.PrComment]: boolean
})

/** The inputs as their schema parsed them. */
type Inputs = z.output<typeof InputsSchema>

const DEFAULTS: Partial<Record<string, string>> = {
  [Input.Mode]: 'publish',
  [Input.TargetEnvironment]: 'sandbox',
  [Input.SandboxTimeoutMs]: '3000',
  [Input.ValidationTimeoutMs]: '30000',
  [Input.MaxActionFileBytes]: String(5 * 1024 * 1024),
  [Input.Region]: 'us',
  [Input.MaxRetries]: '5',
  [Input.RequestTimeoutMs]: '30000',
  [Input.PublishTimeoutMs]: '120000',
  [Input.AuditLog]: 'cxone-audit.jsonl',
  [Input.PrComment]: 'true',
  [Input.Concurrency]: '4'
}

/**
 * Parses every input at once; all problems are reported together, each naming its input.
 * `env` supplies the runner's context (`GITHUB_WORKSPACE`, `GITHUB_REF`).
 */
export function readConfig(read: InputReader, env: NodeJS.ProcessEnv): Config {
  const raw = (name: string): string => read(name).trim() || (DEFAULTS[name] ?? '')
  const names = Object.keys(InputsSchema.shape) as Array<keyof typeof InputsSchema.shape>
  const parsed = InputsSchema.safeParse(Object.fromEntries(names.map(name => [name, raw(name)])))
  const problems = parsed.success
    ? []
    : parsed.error.issues.map(issue => new InputError(String(issue.path[0]), issue.message))
  const inputs = parsed.data
  const needsCxone = inputs !== undefined && inputs[Input.Mode] !== 'validate'
  if (needsCxone) {
    for (const name of [Input.ClientId, Input.ClientSecret] as const) {
      if (!inputs[name]) {
        problems.push(new InputError(name, `is required in ${inputs[Input.Mode]} mode`))
      }
    }
  }
  problems.push(...releaseProblems(raw))
  if (needsCxone && !raw(Input.ReleaseManifest) && !raw(Input.DataActionId)) {
    problems.push(new InputError(Input.DataActionId, `is required in ${inputs[Input.Mode]} mode`))
  }
  if (
    needsCxone &&
    !raw(Input.ReleaseManifest) &&
    !raw(Input.VersionId) &&
    !tagOf(env.GITHUB_REF)
  ) {
    problems.push(
      new InputError(
        Input.VersionId,
        `is required in ${inputs[Input.Mode]} mode: it defaults to the tag, and this run is for ${env.GITHUB_REF ? `'${env.GITHUB_REF}'` : 'no ref'}, not refs/tags/<tag>`
      )
    )
  }
  if (!inputs || problems.length > 0) {
    throw new ProblemsError(problems.map(error => ({ message: error.message })))
  }
  if (inputs[Input.WebhookSecret] && !inputs[Input.WebhookUrl]) {
    throw new ProblemsError([
      {
        message: new InputError(Input.WebhookUrl, 'is required when webhook-secret is given')
          .message
      }
    ])
  }
  return configOf(inputs, raw, env, needsCxone)
}

/** What is validated is named once: by a release manifest, or by one action file. */
function releaseProblems(raw: InputReader): InputError[] {
  const problems: InputError[] = []
  if (raw(Input.ReleaseManifest)) {
    // A release names its data actions itself; the single-action inputs would be ambiguous.
    for (const name of [Input.ActionFile, Input.DataActionId, Input.DependencyManifest]) {
      if (raw(name)) problems.push(new InputError(name, 'cannot be combined with release-manifest'))
    }
    if (raw(Input.Mode) === 'plan') {
      problems.push(
        new InputError(
          Input.ReleaseManifest,
          'plan mode takes one data action; use validate or publish'
        )
      )
    }
  } else if (!raw(Input.ActionFile)) {
    problems.push(new InputError(Input.ActionFile, 'is required (or give release-manifest)'))
  }
  return problems
}

/** The run's configuration from inputs that passed every check. */
function configOf(
  inputs: Inputs,
  raw: InputReader,
  env: NodeJS.ProcessEnv,
  needsCxone: boolean
): Config {
  const apiBaseUrl = inputs[Input.ApiBaseUrl] ?? defaultApiBase(inputs[Input.Region])
  const workspace = resolve(env.GITHUB_WORKSPACE || process.cwd())
  const webhookUrl = inputs[Input.WebhookUrl]
  const webhookSecret = inputs[Input.WebhookSecret]
  return {
    mode: inputs[Input.Mode],
    workspace,
    auditLog: resolve(workspace, inputs[Input.AuditLog]),
    ...(webhookUrl && {
      webhook: { url: webhookUrl, ...(webhookSecret && { secret: webhookSecret }) }
    }),
    prComment: { enabled: inputs[Input.PrComment] === 'true', token: inputs[Input.GithubToken] },
    actionFile: inputs[Input.ActionFile],
    ...(inputs[Input.ReleaseManifest] && { releaseManifest: inputs[Input.ReleaseManifest] }),
    concurrency: inputs[Input.Concurrency],
    payload: {
      dataActionId: raw(Input.DataActionId),
      versionId: raw(Input.VersionId) || tagOf(env.GITHUB_REF),
      targetEnvironment: raw(Input.TargetEnvironment)
    },
    ...(inputs[Input.DependencyManifest] && {
      dependencyManifest: inputs[Input.DependencyManifest]
    }),
    ...(inputs[Input.DependencyPolicy] && { dependencyPolicy: inputs[Input.DependencyPolicy] }),
    sandboxTimeoutMs: inputs[Input.SandboxTimeoutMs],
    validationTimeoutMs: inputs[Input.ValidationTimeoutMs],
    maxActionFileBytes: inputs[Input.MaxActionFileBytes],
    ...(needsCxone && {
      cxone: {
        apiBaseUrl,
        tokenUrl: inputs[Input.TokenUrl] ?? defaultTokenUrl(apiBaseUrl),
        clientId: inputs[Input.ClientId],
        clientSecret: inputs[Input.ClientSecret],
        maxRetries: inputs[Input.MaxRetries],
        requestTimeoutMs: inputs[Input.RequestTimeoutMs],
        publishTimeoutMs: inputs[Input.PublishTimeoutMs]
      }
    })
  }
}

/** `refs/tags/v2.1.0` → `v2.1.0`; any other ref → ''. */
export function tagOf(ref: string | undefined): string {
  return ref?.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ''
}
