import { jest } from '@jest/globals'
import { CxoneEmulator, sha256 } from '../src/emulator/index.js'
import { RateController } from '../src/cxone/rate-controller.js'
import { publishRelease } from '../src/cxone/release.js'
import { sleep } from '../src/http/retry.js'
import { clientFor } from './emulated.js'
import { FAULTS, lostPublish } from './no-answer-cases.js'

/*
 * Fault probe of the no-answer handling in a release: member 0's publish PATCH meets a fault
 * (first or every attempt), while a sibling fails, the job is cancelled during member 0's
 * PATCH, or nothing else happens. Checked: each member's state vs its result, and the
 * no-answer warning (rollback.mayStillLand) vs what went over the wire.
 */
jest.setTimeout(60_000)
const ids = [0, 1, 2].map(i => `c1b2c3d4-e5f6-7890-abcd-${String(i).padStart(12, '0')}`)
const code = (i: number, v: string) => `exports.handler = async () => ({ m: ${i}, v: '${v}' })\n`
const cases: Array<[string, string, 'first' | 'every', 'none' | 'sibling' | 'cancel']> = []
for (const f of Object.keys(FAULTS))
  for (const times of ['first', 'every'] as const)
    for (const trig of ['none', 'sibling', 'cancel'] as const)
      cases.push([`${f}/${times}/${trig}`, f, times, trig])

test.concurrent.each(cases.filter(c => !process.env.PROBE_ONLY || c[0] === process.env.PROBE_ONLY))(
  '%s',
  async (_n, f, times, trig) => {
    const cancel = new AbortController()
    let patchSeen = false
    const emulator = new CxoneEmulator({
      asyncPublishMs: 300,
      dataActions: ids.map((id, i) => ({
        id,
        versions:
          i < 2
            ? [{ versionId: 'v1', actionCode: code(i, 'v1'), liveIn: 'production' as const }]
            : []
      })),
      onRequest: r => {
        if (trig === 'cancel' && !patchSeen && r.method === 'PATCH' && r.path.includes(ids[0]!)) {
          patchSeen = true
          setImmediate(() => cancel.abort())
        }
      }
    })
    await emulator.start()
    try {
      emulator.faults.add({
        call: 'publish',
        versionId: 'v2',
        ...(times === 'first' ? { times: 1 } : {}),
        fault: FAULTS[f]!
      })
      if (trig === 'sibling')
        emulator.faults.add({ call: 'publish', versionId: 'v3', fault: { kind: 'publish-fails' } })
      const { client } = clientFor(emulator, {
        requestTimeoutMs: 800,
        maxAttempts: 3,
        sleep,
        random: () => 0.1,
        rate: new RateController({ maxInFlight: 4 })
      })
      // Member 0 publishes v2 (the faulted one), member 1 v3, member 2 v4.
      const versions = ['v2', 'v3', 'v4']
      const promotions = ids.map((id, i) => ({
        payload: {
          dataActionId: id,
          versionId: versions[i]!,
          targetEnvironment: 'production' as const
        },
        actionCode: code(i, versions[i]!),
        checksum: sha256(code(i, versions[i]!)),
        dependencyMatrix: {}
      }))
      const outcome = await publishRelease(client, promotions, {
        publishTimeoutMs: 5000,
        cancel: cancel.signal,
        cancelRestoreMs: 3000
      })
      const atEnd = ids.map(id => emulator.state(id).live.production)
      await sleep(f === 'lateLanding' ? 2700 : 100)
      const later = ids.map(id => emulator.state(id).live.production)
      const before = ['v1', 'v1', null]
      const lost0 = lostPublish(emulator.requests, 'v2')
      const problems: string[] = []
      outcome.members.forEach((m, i) => {
        if (m.result === 'published' && (atEnd[i] !== versions[i] || later[i] !== versions[i]))
          problems.push(`m${i} published, not live`)
        if (m.result === 'rolled-back' && atEnd[i] !== before[i])
          problems.push(`m${i} rolled-back, ${atEnd[i]} live`)
        if (m.result === 'rolled-back' && later[i] !== atEnd[i] && !m.rollback?.mayStillLand)
          problems.push(`m${i} landed later, no warning`)
        if (m.result === 'not published' && atEnd[i] !== before[i])
          problems.push(`m${i} not published but changed`)
        if (m.finalLive !== undefined && m.finalLive !== atEnd[i])
          problems.push(`m${i} finalLive wrong`)
        if (m.rollback?.mayStillLand && (i !== 0 || !lost0))
          problems.push(`m${i} warning without a lost publish`)
      })
      const m0 = outcome.members[0]!
      if (
        lost0 &&
        m0.rollback?.verified &&
        m0.rollback.detail.includes('still live') &&
        !m0.rollback.mayStillLand
      )
        problems.push('m0 lost publish not found, no warning')
      if (
        outcome.result === 'rolled-back' &&
        !outcome.members.every(m => m.result !== 'failed' && m.result !== 'published')
      )
        problems.push('release rolled-back with a failed/published member')
      if (problems.length > 0 || process.env.PROBE_VERBOSE)
        console.log(
          JSON.stringify({
            problems,
            result: outcome.result,
            cause: outcome.cause,
            members: outcome.members.map(m => ({ r: m.result, rb: m.rollback, fl: m.finalLive })),
            atEnd,
            later
          })
        )
      expect(problems).toEqual([])
    } finally {
      await emulator.stop()
    }
  }
)
