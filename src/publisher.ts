import type { CxoneClient, CxoneVersion } from './cxone-client.js'
import { ActionError } from './errors.js'
import { describeFailure as describe, Phases, type Phase } from './phases.js'
import type { PromotionPayload } from './payload.js'
import { sleep as realSleep, type Sleep } from './retry.js'

/** One version to promote: its identity, its exact code and what it depends on. */
export interface Promotion {
  payload: PromotionPayload
  actionCode: string
  checksum: string
  dependencyMatrix: Record<string, string>
}

export interface PublishSettings {
  /** Deadline for the new version to read back as live, polling included. */
  publishTimeoutMs: number
  /** How long a restore after cancellation may take (the runner kills soon after). */
  cancelRestoreMs?: number
  /** Aborted when the job is cancelled. */
  cancel?: AbortSignal
  sleep?: Sleep
  log?: (line: string) => void
}

export interface Rollback {
  /** What was done: the previous version published again, or the new one taken down. */
  action: 'restore' | 'unpublish'
  /** The version restored, or the one unpublished. */
  versionId: string
  verified: boolean
  detail: string
}

export interface PublishOutcome {
  result: 'published' | 'unchanged' | 'rolled-back' | 'failed'
  /** The version live before, if any. */
  previous?: CxoneVersion
  /** From the first request to the end (verified live, or the rollback's end). */
  latencyMs: number
  phases: Phase[]
  /** Why the publish failed. */
  cause?: string
  rollback?: Rollback
  /** The version live in the target environment at the end, as read back; null: none. */
  finalLive?: string | null
  /** When the rollback could not finish: the command that sets things right by hand. */
  manualFix?: string
}

/** The job was cancelled (SIGINT/SIGTERM from the runner). */
export class CancelledError extends ActionError {
  constructor() {
    super('the job was cancelled')
  }
}

const POLL_FIRST_MS = 100
const POLL_MAX_MS = 2_000

/**
 * Promotes one version as a transaction: read what is live, upload, publish, verify. Any
 * failure from the publish on (cancellation included) restores the version that was live
 * before, or takes the new one down when none was, and verifies that too.
 */
export async function publishVersion(
  client: CxoneClient,
  promotion: Promotion,
  settings: PublishSettings
): Promise<PublishOutcome> {
  const { dataActionId: id, versionId, targetEnvironment: env } = promotion.payload
  const log = settings.log ?? (() => undefined)
  const sleep = settings.sleep ?? realSleep
  const recorder = new Phases(log)
  const phases = recorder.list
  const phase = recorder.run.bind(recorder)
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  const signal = settings.cancel
  const call = signal ? { signal } : {}

  // Until the publish starts nothing live has changed: a failure or cancellation just stops.
  let previous: CxoneVersion | undefined
  try {
    previous = await phase(
      'Read live',
      () => client.liveVersion(id, env, call),
      v => (v ? `${v.versionId} is live in ${env}` : `nothing is live in ${env}`)
    )
    await phase(
      'Upload',
      () =>
        client.upload(
          {
            dataActionId: id,
            versionId,
            targetEnvironment: env,
            checksum: promotion.checksum,
            dependencyMatrix: promotion.dependencyMatrix,
            actionCode: promotion.actionCode
          },
          call
        ),
      u =>
        u.created ? `created ${versionId}` : `${versionId} was already uploaded with this checksum`
    )
  } catch (error) {
    return {
      ...(previous ? { previous } : {}),
      phases,
      result: 'failed',
      cause: `${signal?.aborted ? 'the job was cancelled' : describe(error)} (nothing live was changed)`,
      latencyMs: elapsed()
    }
  }
  const base = { ...(previous ? { previous } : {}), phases }
  if (previous?.versionId === versionId && previous.checksum === promotion.checksum) {
    return { ...base, result: 'unchanged', latencyMs: elapsed(), finalLive: versionId }
  }

  const deadline = Date.now() + settings.publishTimeoutMs
  try {
    await phase(
      'Publish',
      async () =>
        settle(await client.publish(id, versionId, env, promotion.checksum, call), deadline, call),
      v => `${v.versionId} is ${v.status}`
    )
    await phase(
      'Verify',
      async () => expectLive(await client.getVersion(id, versionId, call), promotion.checksum),
      () =>
        `${versionId} reads back live in ${env} with checksum ${promotion.checksum.slice(0, 12)}…`
    )
    return { ...base, result: 'published', latencyMs: elapsed(), finalLive: versionId }
  } catch (error) {
    const cause = signal?.aborted ? 'the job was cancelled' : describe(error)
    // After a cancellation the runner kills the process soon: the restore gets a hard
    // deadline. Otherwise its own steps are bounded (lock budget, publish deadline, retries).
    const restoreSignal = signal?.aborted
      ? AbortSignal.timeout(settings.cancelRestoreMs ?? 6_000)
      : undefined
    const rollback = await rollBack(restoreSignal)
    return {
      ...base,
      ...rollback,
      result: rollback.rollback?.verified ? 'rolled-back' : 'failed',
      cause,
      latencyMs: elapsed()
    }
  }

  /** Polls a `publishing` version until it is published or failed, within the deadline. */
  async function settle(
    version: CxoneVersion,
    until: number,
    options: { signal?: AbortSignal }
  ): Promise<CxoneVersion> {
    let current = version
    for (
      let wait = POLL_FIRST_MS;
      current.status === 'publishing';
      wait = Math.min(POLL_MAX_MS, wait * 2)
    ) {
      const left = until - Date.now()
      if (left <= 0) {
        throw new ActionError(
          `version ${current.versionId} was still publishing when the publish deadline passed`
        )
      }
      await sleep(Math.min(wait, left), options.signal)
      current = await client.getVersion(id, current.versionId, options)
    }
    if (current.status === 'failed')
      throw new ActionError(`CXone reported the publish of ${current.versionId} as failed`)
    return current
  }

  function expectLive(version: CxoneVersion, checksum: string): CxoneVersion {
    const wrong = [
      version.published ? '' : `published is ${version.published}`,
      version.environment === env ? '' : `environment is ${version.environment}`,
      version.checksum === checksum ? '' : `checksum is ${version.checksum}, expected ${checksum}`
    ].filter(Boolean)
    if (wrong.length > 0) {
      throw new ActionError(
        `version ${version.versionId} does not read back live in ${env}: ${wrong.join(', ')}`
      )
    }
    return version
  }

  async function rollBack(
    restoreSignal: AbortSignal | undefined
  ): Promise<Pick<PublishOutcome, 'rollback' | 'finalLive' | 'manualFix'>> {
    const options = restoreSignal ? { signal: restoreSignal } : {}
    const target = previous
    const action: Rollback['action'] = target ? 'restore' : 'unpublish'
    const targetId = target?.versionId ?? versionId
    try {
      await phase(
        'Rollback',
        async () => {
          if (target) {
            await settle(
              await client.publish(id, target.versionId, env, target.checksum, options),
              Date.now() + settings.publishTimeoutMs,
              options
            )
            expectLive(await client.getVersion(id, target.versionId, options), target.checksum)
          } else {
            await client.unpublish(id, versionId, env, options)
            const after = await client.getVersion(id, versionId, options)
            if (after.published && after.environment === env) {
              throw new ActionError(
                `version ${versionId} is still live in ${env} after the unpublish`
              )
            }
          }
          const live = await client.liveVersion(id, env, options)
          if ((live?.versionId ?? null) !== (target?.versionId ?? null)) {
            throw new ActionError(
              `${live?.versionId ?? 'nothing'} is live in ${env}, expected ${target?.versionId ?? 'nothing'}`
            )
          }
          return live?.versionId ?? null
        },
        live =>
          live
            ? `${live} is live again in ${env} (verified)`
            : `nothing is live in ${env}, as before (verified)`
      )
      return {
        rollback: {
          action,
          versionId: targetId,
          verified: true,
          detail: recorder.last?.detail ?? ''
        },
        finalLive: target?.versionId ?? null
      }
    } catch (error) {
      const state = await readState()
      const fix = target
        ? client.manualCommand('PATCH', id, target.versionId, {
            published: true,
            environment: env,
            checksum: target.checksum
          })
        : client.manualCommand('PATCH', id, versionId, { published: false, environment: env })
      return {
        rollback: {
          action,
          versionId: targetId,
          verified: false,
          detail: `the rollback did not complete: ${describe(error)}. ${state.said}`
        },
        ...(state.live !== undefined ? { finalLive: state.live } : {}),
        manualFix: fix
      }
    }
  }

  /** Best effort, after a failed rollback: what CXone says is live now. */
  async function readState(): Promise<{ live?: string | null; said: string }> {
    try {
      const live = await client.liveVersion(id, env, { signal: AbortSignal.timeout(3_000) })
      return {
        live: live?.versionId ?? null,
        said: `CXone now reports ${live ? `${live.versionId} (checksum ${live.checksum})` : 'nothing'} live in ${env}`
      }
    } catch (error) {
      return { said: `the live state could not be read either (${describe(error)})` }
    }
  }
}
