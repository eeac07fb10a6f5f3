/* The verdicts of a validation: its checks, its problems, its report; the sandbox's verdict. */
import { Input } from '../constants.js'
import type { Problem } from '../errors.js'
import type { PromotionPayload } from '../payload.js'
import { judgeRequires, type DependencyVerdict, type EffectiveRules } from './policy.js'
import type { SandboxReport } from '../sandbox/sandbox.js'
import type { WorkspaceFile } from './workspace-file.js'

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
  dependencies: readonly DependencyVerdict[]
  /** What the version declares it needs: `{package: exact version}`. */
  dependencyMatrix: Readonly<Record<string, string>>
  sandbox?: SandboxReport
}

/** A target's files, read and parsed, waiting for the sandbox's verdict on its code. */
export interface PreparedValidation {
  checks: CheckResult[]
  problems: Problem[]
  actionFile?: WorkspaceFile
  payload?: PromotionPayload
  declaredNames: ReadonlySet<string>
  rules: EffectiveRules
  /** The declared dependencies, judged by the policy. */
  declared: readonly DependencyVerdict[]
  /** What the version declares it needs: `{package: exact version}`. */
  dependencyMatrix: Readonly<Record<string, string>>
}

/** Adds the sandbox's verdict on the code (absent when the file could not be read). */
export function finishValidation(
  prepared: PreparedValidation,
  report?: SandboxReport,
  timeoutMs = 0
): ValidationReport {
  const checks = [...prepared.checks]
  const problems = [...prepared.problems]
  const record = recorder(checks, problems)
  const file = prepared.actionFile
  let required: DependencyVerdict[] = []
  if (report && file) {
    record('Sandbox', sandboxProblems(report, file.path, timeoutMs), sandboxDetail(report))
    required = judgeRequires(report.requires, prepared.declaredNames, prepared.rules, file.path)
    const uncheckable = report.uncheckable.map(use => ({
      message: `${file.path}: ${use.message}`,
      location: {
        file: file.path,
        ...(use.line ? { line: use.line } : {}),
        ...(use.column ? { column: use.column } : {})
      }
    }))
    // A file that could not be parsed says nothing about what it requires.
    if (report.failure?.kind !== 'syntax' || report.requires.length > 0) {
      record(
        'Required modules',
        [...required.map(verdictProblem), ...uncheckable],
        report.requires.length === 0
          ? 'requires nothing'
          : `requires ${[...new Set(report.requires.map(r => r.specifier))].join(', ')}`
      )
    }
  } else {
    checks.push({
      name: 'Sandbox',
      status: 'skipped',
      detail: 'the action file could not be read'
    })
  }
  return {
    checks,
    problems,
    ...(file ? { actionFile: file } : {}),
    ...(prepared.payload ? { payload: prepared.payload } : {}),
    dependencies: required.length === 0 ? prepared.declared : [...prepared.declared, ...required],
    dependencyMatrix: prepared.dependencyMatrix,
    ...(report ? { sandbox: report } : {})
  }
}

export function recorder(checks: CheckResult[], problems: Problem[]) {
  return (name: string, found: Problem[], passDetail: string): void => {
    problems.push(...found)
    checks.push({
      name,
      status: found.length === 0 ? 'pass' : 'fail',
      detail: found.length === 0 ? passDetail : listed(found.map(p => p.message))
    })
  }
}

/** The first few items, then how many more: a check's detail is one table cell. */
function listed(items: string[], shown = 3): string {
  const more = items.length - shown
  return items.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '')
}

export function verdictProblem(verdict: DependencyVerdict): Problem {
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
