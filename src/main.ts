import * as core from '@actions/core'
import { Output } from './constants.js'
import { ActionError, problemsOf, type Problem } from './errors.js'
import { readConfig } from './inputs.js'
import { Sandbox } from './sandbox.js'
import { renderSummary, type SummaryInput } from './summary.js'
import { validate } from './validate.js'

/**
 * The action: inputs in, outputs, annotations and the job summary out. `sandbox` is started
 * by the entry point before this module loads, so its start-up overlaps the action's.
 */
export async function run(sandbox: Sandbox = Sandbox.start(), env = process.env): Promise<void> {
  let summary: SummaryInput | undefined
  try {
    const config = readConfig(name => core.getInput(name), env)
    if (config.mode !== 'validate') {
      throw new ActionError(`Input 'mode': '${config.mode}' is not available in this version`)
    }
    const validation = await core.group('Validate', async () => {
      const report = await validate(config, sandbox)
      for (const check of report.checks)
        core.info(`${check.status.padEnd(7)} ${check.name}: ${check.detail}`)
      return report
    })
    if (validation.actionFile) core.setOutput(Output.Checksum, validation.actionFile.sha256)
    core.setOutput(Output.VersionId, config.payload.versionId)
    const failed = validation.problems.length > 0
    core.setOutput(Output.Result, failed ? 'failed' : 'validated')
    summary = {
      result: failed ? 'failed' : 'validated',
      headline: failed
        ? `Validation found ${validation.problems.length} problem(s) in ${config.actionFile}.`
        : `${config.actionFile} passed every check.`,
      validation
    }
    if (failed) fail(validation.problems)
  } catch (error) {
    core.setOutput(Output.Result, 'failed')
    fail(problemsOf(error))
  } finally {
    sandbox.dispose()
    if (summary && env.GITHUB_STEP_SUMMARY) {
      await core.summary.addRaw(renderSummary(summary)).write()
    }
  }
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
