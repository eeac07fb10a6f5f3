import { jest } from '@jest/globals'
import { CxoneEmulator, type FaultRule } from '../src/emulator/index.js'
import { publishVersion } from '../src/cxone/publisher.js'
import { sleep } from '../src/http/retry.js'
import { clientFor, ID, V1_CODE } from './emulated.js'
import { failuresOf, FAULTS, lostPublish as lostOnWire } from './no-answer-cases.js'
import { callsOf, promotion } from './cxone/publish-setup.js'

/*
 * Fault probe of the no-answer handling: every PATCH of a single publish (the publish, the
 * rollback's restore, the rollback's unpublish) × a fault on its first or every attempt × a
 * cancellation at some point. The invariant is checked on CXone's (the emulator's) state right
 * after the run and once late landings have happened.
 */
jest.setTimeout(180_000)

type Target = 'publish' | 'restore' | 'unpublish'
type Cancel = 'none' | 'before' | 'during' | 'after' | 'backoff' | 'verify'

interface Case {
  target: Target
  times: 'first' | 'every'
  fault: string
  cancel: Cancel
}
const cases: Case[] = []
for (const target of ['publish', 'restore', 'unpublish'] as const)
  for (const times of ['first', 'every'] as const)
    for (const fault of Object.keys(FAULTS))
      for (const cancel of (target === 'publish'
        ? ['none', 'before', 'during', 'after', 'backoff', 'verify']
        : ['none', 'during']) as Cancel[])
        cases.push({ target, times, fault, cancel })

const only = process.env.PROBE_ONLY
const selected = only
  ? cases.filter(c => `${c.target}/${c.times}/${c.fault}/${c.cancel}` === only)
  : cases

const caseName = (c: Case) => `${c.target}/${c.times}/${c.fault}/${c.cancel}`

test.each(['publish', 'restore', 'unpublish'] as const)(
  'every fault and cancellation on the %s PATCH',
  async target => {
    const group = selected.filter(c => c.target === target)
    expect(await failuresOf(group, caseName, probeCase)).toEqual([])
  }
)

async function probeCase(c: Case): Promise<void> {
  const previous = c.target === 'unpublish' ? null : 'v1'
  const cancel = new AbortController()
  let patched = false
  const emulator = new CxoneEmulator({
    dataActions: [
      {
        id: ID,
        versions: previous ? [{ versionId: 'v1', actionCode: V1_CODE, liveIn: 'production' }] : []
      }
    ],
    onRequest: r => {
      // Bodies are not read yet here; the path and method are.
      if (r.method === 'PATCH' && c.cancel === 'during') {
        const mine = c.target === 'publish' ? r.path.endsWith('/v2') : true
        if (mine && !patched) {
          // For rollback targets: only the rollback's PATCH (the publish PATCH is the first).
          if (c.target === 'publish' || seenPublish) {
            patched = true
            setImmediate(() => cancel.abort())
          }
        }
        if (c.target !== 'publish') seenPublish = true
      }
      if (c.cancel === 'after' && afterArmed && r.method !== 'PATCH') {
        afterArmed = false
        cancel.abort()
      }
      if (r.method === 'PATCH' && c.cancel === 'after') afterArmed = true
    }
  })
  let seenPublish = false
  let afterArmed = false
  await emulator.start()
  try {
    const rule: Omit<FaultRule, 'call'> = {
      fault: FAULTS[c.fault]!,
      versionId: c.target === 'restore' ? 'v1' : 'v2',
      ...(c.times === 'first' ? { times: 1 } : {})
    }
    emulator.faults.add({ ...rule, call: c.target === 'unpublish' ? 'unpublish' : 'publish' })
    // The rollback targets: the publish lands, then Verify reads a wrong checksum.
    if (c.target !== 'publish') {
      emulator.faults.add({
        call: 'get',
        versionId: 'v2',
        fault: { kind: 'wrong-checksum', checksum: 'f'.repeat(64) }
      })
    }
    const { client } = clientFor(emulator, {
      requestTimeoutMs: 800,
      maxAttempts: 3,
      sleep,
      random: () => 0.2,
      onRetry: message => {
        if (c.cancel === 'backoff' && message.startsWith('publishing version v2')) cancel.abort()
      }
    })
    const logs: string[] = []
    const outcome = await publishVersion(client, promotion(), {
      publishTimeoutMs: 5000,
      cancel: cancel.signal,
      cancelRestoreMs: 3000,
      log: line => {
        logs.push(line)
        if (c.cancel === 'before' && line.startsWith('Upload')) cancel.abort()
        // After the publish phase succeeded (answered or read back), before Verify.
        if (c.cancel === 'verify' && line.startsWith('Publish:')) cancel.abort()
      }
    })
    const liveAtEnd = emulator.state(ID).live.production
    await sleep(c.fault === 'lateLanding' ? 2700 : 50)
    const liveLater = emulator.state(ID).live.production
    const v2 = emulator.state(ID).versions.find(v => v.versionId === 'v2')
    const lostPublish = lostOnWire(emulator.requests, 'v2')
    const report = {
      result: outcome.result,
      cause: outcome.cause,
      rollback: outcome.rollback,
      finalLive: outcome.finalLive,
      liveAtEnd,
      liveLater,
      lostPublish,
      calls: callsOf(emulator)
    }
    const problems: string[] = []
    if (outcome.result === 'published') {
      if (liveAtEnd !== 'v2' || liveLater !== 'v2') problems.push('published but v2 not live')
      if (v2?.checksum !== promotion().checksum) problems.push('published with wrong checksum')
    }
    if (outcome.result === 'rolled-back') {
      if (!outcome.rollback?.verified) problems.push('rolled-back not verified')
      if (liveAtEnd !== previous) problems.push(`rolled-back but ${liveAtEnd} live at end`)
      if (liveLater !== liveAtEnd && !outcome.rollback?.mayStillLand)
        problems.push(`v2 landed after a verified rollback without the no-answer warning`)
      if (
        lostPublish &&
        outcome.rollback?.detail.includes('still live') &&
        !outcome.rollback.mayStillLand
      )
        problems.push('lost publish not found landed, yet no warning')
    }
    if (outcome.finalLive !== undefined && outcome.finalLive !== liveAtEnd)
      problems.push(`finalLive ${outcome.finalLive} but ${liveAtEnd} live`)
    if (outcome.rollback?.mayStillLand && !lostPublish)
      problems.push('warning without a lost publish')
    if (
      (outcome.rollback?.detail.includes('no answer') ?? false) !==
      (outcome.rollback?.mayStillLand ?? false)
    )
      problems.push('detail and mayStillLand disagree')
    if (
      outcome.result === 'failed' &&
      outcome.rollback &&
      !outcome.manualFix &&
      !outcome.supersededBy
    )
      problems.push('failed rollback without a fix by hand')
    if (problems.length > 0 || process.env.PROBE_VERBOSE)
      console.log(JSON.stringify({ case: c, problems, ...report, logs }, null, 1))
    expect(problems).toEqual([])
  } finally {
    await emulator.stop()
  }
}
