/*
 * What is live for one data action, as the publish transaction reads it (transaction.ts),
 * through the client's calls.
 */
import type { CallOptions, CxoneClient, CxoneVersion } from './client.js'
import { ActionError } from '../errors.js'
import type { Environment } from '../payload.js'
import { waitWithin, type Deadline, type Sleep } from '../http/retry.js'

const POLL_FIRST_MS = 100
const POLL_MAX_MS = 2_000

/** Options of every call of a step: its signal, and its budget when it has its own. */
export type Call = Pick<CallOptions, 'signal' | 'persistUntil' | 'grace'>

/**
 * What is live for one data action, as the transaction reads it: once no publish is in
 * progress, as a `publishing` version settles, and checked against what was sent.
 */
export class LiveState {
  constructor(
    private readonly client: CxoneClient,
    private readonly id: string,
    private readonly env: Environment,
    private readonly sleep: Sleep
  ) {}

  /**
   * What is live in the environment once no publish is in progress there, waiting (polling)
   * until `until` at most (read at each wait: a cancellation moves it); `waitedFor` names the
   * version that was publishing.
   */
  async settledState(
    until: Deadline,
    call: Call,
    env: Environment = this.env
  ): Promise<{ live?: CxoneVersion; waitedFor?: string }> {
    let waitedFor: string | undefined
    for (let wait = POLL_FIRST_MS; ; wait = Math.min(POLL_MAX_MS, wait * 2)) {
      const { live, publishing } = await this.client.environmentState(this.id, env, call)
      if (!publishing) return { ...(live ? { live } : {}), ...(waitedFor ? { waitedFor } : {}) }
      waitedFor = publishing.versionId
      const left = until.at() - Date.now()
      if (left <= 0) {
        throw new ActionError(
          `version ${publishing.versionId} was still publishing in ${env} when the deadline passed (another promotion in progress?)`
        )
      }
      await waitWithin(Math.min(wait, left), until, this.sleep, call.signal)
    }
  }

  /** Polls a `publishing` version until it is published or failed, within the deadline. */
  async settle(version: CxoneVersion, until: Deadline, call: Call): Promise<CxoneVersion> {
    let current = version
    for (
      let wait = POLL_FIRST_MS;
      current.status === 'publishing';
      wait = Math.min(POLL_MAX_MS, wait * 2)
    ) {
      const left = until.at() - Date.now()
      if (left <= 0) {
        throw new ActionError(
          `version ${current.versionId} was still publishing when the publish deadline passed`
        )
      }
      await waitWithin(Math.min(wait, left), until, this.sleep, call.signal)
      current = await this.client.getVersion(this.id, current.versionId, call)
    }
    if (current.status === 'failed')
      throw new ActionError(`CXone reported the publish of ${current.versionId} as failed`)
    return current
  }

  expectLive(version: CxoneVersion, checksum: string, env: Environment = this.env): CxoneVersion {
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
}
