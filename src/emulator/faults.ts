/** Which calls of the CXone contract a fault applies to. */
export type CallKind = 'token' | 'upload' | 'publish' | 'unpublish' | 'get' | 'list'

/** What the emulator does instead of (or on top of) answering a call. */
export type Fault =
  /** Answer with this status; `body` picks a JSON error, an HTML proxy page or nothing. */
  | {
      kind: 'status'
      status: number
      error?: string
      body?: 'json' | 'html' | 'empty'
      /** Seconds, or an HTTP date; sent as `Retry-After`. */
      retryAfter?: string
      /** Sent as `Location` (a redirect). */
      location?: string
    }
  /** Drop the connection without an answer (the call is not carried out). */
  | { kind: 'reset' }
  /** Never answer (the client's deadline must end the wait); the call is not carried out. */
  | { kind: 'hang' }
  /**
   * Carry the call out, then answer `status` (502 or 504) with a proxy's page instead of
   * CXone's answer: a gateway that gave up waiting for CXone.
   */
  | { kind: 'gateway'; status: number }
  /** Carry the call out, then close the connection halfway through the answer's body. */
  | { kind: 'cut' }
  /** Carry the call out, then send the answer's body one byte every `everyMs`. */
  | { kind: 'trickle'; everyMs: number }
  /** Carry the call out, then pad the answer's JSON with spaces to `bytes` bytes. */
  | { kind: 'huge'; bytes: number }
  /** Wait this long, then carry the call out and answer. */
  | { kind: 'delay'; ms: number }
  /** Wait until `opened` settles, then carry the call out and answer. */
  | { kind: 'gate'; opened: Promise<unknown> }
  /** Revoke every token, then answer 401 as an expired token would. */
  | { kind: 'revoke-token' }
  /** A publish is accepted (202), then ends `failed`. */
  | { kind: 'publish-fails' }
  /** A publish is accepted (202) and takes this long to finish. */
  | { kind: 'slow-publish'; ms: number }
  /** A read-back reports this checksum instead of the stored one. */
  | { kind: 'wrong-checksum'; checksum: string }

export interface FaultRule {
  /** The calls it applies to; any call when omitted. */
  call?: CallKind | CallKind[]
  /** Only for this version id (publish, unpublish, get, upload). */
  versionId?: string
  /** Only the request with this index (0-based, in the order the emulator received them). */
  at?: number
  /** How many matching calls it hits; unlimited when omitted. */
  times?: number
  /** Matching calls to let through before it starts. */
  skip?: number
  fault: Fault
}

/** The active fault rules; each matching call consumes one use of the first rule it meets. */
export class FaultPlan {
  private readonly rules: Array<FaultRule & { seen: number; used: number }> = []

  add(rule: FaultRule): void {
    this.rules.push({ ...rule, seen: 0, used: 0 })
  }

  clear(): void {
    this.rules.length = 0
  }

  /** The fault for request number `index`, a `call` on `versionId`, if any rule takes it. */
  take(
    call: CallKind | 'unknown',
    versionId: string | undefined,
    index: number
  ): Fault | undefined {
    for (const rule of this.rules) {
      if (rule.at !== undefined && rule.at !== index) continue
      const calls = rule.call === undefined ? [call] : [rule.call].flat()
      if (!calls.includes(call)) continue
      if (rule.versionId !== undefined && rule.versionId !== versionId) continue
      if (rule.times !== undefined && rule.used >= rule.times) continue
      rule.seen++
      if (rule.seen <= (rule.skip ?? 0)) continue
      rule.used++
      return rule.fault
    }
    return undefined
  }
}
