import { jest } from '@jest/globals'
import { CxoneEmulator, type Fault } from '../src/emulator/index.js'
import { publishVersion } from '../src/cxone/publisher.js'
import { sleep } from '../src/http/retry.js'
import { clientFor, ID, V1_CODE } from './emulated.js'
import { callsOf, promotion } from './cxone/publish-setup.js'
import { failuresOf, FAULTS } from './no-answer-cases.js'

/*
 * Fault probe of what follows a publish PATCH whose answer was lost: its read-back meeting
 * every fault, and a gateway's 502/504 on the calls that are not a PATCH. Checked on CXone's
 * (the emulator's) state right after the run and once late landings have happened.
 */
jest.setTimeout(180_000)
const only = process.env.PROBE_ONLY

/* The read-back itself fails, after a PATCH whose answer was lost. */
const READBACK_FAULTS: Record<string, Fault> = {
  gw502: { kind: 'status', status: 502, body: 'html' },
  gw504carried: { kind: 'gateway', status: 504 },
  reset: { kind: 'reset' },
  hang: { kind: 'hang' },
  cut: { kind: 'cut' },
  r429: { kind: 'status', status: 429, retryAfter: '0' },
  r404: { kind: 'status', status: 404, error: 'not_found' }
}
const PATCH_FAULTS = ['gw502carried', 'gw504not', 'cut', 'reset', 'lateLanding'] as const
const rbCases: Array<[string, string, string, number, 'sync' | 'async']> = []
for (const pf of PATCH_FAULTS)
  for (const gf of Object.keys(READBACK_FAULTS))
    for (const n of [1, 3, 99])
      for (const mode of ['sync', 'async'] as const)
        rbCases.push([`readback/${pf}/${gf}x${n}/${mode}`, pf, gf, n, mode])

test.each(PATCH_FAULTS)('read-backs that fail after a publish PATCH meeting %s', async fault => {
  const group = rbCases.filter(c => c[1] === fault && (!only || c[0] === only))
  expect(
    await failuresOf(
      group,
      c => c[0],
      c => readBackCase(...c)
    )
  ).toEqual([])
})

async function readBackCase(
  _name: string,
  pf: string,
  gf: string,
  n: number,
  mode: 'sync' | 'async'
): Promise<void> {
  {
    const emulator = new CxoneEmulator({
      publish: mode,
      asyncPublishMs: 200,
      dataActions: [
        { id: ID, versions: [{ versionId: 'v1', actionCode: V1_CODE, liveIn: 'production' }] }
      ]
    })
    await emulator.start()
    try {
      emulator.faults.add({ call: 'publish', versionId: 'v2', times: 1, fault: FAULTS[pf]! })
      emulator.faults.add({ call: 'get', versionId: 'v2', times: n, fault: READBACK_FAULTS[gf]! })
      const { client } = clientFor(emulator, {
        requestTimeoutMs: 800,
        maxAttempts: 3,
        sleep,
        random: () => 0.1
      })
      const outcome = await publishVersion(client, promotion(), { publishTimeoutMs: 5000 })
      const liveAtEnd = emulator.state(ID).live.production
      await sleep(pf === 'lateLanding' ? 2700 : 300)
      const liveLater = emulator.state(ID).live.production
      const problems: string[] = []
      if (outcome.result === 'published' && (liveAtEnd !== 'v2' || liveLater !== 'v2'))
        problems.push('published, v2 not live')
      if (outcome.result === 'rolled-back' && liveAtEnd !== 'v1')
        problems.push('rolled-back, v1 not live')
      if (outcome.result === 'rolled-back' && liveLater !== 'v1' && !outcome.rollback?.mayStillLand)
        problems.push('v2 landed later without warning')
      if (
        outcome.result === 'rolled-back' &&
        outcome.rollback?.detail.includes('still live') &&
        !outcome.rollback.mayStillLand
      )
        problems.push('lost publish not found, no warning')
      if (outcome.finalLive !== undefined && outcome.finalLive !== liveAtEnd)
        problems.push('finalLive wrong')
      if (outcome.result === 'failed' && !outcome.manualFix && !outcome.supersededBy)
        problems.push('failed without fix')
      if (problems.length > 0 || process.env.PROBE_VERBOSE)
        console.log(
          JSON.stringify({
            problems,
            result: outcome.result,
            cause: outcome.cause,
            rollback: outcome.rollback,
            liveAtEnd,
            liveLater,
            calls: callsOf(emulator)
          })
        )
      expect(problems).toEqual([])
    } finally {
      await emulator.stop()
    }
  }
}

/* A gateway's 502/504 on the calls that are not a PATCH: retried as before, never a warning. */
const nonPatch: Array<[string, 'token' | 'upload' | 'list' | 'get', string, 'first' | 'every']> = []
for (const call of ['token', 'upload', 'list', 'get'] as const)
  for (const f of ['gw502carried', 'gw504carried', 'gw502not', 'gw504not'])
    for (const times of ['first', 'every'] as const)
      nonPatch.push([`nonpatch/${call}/${f}/${times}`, call, f, times])

test("a gateway's 502/504 on a call that is not a PATCH: retried as before, never a warning", async () => {
  const group = nonPatch.filter(c => !only || c[0] === only)
  expect(
    await failuresOf(
      group,
      c => c[0],
      c => nonPatchCase(...c)
    )
  ).toEqual([])
})

async function nonPatchCase(
  _n: string,
  call: 'token' | 'upload' | 'list' | 'get',
  f: string,
  times: 'first' | 'every'
): Promise<void> {
  {
    const emulator = new CxoneEmulator({
      dataActions: [
        { id: ID, versions: [{ versionId: 'v1', actionCode: V1_CODE, liveIn: 'production' }] }
      ]
    })
    await emulator.start()
    try {
      emulator.faults.add({ call, ...(times === 'first' ? { times: 1 } : {}), fault: FAULTS[f]! })
      const { client } = clientFor(emulator, {
        requestTimeoutMs: 800,
        maxAttempts: 3,
        sleep,
        random: () => 0.1
      })
      const outcome = await publishVersion(client, promotion(), { publishTimeoutMs: 3000 })
      const liveAtEnd = emulator.state(ID).live.production
      const problems: string[] = []
      if (times === 'first' && outcome.result !== 'published')
        problems.push(`one ${f} on ${call}: ${outcome.result}`)
      if (outcome.result === 'published' && liveAtEnd !== 'v2') problems.push('published, not live')
      if (outcome.result !== 'published' && liveAtEnd !== 'v1')
        problems.push(`${outcome.result}, ${liveAtEnd} live`)
      if (outcome.rollback?.mayStillLand) problems.push('no-answer warning without a lost PATCH')
      if (outcome.finalLive !== undefined && outcome.finalLive !== liveAtEnd)
        problems.push('finalLive wrong')
      if (problems.length > 0 || process.env.PROBE_VERBOSE)
        console.log(
          JSON.stringify({
            problems,
            result: outcome.result,
            cause: outcome.cause,
            rollback: outcome.rollback,
            calls: callsOf(emulator)
          })
        )
      expect(problems).toEqual([])
    } finally {
      await emulator.stop()
    }
  }
}
