import { Input } from './constants.js'
import { problemsOf, type Problem } from './errors.js'
import type { Config } from './inputs.js'
import { parseDependencyManifest, type Dependency } from './manifest.js'
import { PromotionPayloadSchema, type Environment, type PromotionPayload } from './payload.js'
import {
  emptyRules,
  judgeDependencies,
  judgeRequires,
  parsePolicy,
  type DependencyVerdict,
  type EffectiveRules
} from './policy.js'
import type { Sandbox, SandboxReport } from './sandbox.js'
import { readWorkspaceFile, type WorkspaceFile } from './workspace-file.js'

/** Manifests and policies are small; anything bigger is a mistake, not a manifest. */
const MAX_MANIFEST_BYTES = 1024 * 1024

export interface CheckResult {
  name: string
  status: 'pass' | 'fail' | 'skipped'
  detail: string
}

export interface ValidationReport {
  checks: CheckResult[]
  /** Every problem found, in check order; empty when the code may be promoted. */
  problems: Problem[]
  actionFile?: WorkspaceFile
  payload?: PromotionPayload
  /** Declared dependencies with their verdicts, then undeclared or blocked requires. */
  dependencies: DependencyVerdict[]
  /** What the version declares it needs: `{package: exact version}`. */
  dependencyMatrix: Record<string, string>
  sandbox?: SandboxReport
}

/**
 * What one validation is about: a data action's code, identity and manifest, and the input
 * that named them (problems with the files name it: a release member's come from the manifest).
 */
export type ValidationTarget = Pick<Config, 'actionFile' | 'payload' | 'dependencyManifest'> & {
  namedBy?: string
}

const FAILING: ReadonlySet<DependencyVerdict['verdict']> = new Set([
  'blocked',
  'outside range',
  'undeclared'
])

/**
 * Runs every check and reports all problems at once. The sandbox evaluation starts as soon
 * as the action file is read and runs while the manifest and policy are checked.
 */
export async function validate(
  config: Config,
  sandbox: Sandbox,
  target: ValidationTarget = config
): Promise<ValidationReport> {
  const checks: CheckResult[] = []
  const problems: Problem[] = []
  const record = (name: string, found: Problem[], passDetail: string): void => {
    problems.push(...found)
    checks.push({
      name,
      status: found.length === 0 ? 'pass' : 'fail',
      detail: found.length === 0 ? passDetail : listed(found.map(p => p.message))
    })
  }
  const skip = (name: string, why: string): void => {
    checks.push({ name, status: 'skipped', detail: why })
  }

  const actionFile = await attempt(() =>
    readWorkspaceFile(config.workspace, target.actionFile, {
      input: target.namedBy ?? Input.ActionFile,
      maxBytes: config.maxActionFileBytes
    })
  )
  const evaluation = actionFile.value
    ? sandbox.evaluate(actionFile.value.text, actionFile.value.path, config.sandboxTimeoutMs)
    : undefined
  if (!evaluation) sandbox.dispose()
  record(
    'Action file',
    actionFile.problems,
    actionFile.value ? `${actionFile.value.path}, ${actionFile.value.bytes.length} bytes` : ''
  )

  const payload = PromotionPayloadSchema.safeParse(target.payload)
  record(
    'Payload',
    payload.success
      ? []
      : payload.error.issues.map(issue => ({
          message: `Input '${PAYLOAD_INPUTS[String(issue.path[0])] ?? String(issue.path[0])}': ${issue.message}`
        })),
    payload.success
      ? `${payload.data.dataActionId} ${payload.data.versionId} → ${payload.data.targetEnvironment}`
      : ''
  )
  const environment = environmentOf(target.payload.targetEnvironment)

  let dependencies: Dependency[] = []
  let declaredNames = new Set<string>()
  let manifestPath: string | undefined
  if (target.dependencyManifest) {
    const manifest = await attempt(async () => {
      const file = await readStructured(
        config,
        target.dependencyManifest,
        target.namedBy ?? Input.DependencyManifest
      )
      return { path: file.path, ...parseDependencyManifest(file) }
    })
    dependencies = manifest.value?.dependencies ?? []
    declaredNames = manifest.value?.declared ?? declaredNames
    manifestPath = manifest.value?.path
    record(
      'Dependency manifest',
      [...manifest.problems, ...(manifest.value?.problems ?? [])],
      `${dependencies.length} dependencies, all exact versions`
    )
  } else {
    skip('Dependency manifest', 'none given: the code may require no packages')
  }

  let rules: EffectiveRules = emptyRules(environment)
  let policyProblems: Problem[] | undefined
  if (config.dependencyPolicy) {
    const policy = await attempt(async () =>
      parsePolicy(
        await readStructured(config, config.dependencyPolicy, Input.DependencyPolicy),
        environment
      )
    )
    rules = policy.value ?? rules
    policyProblems = policy.problems
  }
  const declared = judgeDependencies(dependencies, rules, manifestPath)
  if (policyProblems) {
    record(
      'Dependency policy',
      [...policyProblems, ...declared.filter(v => FAILING.has(v.verdict)).map(verdictProblem)],
      `${declared.length} dependencies judged for ${environment ?? 'all environments'}`
    )
  } else {
    skip('Dependency policy', 'none given')
  }

  let report: SandboxReport | undefined
  let required: DependencyVerdict[] = []
  if (evaluation && actionFile.value) {
    report = await evaluation
    const file = actionFile.value
    record(
      'Sandbox',
      sandboxProblems(report, file.path, config.sandboxTimeoutMs),
      sandboxDetail(report)
    )
    if (!report.failure || report.requires.length > 0) {
      required = judgeRequires(report.requires, declaredNames, rules, file.path)
      record(
        'Required modules',
        required.map(verdictProblem),
        report.requires.length === 0
          ? 'requires nothing'
          : `requires ${[...new Set(report.requires.map(r => r.specifier))].join(', ')}`
      )
    }
  } else {
    skip('Sandbox', 'the action file could not be read')
  }

  return {
    checks,
    problems,
    ...(actionFile.value ? { actionFile: actionFile.value } : {}),
    ...(payload.success ? { payload: payload.data } : {}),
    dependencies: [...declared, ...required],
    dependencyMatrix: Object.fromEntries(dependencies.map(d => [d.name, d.version])),
    ...(report ? { sandbox: report } : {})
  }
}

/** The first few items, then how many more: a check's detail is one table cell. */
function listed(items: string[], shown = 3): string {
  const more = items.length - shown
  return items.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '')
}

const PAYLOAD_INPUTS: Partial<Record<string, string>> = {
  dataActionId: Input.DataActionId,
  versionId: Input.VersionId,
  targetEnvironment: Input.TargetEnvironment
}

function environmentOf(value: string): Environment | undefined {
  return value === 'sandbox' || value === 'production' ? value : undefined
}

function readStructured(
  config: Config,
  path: string | undefined,
  input: string
): Promise<WorkspaceFile> {
  return readWorkspaceFile(config.workspace, path ?? '', {
    input,
    maxBytes: MAX_MANIFEST_BYTES,
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

function verdictProblem(verdict: DependencyVerdict): Problem {
  const what = verdict.version ? `${verdict.name}@${verdict.version}` : `'${verdict.name}'`
  return {
    message: `Dependency ${what}: ${verdict.reason}`,
    ...(verdict.location ? { location: verdict.location } : {})
  }
}

function sandboxProblems(report: SandboxReport, path: string, timeoutMs: number): Problem[] {
  const { failure } = report
  if (failure) {
    const location = {
      file: path,
      ...(failure.line ? { line: failure.line } : {}),
      ...(failure.column ? { column: failure.column } : {})
    }
    const message = {
      syntax: `Syntax error in ${path}: ${failure.message}`,
      threw: `The top level of ${path} threw ${failure.message}`,
      timeout: `${path} did not finish evaluating within the sandbox limit (${Input.SandboxTimeoutMs}: ${timeoutMs}): ${failure.message}`,
      memory: `${path} exceeded the sandbox memory limit: ${failure.message}`,
      crashed: `The sandbox could not evaluate ${path}: ${failure.message}`
    }[failure.kind]
    return [{ message, location }]
  }
  if (!report.handler) {
    return [
      {
        message: `${path} exports no handler: set exports.handler or module.exports to a function, or export a function named handler or a default function`,
        location: { file: path }
      }
    ]
  }
  return []
}

function sandboxDetail(report: SandboxReport): string {
  return `${report.format === 'module' ? 'ES module' : 'CommonJS'}, handler: ${report.handler}, evaluated in ${report.durationMs} ms, peak ${report.peakRssMb ?? '?'} MB`
}
