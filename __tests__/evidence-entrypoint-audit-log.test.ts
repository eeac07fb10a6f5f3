import { mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { AuditLog, verifyChain } from '../src/evidence/audit.js'
import { ID } from './emulated.js'
import { emulatedPublish, RUNNER } from './evidence-runs.js'
import { makeWorkspace, ROOT, runAction, type ActionRun } from './helpers.js'

/**
 * The audit log of a real run, before anything changes: one that cannot be trusted or written
 * stops the run, and a publish sends nothing until its intent is on record. (The evidence a run
 * leaves at its end is in evidence-entrypoint.test.ts.)
 */
const { emulator: current, publishInputs } = emulatedPublish()

test('an audit log whose last line is corrupt stops the run before anything changes', async () => {
  const auditLog = join(mkdtempSync(join(tmpdir(), 'cxone-ev-')), 'audit.jsonl')
  writeFileSync(auditLog, '{"event":"published","hash":"not a hash"}\n')
  const run = await runAction(publishInputs({ 'version-id': 'v2', 'audit-log': auditLog }), {
    env: RUNNER
  })
  expect(run.exitCode).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toContain(
    `::error file=${auditLog},line=1::audit log ${auditLog}: the last record (line 1) is corrupt`
  )
  expect(current().requests).toEqual([])
  expect(readFileSync(auditLog, 'utf8')).toBe('{"event":"published","hash":"not a hash"}\n')
})

describe('evidence first: nothing is published unless its intent is on record', () => {
  const v2 = { 'version-id': 'v2' }
  const expectNothingSent = (run: ActionRun): void => {
    expect(run.exitCode).toBe(1)
    expect(run.outputs.result).toBe('failed')
    expect(run.errors).toHaveLength(1)
    expect(current().requests).toEqual([])
    expect(current().state(ID).live.production).toBe('v1')
  }

  test('a log that cannot be written (its directory is a file): the step fails, nothing is sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-ev-'))
    writeFileSync(join(dir, 'not-a-dir'), '')
    const auditLog = join(dir, 'not-a-dir', 'audit.jsonl')
    const run = await runAction(publishInputs({ ...v2, 'audit-log': auditLog }), { env: RUNNER })
    expectNothingSent(run)
    expect(run.errors[0]).toMatch(
      new RegExp(
        `^::error file=${auditLog}::Nothing was published: the audit log cannot be written, and a publish leaves its intent there before it changes anything\\. `
      )
    )
  })

  test('a full disk (a write that falls short): the part written is removed, nothing is sent', async () => {
    const auditLog = join(mkdtempSync(join(tmpdir(), 'cxone-ev-')), 'audit.jsonl')
    // A sound log of 64 KB; the file size limit lets 100 more bytes in, not a whole record.
    const log = await AuditLog.open(auditLog)
    do await log.append({ event: 'validated', pad: 'x'.repeat(500) })
    while (statSync(auditLog).size < 64 * 1024)
    const before = readFileSync(auditLog)
    const limited = join(dirname(auditLog), 'node-limited.sh')
    writeFileSync(
      limited,
      `#!/bin/bash\n# bash, not dash: dash drops the INPUT_CLIENT-ID style variables.\nexec prlimit --fsize=${before.length + 100} ${process.execPath} "$@"\n`,
      { mode: 0o755 }
    )
    const run = await runAction(publishInputs({ ...v2, 'audit-log': auditLog }), {
      env: RUNNER,
      node: limited
    })
    expectNothingSent(run)
    expect(run.errors[0]).toContain('the part written was removed')
    expect(readFileSync(auditLog)).toEqual(before)
    expect(verifyChain(before.toString('utf8')).ok).toBe(true)
  })

  test.each([
    ['the log itself', 'cxone-audit.jsonl', 'cxone-audit.jsonl'],
    ['a directory on its way', 'logs', 'logs/cxone-audit.jsonl']
  ])(
    'a link committed in the workspace (%s) is refused, and nothing is written through it',
    async (_, link, auditLog) => {
      const elsewhere = mkdtempSync(join(tmpdir(), 'cxone-elsewhere-'))
      const target = join(elsewhere, 'cxone-audit.jsonl')
      writeFileSync(target, '')
      const ws = makeWorkspace({
        'action.js': readFileSync(join(ROOT, 'examples/actions/lookup-customer.js'), 'utf8'),
        'package.json': readFileSync(join(ROOT, 'examples/actions/package.json'), 'utf8')
      })
      symlinkSync(link.endsWith('.jsonl') ? target : elsewhere, join(ws, link))
      const run = await runAction(
        publishInputs({
          ...v2,
          'action-file': 'action.js',
          'dependency-manifest': 'package.json',
          'audit-log': auditLog
        }),
        { cwd: ws, env: RUNNER }
      )
      expectNothingSent(run)
      expect(run.errors[0]).toContain('is a symbolic link')
      expect(readFileSync(target, 'utf8')).toBe('')
    }
  )

  test('runs given two paths to one log (through a linked directory) still form one chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-ev-'))
    mkdirSync(join(dir, 'real'))
    symlinkSync(join(dir, 'real'), join(dir, 'link'))
    const runs = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        runAction({
          mode: 'validate',
          'action-file': 'examples/actions/lookup-customer.js',
          'data-action-id': ID,
          'version-id': `v${i}`,
          'dependency-manifest': 'examples/actions/package.json',
          'pr-comment': 'false',
          'audit-log': join(dir, i % 2 ? 'link' : 'real', 'audit.jsonl')
        })
      )
    )
    expect(runs.map(r => r.exitCode)).toEqual(Array(8).fill(0))
    expect(verifyChain(readFileSync(join(dir, 'real', 'audit.jsonl'), 'utf8'))).toMatchObject({
      ok: true,
      records: 8
    })
  })
})
