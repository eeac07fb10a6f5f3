/*
 * One version promoted as a transaction (publishVersion): the steps of transaction.ts, with
 * the rollback on any failure from the publish on, and the outcome a run reports.
 */
import type { CxoneClient, CxoneVersion } from './client.js'
import { settleOnDrain, STALLED } from './drain-guard.js'
import { describeFailure as describe, type Phase } from './phases.js'
import type { Environment } from '../payload.js'
import {
  VersionTransaction,
  type Promotion,
  type PublishSettings,
  type Rollback
} from './transaction.js'

export type { Promotion, PublishSettings, Rollback } from './transaction.js'

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
  /** Another run's version found live at the rollback: left as it is. */
  supersededBy?: string
  /** The other environment the version was live in, which publishing it here took it out of. */
  movedFrom?: Environment
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
  const outcome = (): Pick<PublishOutcome, 'previous' | 'phases' | 'movedFrom'> => ({
    ...(transaction.previous ? { previous: transaction.previous } : {}),
    ...(transaction.movedFrom ? { movedFrom: transaction.movedFrom } : {}),
    phases: transaction.phases.list
  })
  const live = (result: 'published' | 'unchanged'): PublishOutcome => ({
    ...outcome(),
    result,
    latencyMs: elapsed(),
    finalLive: promotion.payload.versionId
  })
  // Nothing live has changed yet: a failure or cancellation just stops.
  const stopped = (cause: string): PublishOutcome => ({
    ...outcome(),
    result: 'failed',
    cause: `${cause} (nothing live was changed)`,
    latencyMs: elapsed()
  })
  const undo = async (cause: string): Promise<PublishOutcome> => {
    const restored = await transaction.restore()
    return {
      ...outcome(),
      ...restored,
      result: restored.rollback.verified ? 'rolled-back' : 'failed',
      cause,
      latencyMs: elapsed()
    }
  }
  const failure = (error: unknown): string =>
    signal?.aborted ? 'the job was cancelled' : describe(error)

  const promote = async (): Promise<PublishOutcome> => {
    let prepared: 'ready' | 'unchanged'
    try {
      prepared = await transaction.prepare(signal)
    } catch (error) {
      return stopped(failure(error))
    }
    if (prepared === 'unchanged') return live('unchanged')
    try {
      await transaction.publish(signal)
      return live('published')
    } catch (error) {
      // Stopped before the publish PATCH went out (a cancellation): nothing to undo.
      return transaction.touched ? undo(failure(error)) : stopped(failure(error))
    }
  }
  return settleOnDrain(promote(), async () =>
    transaction.touched ? undo(STALLED) : stopped(STALLED)
  )
}
