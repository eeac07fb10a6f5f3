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
    }
  /** Drop the connection without an answer. */
  | { kind: 'reset' }
  /** Never answer (the client's timeout must end the wait). */
  | { kind: 'hang' }
  /** Revoke every token, then answer 401 as an expired token would. */
  | { kind: 'revoke-token' }
  /** A publish is accepted (202), then ends `failed`. */
  | { kind: 'publish-fails' }
  /** A publish is accepted (202) and takes this long to finish. */
  | { kind: 'slow-publish'; ms: number }
  /** A read-back reports this checksum instead of the stored one. */
  | { kind: 'wrong-checksum'; checksum: string }

export interface FaultRule {
  call: CallKind | CallKind[]
  /** Only for this version id (publish, unpublish, get, upload). */
  versionId?: string
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

  /** The fault for this call, if any rule takes it. */
  take(call: CallKind, versionId: string | undefined): Fault | undefined {
    for (const rule of this.rules) {
      const calls = Array.isArray(rule.call) ? rule.call : [rule.call]
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
