import { Output, SECRET_INPUTS } from './constants.js'
import { errorMessage, problemsOf, type Problem } from './errors.js'
import { EvidenceTrail, type Evidence } from './evidence/evidence.js'
import { readConfig } from './inputs.js'
import { runPromotion } from './promotion.js'
import type { RunReport } from './run-report.js'
import { watchCancellation, type Cancellation } from './cancellation.js'
import { Sandbox } from './sandbox/sandbox.js'
import { Secrets } from './secrets.js'
import { renderReport, renderStartFailure } from './evidence/summary.js'
import { logLine } from './untrusted.js'
import * as runner from './workflow.js'

/**
 * The action: inputs in; outputs, annotations, the job summary and the evidence out.
 * `sandbox` and `cancellation` are started by the entry point before this module loads: the
 * child's start-up overlaps the action's, and no runner signal finds the process without a
 * listener.
 */
export async function run(
  sandbox: Sandbox = Sandbox.start(),
  cancellation: Cancellation = watchCancellation()
): Promise<void> {
  const env = process.env
  // A SIGUSR1 with no listener makes node open its inspector on 127.0.0.1:9229, where any
  // local process (a sandbox child that escaped, say) could run code in this one.
  if (process.listenerCount('SIGUSR1') === 0) process.on('SIGUSR1', () => undefined)
  const secrets = new Secrets()
  const mask = (secret: string): void => {
    runner.mask(secret)
    secrets.add(secret)
  }
  for (const name of SECRET_INPUTS) {
    const value = runner.input(name)
    if (value) mask(value)
  }
  try {
    const started = await start(sandbox, env, mask, secrets, cancellation.signal)
    if (started) await leaveReport(started.report, started.trail, secrets, env)
  } catch (error) {
    // Past every expected failure (a runner file gone, say): still one line, no stack trace.
    fail(problemsOf(error), secrets)
  } finally {
    cancellation.dispose()
    sandbox.dispose()
  }
}

/**
 * Reads the inputs and runs the mode. A run that stops before it has a report (bad inputs,
 * an audit log it may not extend) fails here, with its problems; undefined then.
 */
async function start(
  sandbox: Sandbox,
  env: NodeJS.ProcessEnv,
  mask: (secret: string) => void,
  secrets: Secrets,
  cancel: AbortSignal
): Promise<{ report: RunReport; trail: EvidenceTrail } | undefined> {
  try {
    const config = readConfig(name => runner.input(name), env)
    // Webhook URLs often carry a token in their path: keep the path out of the log too.
    if (config.webhook) {
      const { pathname, search } = new URL(config.webhook.url)
      if (`${pathname}${search}`.length > 8) mask(`${pathname}${search}`)
    }
    // Evidence first: a corrupt or linked log is refused before anything changes, and a
    // publish records its intent before its first request (see evidence.ts).
    const trail = await EvidenceTrail.open(config, env, secrets)
    const report = await runPromotion(
      config,
      sandbox,
      {
        // Lines hold text from the repository, the sandbox and the network.
        log: line => runner.info(logLine(secrets.redact(line))),
        mask,
        group: (name, fn) => runner.group(name, fn),
        writeAhead: trail.writeAhead
      },
      cancel
    )
    return { report, trail }
  } catch (error) {
    runner.setOutput(Output.Result, 'failed')
    const problems = problemsOf(error)
    await writeSummary(() => secrets.redact(renderStartFailure(problems)), env)
    fail(problems, secrets)
    return undefined
  }
}

/**
 * The run's outputs, evidence and summary. The result is set first and nothing after it
 * changes it: evidence or a summary that cannot be left is a warning.
 */
async function leaveReport(
  report: RunReport,
  trail: EvidenceTrail,
  secrets: Secrets,
  env: NodeJS.ProcessEnv
): Promise<void> {
  const { validation, publish, release } = report
  runner.setOutput(Output.Result, report.result)
  const checksum = release?.checksum ?? validation.actionFile?.sha256
  if (checksum) runner.setOutput(Output.Checksum, checksum)
  runner.setOutput(Output.VersionId, versionIdOf(report))
  const promoted = publish ?? release
  if (promoted) {
    runner.setOutput(Output.LatencyMs, String(promoted.latencyMs))
    runner.setOutput(Output.Published, String(promoted.result === 'published'))
    runner.setOutput(Output.RolledBack, String(promoted.result === 'rolled-back'))
  }
  const previous = publish?.previous?.versionId ?? report.plan?.live?.versionId
  if (promoted || report.plan) runner.setOutput(Output.PreviousVersionId, previous ?? '')
  runner.setOutput(Output.AuditLogPath, trail.auditPath)

  let evidence: Evidence = { auditPath: trail.auditPath, warnings: [] }
  try {
    evidence = await trail.leave(report)
    if (evidence.auditHash) runner.setOutput(Output.AuditHash, evidence.auditHash)
  } catch (error) {
    evidence.warnings.push(`The evidence of this run could not be left: ${errorMessage(error)}`)
  }
  for (const warning of [...report.warnings, ...evidence.warnings]) {
    runner.warning(secrets.redact(warning))
  }
  await writeSummary(() => secrets.redact(renderReport(report, evidence)), env)
  if (report.problems.length > 0) fail(report.problems, secrets)
}

/** The job summary is a report, not the result: a summary that cannot be written only warns. */
async function writeSummary(render: () => string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return
  try {
    await runner.appendSummary(render())
  } catch (error) {
    runner.warning(`The job summary could not be written: ${errorMessage(error)}`)
  }
}

/** The version id; for a release, the one all members share (else empty). */
function versionIdOf(report: RunReport): string {
  if (!report.members) return report.payload.versionId
  const ids = new Set(report.members.map(m => m.versionId))
  return ids.size === 1 ? ([...ids][0] ?? '') : ''
}

/**
 * One `::error::` annotation per problem, then the step fails. No stack traces, and no secret
 * in any spelling (the runner hides only the spellings it was given).
 */
function fail(problems: readonly Problem[], secrets: Secrets): void {
  for (const { message, location } of problems) {
    runner.error(
      secrets.redact(message),
      location && {
        file: location.file,
        ...(location.line ? { startLine: location.line } : {}),
        ...(location.column ? { startColumn: location.column } : {})
      }
    )
  }
  process.exitCode = runner.FAILURE
}
