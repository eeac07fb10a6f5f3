/* What the single-action and the release run share: report fields, the CXone client, helpers. */
import type { CxoneClient } from './cxone/client.js'
import type { Problem } from './errors.js'
import type { Config, CxoneSettings } from './inputs.js'
import type { Promotion, PublishSettings } from './cxone/publisher.js'
import type { RateController } from './cxone/rate-controller.js'
import type { RunIo, RunReport } from './run-report.js'
import type { CheckResult, ValidationReport } from './validate/report.js'

/** The fields every report starts with; the counts are the client's, once it has run. */
export function reportStart(config: Config) {
  return {
    mode: config.mode,
    payload: config.payload,
    ...(config.releaseManifest ? { releaseManifest: config.releaseManifest } : {}),
    warnings: [] as string[],
    requests: 0,
    retries: 0,
    rateLimited: 0,
    startedAt: now()
  }
}

export type RunStart = ReturnType<typeof reportStart>

/** A report's fields once its data actions are validated. */
export type Validated = RunStart & Pick<RunReport, 'validation' | 'validateMs'>

export function now(): string {
  return new Date().toISOString()
}

/** What a validated data action promotes: its identity, exact code and dependencies. */
export function promotionOf(report: ValidationReport): Promotion {
  const { payload, actionFile } = report
  if (!payload || !actionFile) throw new Error('validation passed without a payload')
  return {
    payload,
    actionCode: actionFile.text,
    checksum: actionFile.sha256,
    dependencyMatrix: report.dependencyMatrix
  }
}

export function publishSettings(
  settings: CxoneSettings,
  io: RunIo,
  cancel?: AbortSignal
): PublishSettings {
  return { publishTimeoutMs: settings.publishTimeoutMs, ...(cancel ? { cancel } : {}), log: io.log }
}

/** A validation made of checks and problems only: a release's, or a run's that stopped first. */
export function aggregate(checks: CheckResult[], problems: Problem[]): ValidationReport {
  return { checks, problems, dependencies: [], dependencyMatrix: {} }
}

/** The report of a run that failed before any data action could be validated. */
export function failedReport(
  start: RunStart,
  problems: Problem[],
  headline: string,
  validateMs = 0
): RunReport {
  return {
    ...start,
    validation: aggregate([], problems),
    validateMs,
    result: 'failed',
    headline,
    problems,
    finishedAt: now()
  }
}

/** The CXone client, loaded only by the modes that call CXone (validate needs no HTTP stack). */
export async function createClient(
  settings: CxoneSettings,
  io: RunIo,
  rate?: RateController
): Promise<CxoneClient> {
  const { CxoneClient } = await import('./cxone/client.js')
  return new CxoneClient({
    apiBaseUrl: settings.apiBaseUrl,
    tokenUrl: settings.tokenUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    maxAttempts: settings.maxRetries,
    requestTimeoutMs: settings.requestTimeoutMs,
    lockWaitMs: settings.publishTimeoutMs,
    mask: io.mask,
    onRetry: io.log,
    ...(rate ? { rate } : {})
  })
}

/** CXone keeps a version live in one environment: promoting it moves it. */
export function movedWarning(versionId: string, from: string, to: string): string {
  return `${versionId} was live in ${from}; a version is live in one environment at a time, so publishing it to ${to} took it out of ${from}: nothing is live there now.`
}
