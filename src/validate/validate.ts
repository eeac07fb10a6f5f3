/*
 * src/validate: every check of a data action that needs no CXone. This file is its entry: one
 * validation, its checks run in order (validate, prepareValidation), the policy read once per run.
 *
 * Owns: the action file and every file an input names, read inside the workspace
 * (workspace-file.ts); structured files, JSON and YAML, with the line of each value
 * (structured-file.ts, json-text.ts, yaml-text.ts); the dependency manifest (manifest.ts) and
 * the policy it is judged by (policy.ts); the release manifest (release-manifest.ts); the
 * verdicts: each check's result and problems, and the report (report.ts).
 *
 * Must not touch: the network, CXone, the evidence (audit log, webhook, summary): a validate
 * run is a pull request's gate and sends nothing anywhere. Untrusted code is never loaded or
 * run here: it is only ever evaluated through the sandbox (an Evaluator, src/sandbox), and
 * this part reads only the sandbox's report.
 */
import { normalize } from 'node:path'
import { Input } from '../constants.js'
import { InputError, problemsOf, type Problem } from '../errors.js'
import type { Config } from '../inputs.js'
import { parseDependencyManifest } from './manifest.js'
import { ENVIRONMENTS, PromotionPayloadSchema, type Environment } from '../payload.js'
import {
  emptyRules,
  judgeDependencies,
  parsePolicy,
  type DependencyVerdict,
  type EffectiveRules
} from './policy.js'
import {
  finishValidation,
  recorder,
  verdictProblem,
  type CheckResult,
  type PreparedValidation,
  type ValidationReport
} from './report.js'
import type { Evaluator } from '../sandbox/sandbox.js'
import { readWorkspaceFile, type WorkspaceFile } from './workspace-file.js'

/**
 * Manifests and policies are small; anything bigger is a mistake, not a manifest. The cap
 * also bounds the time the action spends parsing YAML it was handed.
 */
export const MAX_STRUCTURED_FILE_BYTES = 256 * 1024

/**
 * What one validation is about: a data action's code, identity and manifest, and the input
 * that named them (problems with the files name it: a release member's come from the manifest).
 */
export type ValidationTarget = Pick<Config, 'actionFile' | 'payload' | 'dependencyManifest'> & {
  namedBy?: string
}

/** The dependency policy as read once for a run, and its problems. */
export interface LoadedPolicy {
  rules: EffectiveRules
  /** Undefined when no policy was given. */
  problems?: Problem[]
}

/** The action files of one release, all together: beyond, the release is refused. */
export const MAX_RELEASE_CODE_BYTES = 32 * 1024 * 1024

/**
 * What a run reads and parses, once each: the members of a release often share a manifest,
 * and may name one file twice. Action files count against one total, so a manifest naming
 * files thousands of times cannot hold the action's memory.
 */
export class ValidationFiles {
  private readonly memo = new Map<string, Promise<unknown>>()
  private codeBytes = 0

  constructor(private readonly maxCodeBytes = Number.POSITIVE_INFINITY) {}

  once<T>(key: string, read: () => Promise<T>): Promise<T> {
    let entry = this.memo.get(key) as Promise<T> | undefined
    if (!entry) {
      entry = read()
      this.memo.set(key, entry)
    }
    return entry
  }

  /** Counts a newly read action file; the error names the input that named it. */
  count(file: WorkspaceFile): void {
    this.codeBytes += file.bytes.length
    if (this.codeBytes > this.maxCodeBytes) {
      throw new InputError(
        file.input,
        `the action files named come to more than ${this.maxCodeBytes / (1024 * 1024)} MB in all: split the release`
      )
    }
  }
}

const FAILING: ReadonlySet<DependencyVerdict['verdict']> = new Set([
  'blocked',
  'outside range',
  'undeclared'
])

/**
 * Runs every check of one data action and reports all problems at once: its files are read and
 * parsed first, then its code is evaluated in the sandbox.
 */
export async function validate(
  config: Config,
  sandbox: Evaluator,
  signal?: AbortSignal
): Promise<ValidationReport> {
  const policy = await loadPolicy(config, config.payload.targetEnvironment)
  const prepared = await prepareValidation(config, config, policy)
  if (!prepared.actionFile) {
    sandbox.dispose()
    return finishValidation(prepared)
  }
  const { text, path } = prepared.actionFile
  return finishValidation(
    prepared,
    await sandbox.evaluate(text, path, config.sandboxTimeoutMs, signal),
    config.sandboxTimeoutMs
  )
}

/** Reads and parses the dependency policy, once for every data action of a run. */
export async function loadPolicy(config: Config, targetEnvironment: string): Promise<LoadedPolicy> {
  const environment = environmentOf(targetEnvironment)
  if (!config.dependencyPolicy) return { rules: emptyRules(environment) }
  const policy = await attempt(async () =>
    parsePolicy(
      await readStructured(config, config.dependencyPolicy, Input.DependencyPolicy),
      environment
    )
  )
  return { rules: policy.value ?? emptyRules(environment), problems: policy.problems }
}

/**
 * Every check that needs no sandbox: the action file, the payload, the manifest against the
 * policy. All parsing happens here, before any code is evaluated, so no parse of the action's
 * competes with the sandbox's deadline and memory watchdog (timers of this process).
 */
export async function prepareValidation(
  config: Config,
  target: ValidationTarget,
  policy: LoadedPolicy,
  files = new ValidationFiles()
): Promise<PreparedValidation> {
  const checks: CheckResult[] = []
  const problems: Problem[] = []
  const record = recorder(checks, problems)

  const actionFile = await readActionFile(config, target, files)
  record(
    'Action file',
    actionFile.problems,
    actionFile.value ? `${actionFile.value.path}, ${actionFile.value.bytes.length} bytes` : ''
  )

  const payload = PromotionPayloadSchema.safeParse(target.payload)
  const { dataActionId, versionId, targetEnvironment } = target.payload
  record(
    'Payload',
    payloadProblems(config, target, payload),
    `${dataActionId || '(no data action id)'} ${versionId || '(no version id)'} → ${targetEnvironment}`
  )

  const manifest = await readManifest(config, target, policy, files)
  const dependencies = manifest?.value?.dependencies ?? []
  if (manifest) {
    record(
      'Dependency manifest',
      [...manifest.problems, ...(manifest.value?.problems ?? [])],
      `${dependencies.length} dependencies, all exact versions`
    )
  } else {
    checks.push({
      name: 'Dependency manifest',
      status: 'skipped',
      detail: 'none given: the code may require no packages'
    })
  }

  const declared = manifest?.value?.verdicts ?? []
  if (policy.problems) {
    record(
      'Dependency policy',
      [...policy.problems, ...declared.filter(v => FAILING.has(v.verdict)).map(verdictProblem)],
      `${declared.length} dependencies judged for ${policy.rules.environment ?? 'all environments'}`
    )
  } else {
    checks.push({ name: 'Dependency policy', status: 'skipped', detail: 'none given' })
  }
  return {
    checks,
    problems,
    ...(actionFile.value ? { actionFile: actionFile.value } : {}),
    ...(payload.success ? { payload: payload.data } : {}),
    declaredNames: manifest?.value?.declared ?? new Set(),
    rules: policy.rules,
    declared,
    dependencyMatrix: manifest?.value?.matrix ?? {}
  }
}

/** The action file, read once per run and counted against the run's total. */
function readActionFile(config: Config, target: ValidationTarget, files: ValidationFiles) {
  return attempt(() =>
    files.once(`code:${normalize(target.actionFile)}`, async () => {
      const file = await readWorkspaceFile(config.workspace, target.actionFile, {
        input: target.namedBy ?? Input.ActionFile,
        maxBytes: config.maxActionFileBytes
      })
      files.count(file)
      return file
    })
  )
}

/** The payload's problems, each naming its input. */
function payloadProblems(
  config: Config,
  target: ValidationTarget,
  payload: ReturnType<typeof PromotionPayloadSchema.safeParse>
): Problem[] {
  // Validate mode calls nothing: an id not given is no problem there, a malformed one is.
  const unused =
    config.mode === 'validate'
      ? new Set((['dataActionId', 'versionId'] as const).filter(key => target.payload[key] === ''))
      : new Set<string>()
  return payload.success
    ? []
    : payload.error.issues
        .filter(issue => !unused.has(String(issue.path[0])))
        .map(issue => ({
          message: `Input '${PAYLOAD_INPUTS[String(issue.path[0])] ?? String(issue.path[0])}': ${issue.message}`
        }))
}

/**
 * The dependency manifest, judged by the policy; undefined when none was given. A manifest is
 * read, parsed and judged once per run, whichever members share it.
 */
async function readManifest(
  config: Config,
  target: ValidationTarget,
  policy: LoadedPolicy,
  files: ValidationFiles
) {
  const manifestFile = target.dependencyManifest
  return manifestFile
    ? await attempt(() =>
        files.once(`manifest:${normalize(manifestFile)}`, async () => {
          const file = await readStructured(
            config,
            manifestFile,
            target.namedBy ?? Input.DependencyManifest
          )
          const parsed = await parseDependencyManifest(file)
          return {
            ...parsed,
            verdicts: [
              ...judgeDependencies(parsed.dependencies, policy.rules, file.path),
              ...parsed.invalid.map((d): DependencyVerdict => ({
                name: d.name,
                version: d.written,
                verdict: 'invalid',
                reason: d.reason,
                location: { file: file.path, ...(d.line === undefined ? {} : { line: d.line }) }
              }))
            ],
            matrix: Object.fromEntries(parsed.dependencies.map(d => [d.name, d.version]))
          }
        })
      )
    : undefined
}

const PAYLOAD_INPUTS: Partial<Record<string, string>> = {
  dataActionId: Input.DataActionId,
  versionId: Input.VersionId,
  targetEnvironment: Input.TargetEnvironment
}

function environmentOf(value: string): Environment | undefined {
  return ENVIRONMENTS.find(environment => environment === value)
}

function readStructured(
  config: Config,
  path: string | undefined,
  input: string
): Promise<WorkspaceFile> {
  return readWorkspaceFile(config.workspace, path ?? '', {
    input,
    maxBytes: MAX_STRUCTURED_FILE_BYTES,
    allowEmpty: true
  })
}

async function attempt<T>(fn: () => Promise<T>): Promise<{ value?: T; problems: Problem[] }> {
  try {
    return { value: await fn(), problems: [] }
  } catch (error) {
    return { problems: problemsOf(error) }
  }
}
