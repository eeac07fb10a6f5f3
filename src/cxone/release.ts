/*
 * A release: several data actions promoted all or none (publishRelease), each by its own
 * transaction (transaction.ts), all paced by one rate controller; and the release checksum.
 */
import { createHash } from 'node:crypto'
import { setMaxListeners } from 'node:events'
import type { CxoneClient, CxoneVersion } from './client.js'
import type { Environment } from '../payload.js'
import { settleOnDrain, STALLED } from './drain-guard.js'
import { describeFailure, Phases, type Phase } from './phases.js'
import {
  VersionTransaction,
  type Promotion,
  type PublishSettings,
  type Restoration,
  type Rollback
} from './transaction.js'

/** What happened to one data action of a release. */
export interface MemberOutcome {
  dataActionId: string
  versionId: string
  checksum: string
  /** `not published`: the release stopped before this member's publish was asked for. */
  result: 'published' | 'unchanged' | 'rolled-back' | 'failed' | 'not published'
  previous?: CxoneVersion
  /** The other environment the version was live in, which this release took it out of. */
  movedFrom?: Environment
  cause?: string
  rollback?: Rollback
  /** What is live for it at the end, as read back; null: nothing. */
  finalLive?: string | null
  manualFix?: string
  /** Another run's version found live at the rollback: left as it is. */
  supersededBy?: string
}

export interface ReleaseOutcome {
  result: 'published' | 'unchanged' | 'rolled-back' | 'failed'
  /** See releaseChecksum. */
  checksum: string
  members: MemberOutcome[]
  /** Release-wide: Prepare, Publish, and Rollback when it came to that. */
  phases: Phase[]
  /** From the first request to the last member verified live (or the rollback's end). */
  latencyMs: number
  /** Why the release failed: the first member's failure. */
  cause?: string
}

/**
 * The checksum of a release: sha256 hex of one line `<dataActionId> <checksum>\n` per member,
 * sorted by data action id. It changes when any member's code changes, and not with order.
 */
export function releaseChecksum(
  members: ReadonlyArray<{ dataActionId: string; checksum: string }>
): string {
  const lines = members
    .map(m => `${m.dataActionId} ${m.checksum}\n`)
    .sort()
    .join('')
  return createHash('sha256').update(lines, 'utf8').digest('hex')
}

/**
 * Promotes every member as one release: first every member is read and uploaded (nothing
 * live changes), then every member is published and verified. If any member fails, every
 * member whose publish was asked for is restored to what was live before (or unpublished
 * when nothing was), and each restoration is verified. Members already live with the same
 * checksum count as unchanged. Requests go through the client's shared rate controller.
 */
export async function publishRelease(
  client: CxoneClient,
  promotions: readonly Promotion[],
  settings: PublishSettings
): Promise<ReleaseOutcome> {
  const release = new ReleaseRun(client, promotions, settings)
  const cancel = settings.cancel
  // Every member's token wait and rollback listen to these: not a leak.
  setMaxListeners(0, release.stop.signal)
  if (cancel) setMaxListeners(0, cancel)
  const onCancel = (): void => release.stop.abort(cancel?.reason)
  cancel?.addEventListener('abort', onCancel, { once: true })
  try {
    return await settleOnDrain(release.promote(), async () => release.rescue())
  } finally {
    cancel?.removeEventListener('abort', onCancel)
  }
}

/** One release as it runs: its members' transactions, and what has become of each so far. */
class ReleaseRun {
  /** Aborted by the first failure (or the cancellation): the other members stop. */
  readonly stop = new AbortController()
  private readonly log: (line: string) => void
  private readonly phases: Phases
  private readonly started = performance.now()
  private readonly transactions: VersionTransaction[]
  private readonly total: number
  private readonly cancel: AbortSignal | undefined
  private firstFailure: { tx: VersionTransaction; error: unknown } | undefined
  private readonly prepared = new Map<VersionTransaction, 'ready' | 'unchanged'>()
  private readonly published = new Set<VersionTransaction>()
  private readonly failed = new Map<VersionTransaction, string>()
  private ready: VersionTransaction[] = []
  private stalled = false

  constructor(
    client: CxoneClient,
    private readonly promotions: readonly Promotion[],
    private readonly settings: PublishSettings
  ) {
    this.log = settings.log ?? (() => undefined)
    this.phases = new Phases(this.log)
    // Members log only progress: a hundred members' every step would drown the log.
    this.transactions = promotions.map(
      p => new VersionTransaction(client, p, { ...settings, log: () => undefined })
    )
    this.total = this.transactions.length
    this.cancel = settings.cancel
  }

  /** Prepares every member, then publishes every member; a failure rolls back. */
  async promote(): Promise<ReleaseOutcome> {
    const { log, phases, transactions, total, prepared, published, stop } = this
    try {
      let done = 0
      await phases.run(
        'Prepare',
        () =>
          this.forEach(transactions, async tx => {
            prepared.set(tx, await tx.prepare(stop.signal))
            done++
            if (done === total || done % progressEvery(total) === 0) {
              log(`${done}/${total} read and uploaded`)
            }
          }),
        () => `${total} read and uploaded; ${count(prepared, 'unchanged')} already live`
      )
    } catch {
      return this.finish('failed', true)
    }
    const ready = (this.ready = transactions.filter(tx => prepared.get(tx) === 'ready'))
    try {
      await phases.run(
        'Publish',
        () =>
          this.forEach(ready, async tx => {
            await tx.publish(stop.signal)
            published.add(tx)
            if (
              published.size === ready.length ||
              published.size % progressEvery(ready.length) === 0
            ) {
              log(`${published.size}/${ready.length} published`)
            }
          }),
        () => `${ready.length} published and verified live`
      )
      return this.finish(ready.length === 0 ? 'unchanged' : 'published', false)
    } catch {
      return this.rollBack()
    }
  }

  /** The event loop drained with the release still pending: undo what was begun. */
  async rescue(): Promise<ReleaseOutcome> {
    this.stalled = true
    this.stop.abort()
    return this.ready.some(tx => tx.touched) ? this.rollBack() : this.finish('failed', true)
  }

  /** Runs `step` for each member; the first failure stops the others. */
  private async forEach(
    members: VersionTransaction[],
    step: (tx: VersionTransaction) => Promise<void>
  ): Promise<void> {
    const { stop, cancel, failed } = this
    await Promise.all(
      members.map(tx =>
        step(tx).catch((error: unknown) => {
          const said =
            stop.signal.aborted && this.firstFailure
              ? 'stopped: another member failed'
              : describeFailure(error)
          if (!this.firstFailure && !cancel?.aborted) this.firstFailure = { tx, error }
          failed.set(tx, cancel?.aborted ? 'the job was cancelled' : said)
          stop.abort(error)
        })
      )
    )
    if (stop.signal.aborted) throw this.firstFailure?.error ?? cancel?.reason
  }

  private async rollBack(): Promise<ReleaseOutcome> {
    const { log, phases } = this
    const touched = this.ready.filter(tx => tx.touched)
    log(`Rolling back ${touched.length} member(s)`)
    const restorations = new Map<VersionTransaction, Restoration>()
    await phases
      .run(
        'Rollback',
        async () => {
          await Promise.all(touched.map(async tx => restorations.set(tx, await tx.restore())))
          const broken = [...restorations.values()].filter(r => !r.rollback.verified).length
          if (broken > 0)
            throw new Error(`${broken} of ${touched.length} restoration(s) did not complete`)
        },
        () => `${touched.length} member(s) restored to what was live before (verified)`
      )
      .catch(() => undefined)
    const verified = [...restorations.values()].every(r => r.rollback.verified)
    return this.finish(verified ? 'rolled-back' : 'failed', false, restorations)
  }

  private finish(
    result: ReleaseOutcome['result'],
    beforePublish: boolean,
    restorations = new Map<VersionTransaction, Awaited<ReturnType<VersionTransaction['restore']>>>()
  ): ReleaseOutcome {
    const { cancel, firstFailure, prepared, published, failed } = this
    const cause = this.stalled
      ? STALLED
      : cancel?.aborted
        ? 'the job was cancelled'
        : firstFailure
          ? `${firstFailure.tx.promotion.payload.dataActionId}: ${describeFailure(firstFailure.error)}`
          : undefined
    const members = this.transactions.map((tx): MemberOutcome => {
      const { payload, checksum } = tx.promotion
      const restored = restorations.get(tx)
      const memberResult: MemberOutcome['result'] = restored
        ? restored.rollback.verified
          ? 'rolled-back'
          : 'failed'
        : prepared.get(tx) === 'unchanged'
          ? 'unchanged'
          : published.has(tx)
            ? 'published'
            : tx === firstFailure?.tx
              ? 'failed'
              : 'not published'
      return {
        dataActionId: payload.dataActionId,
        versionId: payload.versionId,
        checksum,
        result: memberResult,
        ...(tx.previous ? { previous: tx.previous } : {}),
        ...(tx.movedFrom ? { movedFrom: tx.movedFrom } : {}),
        ...(failed.has(tx) ? { cause: failed.get(tx) } : {}),
        ...(restored ? restored : {}),
        ...(!restored && (published.has(tx) || prepared.get(tx) === 'unchanged')
          ? { finalLive: payload.versionId }
          : {})
      }
    })
    return {
      result,
      checksum: releaseChecksum(
        this.promotions.map(p => ({ dataActionId: p.payload.dataActionId, checksum: p.checksum }))
      ),
      members,
      phases: this.phases.list,
      latencyMs: Math.round(performance.now() - this.started),
      ...(cause ? { cause: beforePublish ? `${cause} (nothing live was changed)` : cause } : {})
    }
  }
}

function count<K>(map: Map<K, string>, value: string): number {
  return [...map.values()].filter(v => v === value).length
}

/** Progress lines: each member for small releases, about every tenth for large ones. */
function progressEvery(total: number): number {
  return Math.max(1, Math.ceil(total / 10))
}
