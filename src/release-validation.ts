/* A release's validation: all files read first, then all code evaluated by a sandbox pool. */
import { setMaxListeners } from 'node:events'
import { Input } from './constants.js'
import { deadline } from './http/deadline.js'
import type { Config } from './inputs.js'
import type { RunIo } from './run-report.js'
import type { ReleaseMember } from './validate/release-manifest.js'
import { SandboxPool, sandboxChildren } from './sandbox/pool.js'
import { Sandbox } from './sandbox/sandbox.js'
import {
  finishValidation,
  type PreparedValidation,
  type ValidationReport
} from './validate/report.js'
import {
  loadPolicy,
  MAX_RELEASE_CODE_BYTES,
  ValidationFiles,
  prepareValidation,
  type LoadedPolicy
} from './validate/validate.js'

/**
 * Validates every member of a release: all files are read and parsed first, then the code is
 * evaluated by a pool of sandbox children under one budget for the whole release. A member
 * not evaluated when the budget runs out (or the job is cancelled) fails, named.
 */
export async function validateMembers(
  config: Config,
  members: ReleaseMember[],
  prestarted: Sandbox,
  io: RunIo,
  cancel?: AbortSignal
): Promise<ValidationReport[]> {
  // The budget covers reading and parsing the members' files as well as evaluating them.
  const { signal, clear } = deadline(config.validationTimeoutMs, cancel)
  // Every member waiting for a sandbox listens to it: not a leak.
  setMaxListeners(0, signal)
  const policy = await loadPolicy(config, config.payload.targetEnvironment)
  const prepared = await prepareMembers(config, members, policy, signal)
  const pool = new SandboxPool(sandboxChildren(), prestarted)
  try {
    return await Promise.all(
      prepared.map(async (ready, i) => {
        const member = members[i] as ReleaseMember
        const notValidated = (
          base: PreparedValidation = {
            checks: [],
            problems: [],
            declaredNames: new Set(),
            rules: policy.rules,
            declared: [],
            dependencyMatrix: {}
          }
        ): ValidationReport => {
          const why = cancel?.aborted
            ? 'the job was cancelled'
            : `the release's validation ran out of time (${Input.ValidationTimeoutMs}: ${config.validationTimeoutMs})`
          return finishValidation({
            ...base,
            problems: [
              ...base.problems,
              { message: `${member.actionFile} was not validated: ${why}` }
            ]
          })
        }
        const file = ready?.actionFile
        let report: ValidationReport
        if (!ready) {
          report = notValidated()
        } else if (!file) {
          report = finishValidation(ready)
        } else {
          try {
            const evaluated = await pool.evaluate(
              file.text,
              file.path,
              config.sandboxTimeoutMs,
              signal
            )
            report = finishValidation(ready, evaluated, config.sandboxTimeoutMs)
          } catch {
            report = notValidated(ready)
          }
        }
        io.log(
          `${report.problems.length === 0 ? 'pass' : 'fail'}    ${member.dataActionId} (${member.actionFile})`
        )
        return report
      })
    )
  } finally {
    clear()
    pool.dispose()
  }
}

/**
 * Reads and parses the members' files, one member after another, while the budget lasts: a
 * member not reached by then is undefined.
 */
async function prepareMembers(
  config: Config,
  members: ReleaseMember[],
  policy: LoadedPolicy,
  signal: AbortSignal
): Promise<Array<PreparedValidation | undefined>> {
  const files = new ValidationFiles(MAX_RELEASE_CODE_BYTES)
  const prepared: Array<PreparedValidation | undefined> = []
  for (const member of members) {
    prepared.push(
      signal.aborted
        ? undefined
        : await prepareValidation(
            config,
            {
              actionFile: member.actionFile,
              namedBy: Input.ReleaseManifest,
              payload: {
                dataActionId: member.dataActionId,
                versionId: member.versionId,
                targetEnvironment: config.payload.targetEnvironment
              },
              ...(member.dependencyManifest
                ? { dependencyManifest: member.dependencyManifest }
                : {})
            },
            policy,
            files
          )
    )
  }
  return prepared
}
