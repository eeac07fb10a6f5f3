import { createHash } from 'node:crypto'
import type { CxoneClient, CxoneVersion } from './client.js'
import type { Environment } from '../payload.js'
import { settleOnDrain, STALLED } from './drain-guard.js'
import { describeFailure, Phases, type Phase } from './phases.js'
import { rollbackBudgetMs } from './publisher.js'
import {
  VersionTransaction,
  type Promotion,
  type PublishSettings,
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
  const log = settings.log ?? (() => undefined)
  const phases = new Phases(log)
  const started = performance.now()
  const elapsed = (): number => Math.round(performance.now() - started)
  // Members log only progress: a hundred members' every step would drown the log.
  const transactions = promotions.map(
    p => new VersionTransaction(client, p, { ...settings, log: () => undefined })
  )
  const total = transactions.length
  const stop = new AbortController()
  const cancel = settings.cancel
  const onCancel = (): void => stop.abort(cancel?.reason)
  cancel?.addEventListener('abort', onCancel, { once: true })
  let firstFailure: { tx: VersionTransaction; error: unknown } | undefined
  const prepared = new Map<VersionTransaction, 'ready' | 'unchanged'>()
  const published = new Set<VersionTransaction>()
  const failed = new Map<VersionTransaction, string>()

  /** Runs `step` for each member; the first failure stops the others. */
  const forEach = async (
    members: VersionTransaction[],
    step: (tx: VersionTransaction) => Promise<void>
  ): Promise<void> => {
    await Promise.all(
      members.map(tx =>
        step(tx).catch((error: unknown) => {
          const said =
            stop.signal.aborted && firstFailure
              ? 'stopped: another member failed'
              : describeFailure(error)
          if (!firstFailure && !cancel?.aborted) firstFailure = { tx, error }
          failed.set(tx, cancel?.aborted ? 'the job was cancelled' : said)
          stop.abort(error)
        })
      )
    )
    if (stop.signal.aborted) throw firstFailure?.error ?? cancel?.reason
  }

  let ready: VersionTransaction[] = []
  let stalled = false
  try {
    return await settleOnDrain(promote(), async () => {
      stalled = true
      stop.abort()
      return ready.some(tx => tx.touched) ? rollBack() : finish('failed', true)
    })
  } finally {
    cancel?.removeEventListener('abort', onCancel)
  }

  async function promote(): Promise<ReleaseOutcome> {
    try {
      let done = 0
      await phases.run(
        'Prepare',
        () =>
          forEach(transactions, async tx => {
            prepared.set(tx, await tx.prepare(stop.signal))
            done++
            if (done === total || done % progressEvery(total) === 0) {
              log(`${done}/${total} read and uploaded`)
            }
          }),
        () => `${total} read and uploaded; ${count(prepared, 'unchanged')} already live`
      )
    } catch {
      return finish('failed', true)
    }
    ready = transactions.filter(tx => prepared.get(tx) === 'ready')
    try {
      await phases.run(
        'Publish',
        () =>
          forEach(ready, async tx => {
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
      return finish(ready.length === 0 ? 'unchanged' : 'published', false)
    } catch {
      return rollBack()
    }
  }

  async function rollBack(): Promise<ReleaseOutcome> {
    const touched = ready.filter(tx => tx.touched)
    log(`Rolling back ${touched.length} member(s)`)
    const budgetMs = rollbackBudgetMs(settings)
    const restorations = new Map<
      VersionTransaction,
      Awaited<ReturnType<VersionTransaction['restore']>>
    >()
    await phases
      .run(
        'Rollback',
        async () => {
          await Promise.all(
            touched.map(async tx =>
              restorations.set(tx, await tx.restore(budgetMs, settings.cancel))
            )
          )
          const broken = [...restorations.values()].filter(r => !r.rollback.verified).length
          if (broken > 0)
            throw new Error(`${broken} of ${touched.length} restoration(s) did not complete`)
        },
        () => `${touched.length} member(s) restored to what was live before (verified)`
      )
      .catch(() => undefined)
    const verified = [...restorations.values()].every(r => r.rollback.verified)
    return finish(verified ? 'rolled-back' : 'failed', false, restorations)
  }

  function finish(
    result: ReleaseOutcome['result'],
    beforePublish: boolean,
    restorations = new Map<VersionTransaction, Awaited<ReturnType<VersionTransaction['restore']>>>()
  ): ReleaseOutcome {
    const cause = stalled
      ? STALLED
      : cancel?.aborted
        ? 'the job was cancelled'
        : firstFailure
          ? `${firstFailure.tx.promotion.payload.dataActionId}: ${describeFailure(firstFailure.error)}`
          : undefined
    const members = transactions.map((tx): MemberOutcome => {
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
        promotions.map(p => ({ dataActionId: p.payload.dataActionId, checksum: p.checksum }))
      ),
      members,
      phases: phases.list,
      latencyMs: elapsed(),
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
