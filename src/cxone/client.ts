/*
 * src/cxone: talking to CXone transactionally. Given validated versions (their code, checksum
 * and dependencies), it reads what is live, uploads, publishes, verifies and rolls back, and
 * returns what happened; it also plans (what a publish would do). It must not touch the rest:
 * no workflow commands (outputs, annotations, the job summary: the shell writes them from what
 * these functions return), no evidence files (evidence/ writes them), no sandbox (code is
 * evaluated before anything here runs), and no inputs (it is handed its settings).
 *
 * The CXone client: every vendor (NICE CXone) detail lives in these five files and nowhere
 * else: hosts, the token flow, paths, bodies, status codes and what they mean. Swapping an
 * endpoint or the auth flow touches these files only.
 * - client.ts (this file): CxoneClient, the calls: paths, bodies, what each answer means;
 * - requests.ts: one logical request: the access token, retries, lock waits, pacing;
 * - token.ts: getting and caching the OAuth token (client credentials);
 * - responses.ts: the schemas of CXone's answers, and each failure as a typed error;
 * - hosts.ts: a region's default hosts (apart: reading the inputs loads no HTTP stack).
 *
 * Then, on top of the client and knowing nothing of CXone's wire:
 * - rate-controller.ts: one pace for every request of a release (a 429 slows everyone);
 * - transaction.ts: VersionTransaction, one data action's promotion: prepare (read live,
 *   upload), publish (publish, wait, verify) and, after a failure, restore (verified);
 *   live-state.ts: what is live, read as the transaction needs it (waits out a publish);
 * - publisher.ts: publishVersion, one version as a transaction (docs/transaction.md);
 * - release.ts: publishRelease, several data actions promoted all or none;
 * - plan.ts: what a publish would do; git-history.ts: whether what is live is what this
 *   repository released under that version id;
 * - phases.ts: the named, timed steps a run reports; drain-guard.ts: no silent end when the
 *   event loop drains while a publish is pending.
 */
import type { Environment } from '../payload.js'
import { CxoneError, ListSchema, VersionSchema, type CxoneVersion } from './responses.js'
import { Requests, type CallOptions, type CallStats, type CxoneClientOptions } from './requests.js'

/** The PATCH bodies that make a version live in an environment, or take it out. */
const publishBody = (environment: Environment, checksum: string) => ({
  published: true,
  environment,
  checksum
})
const unpublishBody = (environment: Environment) => ({ published: false, environment })

/** One shell word, whatever the text holds: in single quotes, each `'` closed, escaped, reopened. */
const shellQuote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`

export { CxoneError, type CxoneVersion } from './responses.js'
export type { CallOptions, CallStats, CxoneClientOptions } from './requests.js'

/** The calls of CXone's data action version API, as docs/contract.md has them. */
export class CxoneClient {
  readonly stats: CallStats
  private readonly requests: Requests

  constructor(options: CxoneClientOptions) {
    this.requests = new Requests(options)
    this.stats = this.requests.stats
  }

  /**
   * What the environment holds: the version live there, and one still `publishing` there (the
   * contract's list, filtered by environment only, shows both).
   */
  async environmentState(
    dataActionId: string,
    environment: Environment,
    options: CallOptions = {}
  ): Promise<{ live?: CxoneVersion; publishing?: CxoneVersion }> {
    const query = new URLSearchParams({ environment })
    const { versions } = await this.requests.call(
      this.requests.target(
        `reading what is live for ${dataActionId} in ${environment}`,
        'GET',
        `${this.versionsPath(dataActionId)}?${query}`
      ),
      undefined,
      ListSchema,
      options
    )
    const here = versions.filter(v => v.environment === environment)
    const live = here.find(v => v.published)
    const publishing = here.find(v => v.status === 'publishing')
    return { ...(live ? { live } : {}), ...(publishing ? { publishing } : {}) }
  }

  /** The version live in `environment`, or undefined when none is. */
  async liveVersion(
    dataActionId: string,
    environment: Environment,
    options: CallOptions = {}
  ): Promise<CxoneVersion | undefined> {
    return (await this.environmentState(dataActionId, environment, options)).live
  }

  /** Uploads a version; `created` is false when it already existed with this checksum. */
  async upload(
    version: {
      dataActionId: string
      versionId: string
      targetEnvironment: Environment
      checksum: string
      dependencyMatrix: Record<string, string>
      actionCode: string
    },
    options: CallOptions = {}
  ): Promise<{ version: CxoneVersion; created: boolean }> {
    const { data, status } = await this.requests.callWithStatus(
      this.requests.target(
        `uploading version ${version.versionId} of ${version.dataActionId}`,
        'POST',
        this.versionPath(version.dataActionId, version.versionId)
      ),
      version,
      VersionSchema,
      options
    )
    return { version: data, created: status === 201 }
  }

  /**
   * Asks CXone to make a version live; the answer may still be `publishing` (202). When the
   * answer is lost, the version is read back: the publish counts if it took.
   */
  async publish(
    dataActionId: string,
    versionId: string,
    environment: Environment,
    checksum: string,
    options: CallOptions = {}
  ): Promise<CxoneVersion> {
    return this.patch(
      `publishing version ${versionId} of ${dataActionId} to ${environment}`,
      dataActionId,
      versionId,
      publishBody(environment, checksum),
      v =>
        v.environment === environment &&
        v.checksum === checksum &&
        (v.published || v.status === 'publishing'),
      options
    )
  }

  async unpublish(
    dataActionId: string,
    versionId: string,
    environment: Environment,
    options: CallOptions = {}
  ): Promise<CxoneVersion> {
    return this.patch(
      `unpublishing version ${versionId} of ${dataActionId} from ${environment}`,
      dataActionId,
      versionId,
      unpublishBody(environment),
      v => !(v.published && v.environment === environment),
      options
    )
  }

  async getVersion(
    dataActionId: string,
    versionId: string,
    options: CallOptions = {}
  ): Promise<CxoneVersion> {
    return this.requests.call(
      this.requests.target(
        `reading back version ${versionId} of ${dataActionId}`,
        'GET',
        this.versionPath(dataActionId, versionId)
      ),
      undefined,
      VersionSchema,
      options
    )
  }

  /** The version, or undefined when CXone does not know it (404). */
  async findVersion(
    dataActionId: string,
    versionId: string,
    options: CallOptions = {}
  ): Promise<CxoneVersion | undefined> {
    try {
      return await this.getVersion(dataActionId, versionId, options)
    } catch (error) {
      if (error instanceof CxoneError && error.status === 404 && error.code === 'not_found') {
        return undefined
      }
      throw error
    }
  }

  /** The command a person can run to do by hand what `publish` asks (no secret in it). */
  publishCommand(
    dataActionId: string,
    versionId: string,
    environment: Environment,
    checksum: string
  ): string {
    return this.patchCommand(dataActionId, versionId, publishBody(environment, checksum))
  }

  /** The command a person can run to do by hand what `unpublish` asks (no secret in it). */
  unpublishCommand(dataActionId: string, versionId: string, environment: Environment): string {
    return this.patchCommand(dataActionId, versionId, unpublishBody(environment))
  }

  dispose(): void {
    this.requests.dispose()
  }

  /** Values from CXone's answers are quoted for the shell: a person pastes this command. */
  private patchCommand(dataActionId: string, versionId: string, body: object): string {
    const url = `${this.requests.apiBase}${this.versionPath(dataActionId, versionId)}`
    return `curl -X PATCH -H "Authorization: Bearer $CXONE_TOKEN" -H "Content-Type: application/json" -d ${shellQuote(JSON.stringify(body))} ${shellQuote(url)}`
  }

  private versionsPath(dataActionId: string): string {
    return `/api/v2/studio/data-actions/${encodeURIComponent(dataActionId)}/versions`
  }

  private versionPath(dataActionId: string, versionId: string): string {
    return `${this.versionsPath(dataActionId)}/${encodeURIComponent(versionId)}`
  }

  /**
   * A PATCH whose answer may be lost on the way back: then what it asked for may or may not
   * have happened, so the version is read back, and `took` says whether it did.
   */
  private async patch(
    what: string,
    dataActionId: string,
    versionId: string,
    body: object,
    took: (version: CxoneVersion) => boolean,
    options: CallOptions
  ): Promise<CxoneVersion> {
    // The read-back is no attempt of the PATCH (it tells neither onSend nor onLost), and has
    // one attempt of its own: the PATCH's retries are the retries.
    const readOptions: CallOptions = {
      ...(options.signal && { signal: options.signal }),
      once: true
    }
    const readBack = async (): Promise<CxoneVersion | undefined> => {
      const version = await this.getVersion(dataActionId, versionId, readOptions)
      return took(version) ? version : undefined
    }
    return (
      await this.requests.callWithStatus(
        this.requests.target(what, 'PATCH', this.versionPath(dataActionId, versionId)),
        body,
        VersionSchema,
        options,
        readBack
      )
    ).data
  }
}
