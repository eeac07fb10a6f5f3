import { z } from 'zod'
import { Output, SECRET_INPUTS, type Result } from './constants.js'
import { errorMessage, problemsOf, type Problem } from './errors.js'
import { EvidenceTrail } from './evidence.js'
import { readConfig } from './inputs.js'
import { runPromotion, type RunReport } from './promotion.js'
import { CancelledError } from './publisher.js'
import { Sandbox } from './sandbox.js'
import { renderReport, renderStartFailure } from './summary.js'
import { logLine } from './untrusted.js'
import * as runner from './workflow.js'

/**
 * The action: inputs in; outputs, annotations, the job summary and the evidence out.
 * `sandbox` is started by the entry point before this module loads, so its start-up
 * overlaps the action's.
 */
export async function run(sandbox: Sandbox = Sandbox.start(), env = process.env): Promise<void> {
  // A SIGUSR1 with no listener makes node open its inspector on 127.0.0.1:9229, where any
  // local process (a sandbox child that escaped, say) could run code in this one.
  if (process.listenerCount('SIGUSR1') === 0) process.on('SIGUSR1', () => undefined)
  // Each schema parses a handful of times in a run: compiling them to code costs more than
  // it saves (measured: a first parse takes half as long without it).
  z.config({ jitless: true })
  for (const name of SECRET_INPUTS) {
    const value = runner.input(name)
    if (value) runner.mask(value)
  }
  const cancellation = onCancel()
  try {
    const config = readConfig(name => runner.input(name), env)
    // Webhook URLs often carry a token in their path: keep the path out of the log too.
    if (config.webhook) {
      const { pathname, search } = new URL(config.webhook.url)
      if (`${pathname}${search}`.length > 8) runner.mask(`${pathname}${search}`)
    }
    // Evidence first: a corrupt or linked log is refused before anything changes, and a
    // publish records its intent before its first request (see evidence.ts).
    const trail = await EvidenceTrail.open(config, env)
    const report = await runPromotion(
      config,
      sandbox,
      {
        // Lines hold text from the repository, the sandbox and the network.
        log: line => runner.info(logLine(line)),
        mask: secret => runner.mask(secret),
        group: (name, fn) => runner.group(name, fn),
        writeAhead: trail.writeAhead
      },
      cancellation.signal
    )
    const { validation, publish, release } = report
    setResult(report.result)
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

    const evidence = await trail.leave(report)
    if (evidence.auditHash) runner.setOutput(Output.AuditHash, evidence.auditHash)
    runner.setOutput(Output.AuditLogPath, trail.auditPath)
    for (const warning of [...report.warnings, ...evidence.warnings]) runner.warning(warning)
    await writeSummary(renderReport(report, evidence), env)
    if (report.problems.length > 0) fail(report.problems)
  } catch (error) {
    setResult('failed')
    const problems = problemsOf(error)
    await writeSummary(renderStartFailure(problems), env)
    fail(problems)
  } finally {
    cancellation.dispose()
    sandbox.dispose()
  }
}

/**
 * The runner cancels a job with SIGINT, then SIGTERM a few seconds later: both abort the
 * publish, which then restores what was live before the process ends.
 */
function onCancel(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController()
  const handler = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) return
    runner.warning(`Received ${signal}: stopping the publish and restoring what was live before.`)
    controller.abort(new CancelledError())
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    }
  }
}

/** The job summary is a report, not the result: a summary that cannot be written only warns. */
async function writeSummary(html: string, env: NodeJS.ProcessEnv): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return
  try {
    await runner.appendSummary(html)
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

function setResult(result: Result): void {
  runner.setOutput(Output.Result, result)
}

/** One `::error::` annotation per problem, then the step fails. No stack traces. */
function fail(problems: readonly Problem[]): void {
  for (const { message, location } of problems) {
    runner.error(
      message,
      location && {
        file: location.file,
        ...(location.line ? { startLine: location.line } : {}),
        ...(location.column ? { startColumn: location.column } : {})
      }
    )
  }
  process.exitCode = runner.FAILURE
}
