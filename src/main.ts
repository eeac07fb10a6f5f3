import * as core from '@actions/core'
import { z } from 'zod'
import { Output, SECRET_INPUTS, type Result } from './constants.js'
import { CxoneClient } from './cxone-client.js'
import { ActionError, problemsOf, type Problem } from './errors.js'
import { readConfig, type Config } from './inputs.js'
import { CancelledError, publishVersion, type PublishOutcome } from './publisher.js'
import { Sandbox } from './sandbox.js'
import { renderSummary, type SummaryInput } from './summary.js'
import { validate, type ValidationReport } from './validate.js'

/**
 * The action: inputs in, outputs, annotations and the job summary out. `sandbox` is started
 * by the entry point before this module loads, so its start-up overlaps the action's.
 */
export async function run(sandbox: Sandbox = Sandbox.start(), env = process.env): Promise<void> {
  // Each schema parses a handful of times in a run: compiling them to code costs more than
  // it saves (measured: a first parse takes half as long without it).
  z.config({ jitless: true })
  for (const name of SECRET_INPUTS) {
    const value = core.getInput(name)
    if (value) core.setSecret(value)
  }
  let summary: SummaryInput | undefined
  try {
    const config = readConfig(name => core.getInput(name), env)
    if (config.mode === 'plan') {
      throw new ActionError(`Input 'mode': 'plan' is not available in this version`)
    }
    const validation = await core.group('Validate', async () => {
      const report = await validate(config, sandbox)
      for (const check of report.checks) {
        core.info(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`)
      }
      return report
    })
    if (validation.actionFile) core.setOutput(Output.Checksum, validation.actionFile.sha256)
    core.setOutput(Output.VersionId, config.payload.versionId)
    if (validation.problems.length > 0 || config.mode === 'validate') {
      const failed = validation.problems.length > 0
      setResult(failed ? 'failed' : 'validated')
      summary = {
        result: failed ? 'failed' : 'validated',
        headline: failed
          ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
          : `${config.actionFile} passed every check.`,
        validation
      }
      if (failed) fail(validation.problems)
      return
    }
    const outcome = await core.group('Publish', () => publish(config, validation))
    setResult(outcome.result)
    core.setOutput(Output.LatencyMs, String(outcome.latencyMs))
    core.setOutput(Output.Published, String(outcome.result === 'published'))
    core.setOutput(Output.RolledBack, String(outcome.result === 'rolled-back'))
    core.setOutput(Output.PreviousVersionId, outcome.previous?.versionId ?? '')
    const what = publishing(validation)
    summary = {
      result: outcome.result,
      headline: headline(what, outcome),
      validation,
      publish: outcome
    }
    if (outcome.result === 'rolled-back' || outcome.result === 'failed') {
      fail([{ message: failureMessage(what, outcome) }])
    }
  } catch (error) {
    setResult('failed')
    fail(problemsOf(error))
  } finally {
    sandbox.dispose()
    if (summary && env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderSummary(summary)).write()
    }
  }
}

async function publish(config: Config, validation: ValidationReport): Promise<PublishOutcome> {
  const { cxone } = config
  const { payload, actionFile } = validation
  if (!cxone || !payload || !actionFile) throw new ActionError('nothing to publish')
  const client = new CxoneClient({
    apiBaseUrl: cxone.apiBaseUrl,
    tokenUrl: cxone.tokenUrl,
    clientId: cxone.clientId,
    clientSecret: cxone.clientSecret,
    maxAttempts: cxone.maxRetries,
    requestTimeoutMs: cxone.requestTimeoutMs,
    lockWaitMs: cxone.publishTimeoutMs,
    mask: secret => core.setSecret(secret),
    onRetry: message => core.info(message)
  })
  const cancellation = onCancel()
  try {
    return await publishVersion(
      client,
      {
        payload,
        actionCode: actionFile.text,
        checksum: actionFile.sha256,
        dependencyMatrix: validation.dependencyMatrix
      },
      {
        publishTimeoutMs: cxone.publishTimeoutMs,
        cancel: cancellation.signal,
        log: line => core.info(line)
      }
    )
  } finally {
    cancellation.dispose()
    client.dispose()
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
    core.warning(`Received ${signal}: stopping the publish and restoring what was live before.`)
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

function publishing(validation: ValidationReport): string {
  const p = validation.payload
  return p ? `${p.versionId} of ${p.dataActionId} to ${p.targetEnvironment}` : 'the version'
}

function headline(what: string, outcome: PublishOutcome): string {
  switch (outcome.result) {
    case 'published':
      return `Published ${what}; verified live in ${outcome.latencyMs} ms.`
    case 'unchanged':
      return `${what}: already live with this checksum; nothing to do.`
    case 'rolled-back':
      return `Publishing ${what} failed and was rolled back: ${outcome.rollback?.detail ?? ''}`
    default:
      return `Publishing ${what} failed: ${outcome.cause ?? ''}`
  }
}

function failureMessage(what: string, outcome: PublishOutcome): string {
  const cause = `Publishing ${what} failed: ${outcome.cause ?? 'unknown cause'}.`
  if (!outcome.rollback) return cause
  if (outcome.rollback.verified) return `${cause} Rolled back: ${outcome.rollback.detail}.`
  return `${cause} ROLLBACK INCOMPLETE: ${outcome.rollback.detail}. To fix by hand: ${outcome.manualFix ?? ''}`
}

function setResult(result: Result): void {
  core.setOutput(Output.Result, result)
}

/** One `::error::` annotation per problem, then the step fails. No stack traces. */
function fail(problems: readonly Problem[]): void {
  for (const { message, location } of problems) {
    core.error(
      message,
      location && {
        file: location.file,
        ...(location.line ? { startLine: location.line } : {}),
        ...(location.column ? { startColumn: location.column } : {})
      }
    )
  }
  process.exitCode = core.ExitCode.Failure
}
