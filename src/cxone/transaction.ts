/*
 * The publish transaction of one data action (VersionTransaction), which a single publish
 * (publisher.ts) and a release (release.ts) both drive. Its promise: the new version verified
 * live, or what was live before live again (docs/transaction.md).
 */
import type { CxoneClient, CxoneVersion } from './client.js'
import { CancelledError } from '../cancellation.js'
import { deadline } from '../http/deadline.js'
import { ActionError } from '../errors.js'
import { describeFailure as describe, Phases } from './phases.js'
import type { Environment, PromotionPayload } from '../payload.js'
import { fixedDeadline, sleep as realSleep, type Deadline, type Sleep } from '../http/retry.js'
import { LiveState, type Call } from './live-state.js'

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
  /**
   * How long after a cancellation a rollback may go on (the runner kills the process 10 s
   * after its SIGINT, and the result and evidence must be left before that).
   */
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
  /** Verified, but this run's publish got no answer: CXone may still carry it out. */
  mayStillLand?: true
}

/** Of a rollback's budget, what its last attempt keeps for its answer (a fifth at most). */
const LAST_ANSWER_MS = 1_000

/** What a rollback left, as read back from CXone. */
export interface Restoration {
  rollback: Rollback
  finalLive?: string | null
  manualFix?: string
  /** Another run's version found live: left as it is, nothing restored over it. */
  supersededBy?: string
}

/** What the rollback's steps found: another run's version live, or whether they acted. */
type RollbackResult = { other: string } | { acted: boolean; mayLand: boolean }

/**
 * One data action's promotion, in the steps a single publish and a release both drive:
 * `prepare` (read live, upload: nothing live changes), `publish` (publish, wait, verify) and,
 * after a failure, `restore` (the previous version again, or none, verified).
 */
export class VersionTransaction {
  /** The version live before, once read. */
  previous?: CxoneVersion
  /**
   * The other environment this version was live in before: publishing it here moves it out of
   * there, and a rollback puts it back.
   */
  movedFrom?: Environment
  /** Set when the publish was asked for: from then on a failure must be rolled back. */
  touched = false
  /** A publish PATCH went out and its answer never came: CXone may still carry it out. */
  private unanswered = false
  /** A publish PATCH was sent again after one that got no answer: that one may land later. */
  private resentAfterLost = false
  readonly phases: Phases
  private readonly state: LiveState
  private restoration?: Promise<Restoration>

  constructor(
    private readonly client: CxoneClient,
    readonly promotion: Promotion,
    private readonly settings: Pick<
      PublishSettings,
      'publishTimeoutMs' | 'cancel' | 'cancelRestoreMs' | 'sleep' | 'log'
    >
  ) {
    this.phases = new Phases(settings.log)
    this.state = new LiveState(
      client,
      promotion.payload.dataActionId,
      promotion.payload.targetEnvironment,
      settings.sleep ?? realSleep
    )
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

  /**
   * Reads what is live (once no publish is in progress there: a version caught publishing is
   * no baseline) and uploads; `unchanged` when this exact version is already live.
   */
  async prepare(signal?: AbortSignal): Promise<'ready' | 'unchanged'> {
    const { id, versionId, env, promotion } = this
    const call = signal ? { signal } : {}
    const { live: previous } = await this.phases.run(
      'Read live',
      () =>
        this.state.settledState(fixedDeadline(Date.now() + this.settings.publishTimeoutMs), call),
      ({ live, waitedFor }) =>
        `${live ? `${live.versionId} is live in ${env}` : `nothing is live in ${env}`}${waitedFor ? ` (once ${waitedFor} had finished publishing)` : ''}`
    )
    if (previous) this.previous = previous
    const uploaded = await this.phases.run(
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
    // A version is live in one environment: publishing it here takes it out of the other.
    const { version } = uploaded
    if (version.published && version.environment && version.environment !== env) {
      this.movedFrom = version.environment
    }
    return previous?.versionId === versionId && previous.checksum === promotion.checksum
      ? 'unchanged'
      : 'ready'
  }

  /** Publishes, waits until live (polling a 202) within the deadline, and verifies. */
  async publish(signal?: AbortSignal): Promise<void> {
    const { id, versionId, env, promotion } = this
    const call = signal ? { signal } : {}
    const deadline = fixedDeadline(Date.now() + this.settings.publishTimeoutMs)
    // Touched once the PATCH may have reached CXone; unanswered once any attempt's answer did
    // not come (a later answer does not say whether that one will still land).
    const onSend = (): void => {
      if (this.unanswered) this.resentAfterLost = true
      this.touched = true
    }
    const sent = { ...call, onSend, onLost: () => (this.unanswered = true) }
    await this.phases.run(
      'Publish',
      async () => {
        const answer = await this.client.publish(id, versionId, env, promotion.checksum, sent)
        return this.state.settle(answer, deadline, call)
      },
      v => `${v.versionId} is ${v.status}`
    )
    await this.phases.run(
      'Verify',
      async () =>
        this.state.expectLive(
          await this.client.getVersion(id, versionId, call),
          promotion.checksum
        ),
      () =>
        `${versionId} reads back live in ${env} with checksum ${promotion.checksum.slice(0, 12)}…`
    )
  }

  /**
   * Puts back what was live before, within its own budget (retries and lock waits included),
   * but only over what this run did: it first waits out any publish in progress and reads
   * what is live. This run's version live: the previous one is published again (or, when none
   * was, this one unpublished). The previous one, or nothing when nothing was, still live:
   * nothing to do. Another run's version live: left as it is, and said. Then what is live is
   * read once more and reported. A rollback that cannot finish says what CXone reports and
   * how to fix it by hand.
   */
  restore(): Promise<Restoration> {
    // Once: a rescue after a stall may ask again while the first is still going.
    this.restoration ??= this.restoreOnce()
    return this.restoration
  }

  private async restoreOnce(): Promise<Restoration> {
    const { versionId } = this
    // The rollback's own budget is the publish's deadline (a cancellation shortens it).
    const { publishTimeoutMs: budgetMs, cancel } = this.settings
    const budget = deadline(budgetMs)
    // Retries and waits end a little before the hard stop, a cancelled one's included: the last
    // attempt gets its answer.
    const beforeEnd = (): number =>
      budget.end - Math.min(LAST_ANSWER_MS, (budget.end - Date.now()) / 5)
    let waitsEnd = beforeEnd()
    const moved = new AbortController()
    const until: Deadline = { at: () => waitsEnd, moved: moved.signal }
    // A cancellation, before or during the rollback, brings its end to a fixed time after the
    // runner's SIGINT, whatever the budget was: the process is killed 10 s after it. A wait
    // under way then wakes at the new end of waits, for one last attempt.
    const onCancel = (): void => {
      budget.endBy(cancelledAt(cancel) + (this.settings.cancelRestoreMs ?? CANCELLED_ROLLBACK_MS))
      waitsEnd = Math.min(waitsEnd, beforeEnd())
      moved.abort()
    }
    if (cancel?.aborted) onCancel()
    else cancel?.addEventListener('abort', onCancel, { once: true })
    // Its own PATCHes get no grace past its deadline: the deadline is the rollback's whole time.
    const call: Call = { signal: budget.signal, persistUntil: until, grace: false }
    const target = this.previous
    const action: Rollback['action'] = target ? 'restore' : 'unpublish'
    const targetId = target?.versionId ?? versionId
    const rollback = (verified: boolean, detail: string): Rollback => ({
      action,
      versionId: targetId,
      verified,
      detail
    })
    try {
      const outcome = await this.phases.run(
        'Rollback',
        async () => this.rollBack(target, until, call),
        result => this.rolledBack(result, target)
      )
      const detail = this.phases.last?.detail ?? ''
      if ('other' in outcome) {
        return {
          rollback: rollback(false, detail),
          finalLive: outcome.other,
          supersededBy: outcome.other
        }
      }
      const verified = {
        ...rollback(true, detail),
        ...(outcome.mayLand && { mayStillLand: true as const })
      }
      return { rollback: verified, finalLive: target?.versionId ?? null }
    } catch (error) {
      return this.incomplete(error, target, rollback, cancel)
    } finally {
      budget.clear()
      cancel?.removeEventListener('abort', onCancel)
    }
  }

  /**
   * The rollback's steps, once no publish is in progress: `target` (the previous version) live
   * again, or nothing when none was, verified, and this version put back where this run's
   * publish took it out of. Another run's version found live is left, and named.
   */
  private async rollBack(
    target: CxoneVersion | undefined,
    until: Deadline,
    call: Call
  ): Promise<RollbackResult> {
    const { id, versionId, env } = this
    const { live } = await this.state.settledState(until, call)
    const other = this.otherRunsVersion(live)
    if (other) return { other }
    // What is live now is this run's version, or the previous one, or nothing.
    const acted = target ? live?.versionId !== target.versionId : live !== undefined
    if (acted && target) {
      await this.state.settle(
        await this.client.publish(id, target.versionId, env, target.checksum, call),
        until,
        call
      )
    } else if (acted) {
      await this.client.unpublish(id, versionId, env, call)
    }
    const after = (await this.state.settledState(until, call)).live
    const raced = this.otherRunsVersion(after)
    if (raced) return { other: raced }
    if ((after?.versionId ?? null) !== (target?.versionId ?? null)) {
      throw new ActionError(
        `${after?.versionId ?? 'nothing'} is live in ${env}, expected ${target?.versionId ?? 'nothing'}`
      )
    }
    if (target && after) this.state.expectLive(after, target.checksum)
    if (this.movedFrom) await this.putBack(this.movedFrom, until, call)
    // Not when it found this version live and no PATCH went after the lost one: that one landed.
    const landed = live?.versionId === versionId && !this.resentAfterLost
    return { acted, mayLand: this.unanswered && !landed }
  }

  /** The Rollback phase's detail: what the rollback found and did. */
  private rolledBack(result: RollbackResult, target: CxoneVersion | undefined): string {
    const { versionId, env } = this
    if ('other' in result) {
      return `${result.other} is live in ${env}: another run published it after this one began; left as it is`
    }
    const back = this.movedFrom
      ? `; ${versionId} is live again in ${this.movedFrom} (verified)`
      : ''
    const late = result.mayLand
      ? `; the publish of ${versionId} got no answer: should CXone still carry it out, ${versionId} goes live unverified (check with mode: plan)`
      : ''
    return target
      ? `${target.versionId} is ${result.acted ? 'live again' : 'still live'} in ${env} (verified)${back}${late}`
      : `nothing is live in ${env}, as before (verified)${back}${late}`
  }

  /** A rollback that did not complete: what CXone reports now, and the fix by hand. */
  private async incomplete(
    error: unknown,
    target: CxoneVersion | undefined,
    rollback: (verified: boolean, detail: string) => Rollback,
    cancel: AbortSignal | undefined
  ): Promise<Restoration> {
    const { id, versionId, env } = this
    const state = await this.readState(cancel?.aborted ? CANCELLED_READ_MS : READ_STATE_MS)
    const fix = target
      ? this.client.publishCommand(id, target.versionId, env, target.checksum)
      : this.client.unpublishCommand(id, versionId, env)
    return {
      rollback: rollback(false, `the rollback did not complete: ${describe(error)}. ${state.said}`),
      ...(state.live !== undefined ? { finalLive: state.live } : {}),
      manualFix: fix
    }
  }

  /** A live version that neither this run nor the one before it put there: another run's. */
  private otherRunsVersion(live: CxoneVersion | undefined): string | undefined {
    if (!live || live.versionId === this.versionId) return undefined
    return live.versionId === this.previous?.versionId ? undefined : live.versionId
  }

  /**
   * Publishes this version again in the environment this run's publish took it out of, unless
   * another run has put a version there since (that one is left, and said).
   */
  private async putBack(from: Environment, until: Deadline, call: Call): Promise<void> {
    const { id, versionId, promotion } = this
    const { live } = await this.state.settledState(until, call, from)
    if (live?.versionId === versionId) return
    if (live) {
      throw new ActionError(
        `${live.versionId} is live in ${from} now (another run's): ${versionId}, which this run moved out of ${from}, was not put back there`
      )
    }
    const published = await this.state.settle(
      await this.client.publish(id, versionId, from, promotion.checksum, call),
      until,
      call
    )
    this.state.expectLive(
      published.status === 'published'
        ? await this.client.getVersion(id, versionId, call)
        : published,
      promotion.checksum,
      from
    )
  }

  /** Best effort, after a failed rollback: what CXone says is live now. */
  private async readState(withinMs: number): Promise<{ live?: string | null; said: string }> {
    try {
      const { signal, clear } = deadline(withinMs)
      const live = await this.client.liveVersion(this.id, this.env, { signal }).finally(clear)
      return {
        live: live?.versionId ?? null,
        said: `CXone now reports ${live ? `${live.versionId} (checksum ${live.checksum})` : 'nothing'} live in ${this.env}`
      }
    } catch (error) {
      return { said: `the live state could not be read either (${describe(error)})` }
    }
  }
}

/**
 * After the runner's SIGINT: the rollback ends within this, and reading the final state
 * within the next; the result and evidence then fit before the kill 10 s after the SIGINT.
 */
const CANCELLED_ROLLBACK_MS = 5_000
const CANCELLED_READ_MS = 1_500
const READ_STATE_MS = 3_000

/** When the job was cancelled (epoch ms): the CancelledError says, else now. */
function cancelledAt(cancel: AbortSignal | undefined): number {
  const reason: unknown = cancel?.reason
  return reason instanceof CancelledError ? reason.at : Date.now()
}
