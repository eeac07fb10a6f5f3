import type { CxoneClient, CxoneVersion } from './cxone-client.js'
import { ActionError } from './errors.js'
import { describeFailure as describe, Phases, type Phase } from './phases.js'
import type { Environment, PromotionPayload } from './payload.js'
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

/** What a rollback left, as read back from CXone. */
export interface Restoration {
  rollback: Rollback
  finalLive?: string | null
  manualFix?: string
}

/**
 * One data action's promotion, in the steps a single publish and a release both drive:
 * `prepare` (read live, upload: nothing live changes), `publish` (publish, wait, verify) and,
 * after a failure, `restore` (the previous version again, or none, verified).
 */
export class VersionTransaction {
  /** The version live before, once read. */
  previous?: CxoneVersion
  /** Set when the publish was asked for: from then on a failure must be rolled back. */
  touched = false
  readonly phases: Phases
  private readonly sleep: Sleep

  constructor(
    private readonly client: CxoneClient,
    readonly promotion: Promotion,
    private readonly settings: Pick<PublishSettings, 'publishTimeoutMs' | 'sleep' | 'log'>
  ) {
    this.phases = new Phases(settings.log)
    this.sleep = settings.sleep ?? realSleep
  }

  private get id(): string {
    return this.promotion.payload.dataActionId
  }

  private get versionId(): string {
    return this.promotion.payload.versionId
  }

  private get env(): Environment {
    return this.promotion.payload.targetEnvironment
  }

  /** Reads what is live and uploads; `unchanged` when this exact version is already live. */
  async prepare(signal?: AbortSignal): Promise<'ready' | 'unchanged'> {
    const { id, versionId, env, promotion } = this
    const call = signal ? { signal } : {}
    const previous = await this.phases.run(
      'Read live',
      () => this.client.liveVersion(id, env, call),
      v => (v ? `${v.versionId} is live in ${env}` : `nothing is live in ${env}`)
    )
    if (previous) this.previous = previous
    await this.phases.run(
      'Upload',
      () =>
        this.client.upload(
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
    return previous?.versionId === versionId && previous.checksum === promotion.checksum
      ? 'unchanged'
      : 'ready'
  }

  /** Publishes, waits until live (polling a 202) within the deadline, and verifies. */
  async publish(signal?: AbortSignal): Promise<void> {
    const { id, versionId, env, promotion } = this
    const call = signal ? { signal } : {}
    const deadline = Date.now() + this.settings.publishTimeoutMs
    // Touched once the PATCH may have reached CXone: from then on only a restore undoes it.
    const sent = { ...call, onSend: () => (this.touched = true) }
    await this.phases.run(
      'Publish',
      async () =>
        this.settle(
          await this.client.publish(id, versionId, env, promotion.checksum, sent),
          deadline,
          call
        ),
      v => `${v.versionId} is ${v.status}`
    )
    await this.phases.run(
      'Verify',
      async () =>
        this.expectLive(await this.client.getVersion(id, versionId, call), promotion.checksum),
      () =>
        `${versionId} reads back live in ${env} with checksum ${promotion.checksum.slice(0, 12)}…`
    )
  }

  /**
   * Puts back what was live before: the previous version published again and verified, or,
   * when none was, the new one unpublished and verified; then reads the live state once more.
   * A rollback that cannot finish says what CXone reports and how to fix it by hand.
   */
  async restore(signal?: AbortSignal): Promise<Restoration> {
    const { id, versionId, env } = this
    const options = signal ? { signal } : {}
    const target = this.previous
    const action: Rollback['action'] = target ? 'restore' : 'unpublish'
    const targetId = target?.versionId ?? versionId
    try {
      await this.phases.run(
        'Rollback',
        async () => {
          if (target) {
            const deadline = Date.now() + this.settings.publishTimeoutMs
            await this.settle(
              await this.client.publish(id, target.versionId, env, target.checksum, options),
              deadline,
              options
            )
            this.expectLive(
              await this.client.getVersion(id, target.versionId, options),
              target.checksum
            )
          } else {
            await this.client.unpublish(id, versionId, env, options)
            const after = await this.client.getVersion(id, versionId, options)
            if (after.published && after.environment === env) {
              throw new ActionError(
                `version ${versionId} is still live in ${env} after the unpublish`
              )
            }
          }
          const live = await this.client.liveVersion(id, env, options)
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
          detail: this.phases.last?.detail ?? ''
        },
        finalLive: target?.versionId ?? null
      }
    } catch (error) {
      const state = await this.readState()
      const fix = target
        ? this.client.manualCommand('PATCH', id, target.versionId, {
            published: true,
            environment: env,
            checksum: target.checksum
          })
        : this.client.manualCommand('PATCH', id, versionId, { published: false, environment: env })
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

  /** Polls a `publishing` version until it is published or failed, within the deadline. */
  private async settle(
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
      await this.sleep(Math.min(wait, left), options.signal)
      current = await this.client.getVersion(this.id, current.versionId, options)
    }
    if (current.status === 'failed')
      throw new ActionError(`CXone reported the publish of ${current.versionId} as failed`)
    return current
  }

  private expectLive(version: CxoneVersion, checksum: string): CxoneVersion {
    const wrong = [
      version.published ? '' : `published is ${version.published}`,
      version.environment === this.env ? '' : `environment is ${version.environment}`,
      version.checksum === checksum ? '' : `checksum is ${version.checksum}, expected ${checksum}`
    ].filter(Boolean)
    if (wrong.length > 0) {
      throw new ActionError(
        `version ${version.versionId} does not read back live in ${this.env}: ${wrong.join(', ')}`
      )
    }
    return version
  }

  /** Best effort, after a failed rollback: what CXone says is live now. */
  private async readState(): Promise<{ live?: string | null; said: string }> {
    try {
      const live = await this.client.liveVersion(this.id, this.env, {
        signal: AbortSignal.timeout(3_000)
      })
      return {
        live: live?.versionId ?? null,
        said: `CXone now reports ${live ? `${live.versionId} (checksum ${live.checksum})` : 'nothing'} live in ${this.env}`
      }
    } catch (error) {
      return { said: `the live state could not be read either (${describe(error)})` }
    }
  }
}

/** After a cancellation the runner kills the process soon: the restore gets a hard deadline. */
export function restoreSignal(settings: PublishSettings): AbortSignal | undefined {
  return settings.cancel?.aborted
    ? AbortSignal.timeout(settings.cancelRestoreMs ?? 6_000)
    : undefined
}

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
  const transaction = new VersionTransaction(client, promotion, settings)
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  const signal = settings.cancel
  const outcome = (): Pick<PublishOutcome, 'previous' | 'phases'> => ({
    ...(transaction.previous ? { previous: transaction.previous } : {}),
    phases: transaction.phases.list
  })
  let prepared: 'ready' | 'unchanged'
  try {
    prepared = await transaction.prepare(signal)
  } catch (error) {
    // Nothing live has changed yet: a failure or cancellation just stops.
    return {
      ...outcome(),
      result: 'failed',
      cause: `${signal?.aborted ? 'the job was cancelled' : describe(error)} (nothing live was changed)`,
      latencyMs: elapsed()
    }
  }
  if (prepared === 'unchanged') {
    return {
      ...outcome(),
      result: 'unchanged',
      latencyMs: elapsed(),
      finalLive: promotion.payload.versionId
    }
  }
  try {
    await transaction.publish(signal)
    return {
      ...outcome(),
      result: 'published',
      latencyMs: elapsed(),
      finalLive: promotion.payload.versionId
    }
  } catch (error) {
    const cause = signal?.aborted ? 'the job was cancelled' : describe(error)
    const restored = await transaction.restore(restoreSignal(settings))
    return {
      ...outcome(),
      ...restored,
      result: restored.rollback.verified ? 'rolled-back' : 'failed',
      cause,
      latencyMs: elapsed()
    }
  }
}
