import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { AuditLog, AuditLogError, GENESIS_HASH, verifyChain } from '../../src/evidence/audit.js'
import { ROOT, runAction } from '../helpers.js'

const tmp = () => join(mkdtempSync(join(tmpdir(), 'cxone-audit-')), 'audit.jsonl')

/** An independent reading of RFC 8785 for flat records of strings and numbers. */
function expectedHash(record: Record<string, string | number>): string {
  const keys = Object.keys(record)
    .filter(k => k !== 'hash')
    .sort()
  const canonical = `{${keys.map(k => `${JSON.stringify(k)}:${JSON.stringify(record[k])}`).join(',')}}`
  return createHash('sha256').update(canonical).digest('hex')
}

async function logWith(n: number): Promise<{ path: string; lines: string[]; hashes: string[] }> {
  const path = tmp()
  const log = await AuditLog.open(path)
  const hashes: string[] = []
  for (let i = 0; i < n; i++)
    hashes.push((await log.append({ run: i, event: 'published', z: 'last', a: 'first' })).hash)
  return { path, lines: readFileSync(path, 'utf8').trimEnd().split('\n'), hashes }
}

describe('the hash chain', () => {
  test('each record carries prevHash and hash = sha256(canonical JSON without hash)', async () => {
    const { lines, hashes } = await logWith(3)
    const records = lines.map(l => JSON.parse(l) as Record<string, string | number>)
    expect(records[0]!.prevHash).toBe(GENESIS_HASH)
    expect(records[1]!.prevHash).toBe(hashes[0])
    expect(records[2]!.prevHash).toBe(hashes[1])
    for (const record of records) expect(record.hash).toBe(expectedHash(record))
  })

  test('a sound log verifies, with and without its anchored head', async () => {
    const { path, hashes } = await logWith(4)
    const text = readFileSync(path, 'utf8')
    expect(verifyChain(text)).toEqual({ ok: true, records: 4, head: hashes[3] })
    expect(verifyChain(text, hashes[3])).toEqual({ ok: true, records: 4, head: hashes[3] })
  })

  const tampered: Array<[string, (lines: string[]) => string, number, string, string?]> = [
    [
      'a field edited',
      l => [l[0], l[1]!.replace('"published"', '"rolled-back"'), l[2], l[3]].join('\n') + '\n',
      2,
      'hash does not match'
    ],
    ['a line deleted', l => [l[0], l[2], l[3]].join('\n') + '\n', 2, 'does not link'],
    ['two lines swapped', l => [l[0], l[2], l[1], l[3]].join('\n') + '\n', 2, 'does not link'],
    [
      'a line duplicated',
      l => [l[0], l[1], l[1], l[2], l[3]].join('\n') + '\n',
      3,
      'does not link'
    ],
    ['cut in the middle of a line', l => `${l.join('\n')}\n`.slice(0, -40), 4, 'not a JSON record'],
    [
      'edited and re-hashed, but not re-chained',
      l => {
        const record = JSON.parse(l[1]!) as Record<string, string | number>
        record.event = 'rolled-back'
        record.hash = expectedHash(record)
        return [l[0], JSON.stringify(record), l[2], l[3]].join('\n') + '\n'
      },
      3,
      'does not link'
    ]
  ]
  test.each(tampered)('%s is found, at its line', async (_name, tamper, line, reason) => {
    const { lines } = await logWith(4)
    const result = verifyChain(tamper(lines))
    expect(result).toMatchObject({ ok: false, line })
    expect((result as { reason: string }).reason).toContain(reason)
  })

  test('whole records cut from the end are found against the anchored head', async () => {
    const { lines, hashes } = await logWith(4)
    const cut = lines.slice(0, 3).join('\n') + '\n'
    expect(verifyChain(cut).ok).toBe(true)
    expect(verifyChain(cut, hashes[3])).toMatchObject({ ok: false, line: 3 })
  })
})

describe('appending', () => {
  test('a log whose last line is corrupt is reported, not extended', async () => {
    const { path } = await logWith(2)
    writeFileSync(path, readFileSync(path, 'utf8').replace(/"run":1/, '"run":9'))
    const before = readFileSync(path, 'utf8')
    const error = await AuditLog.open(path).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AuditLogError)
    expect((error as AuditLogError).message).toContain('the last record (line 2) is corrupt')
    expect((error as AuditLogError).location).toEqual({ file: path, line: 2 })
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  test('a log cut mid-record (no final newline) is refused', async () => {
    const { path } = await logWith(2)
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, -10))
    await expect(AuditLog.open(path)).rejects.toThrow('does not end with a newline')
  })

  test('parallel appends in one process each link to the one before', async () => {
    const path = tmp()
    const log = await AuditLog.open(path)
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.append({ run: i })))
    expect(verifyChain(readFileSync(path, 'utf8'))).toMatchObject({ ok: true, records: 20 })
  })

  test('appends through two paths to one file (a linked directory) share one lock: no fork', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-audit-'))
    mkdirSync(join(dir, 'real'))
    symlinkSync(join(dir, 'real'), join(dir, 'link'))
    const [real, linked] = await Promise.all([
      AuditLog.open(join(dir, 'real', 'audit.jsonl')),
      AuditLog.open(join(dir, 'link', 'audit.jsonl'))
    ])
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? linked : real).append({ run: i }))
    )
    expect(verifyChain(readFileSync(join(dir, 'real', 'audit.jsonl'), 'utf8'))).toMatchObject({
      ok: true,
      records: 20
    })
  })

  test('a log that is a link, or reached through a link inside the workspace, is refused', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'cxone-ws-'))
    const elsewhere = mkdtempSync(join(tmpdir(), 'cxone-elsewhere-'))
    symlinkSync(join(elsewhere, 'target.jsonl'), join(workspace, 'audit.jsonl'))
    symlinkSync(elsewhere, join(workspace, 'logs'))
    await expect(AuditLog.open(join(workspace, 'audit.jsonl'), workspace)).rejects.toThrow(
      'it is a symbolic link'
    )
    await expect(AuditLog.open(join(workspace, 'logs', 'a.jsonl'), workspace)).rejects.toThrow(
      `${join(workspace, 'logs')} is a symbolic link`
    )
    // Outside the workspace the workflow chose the path: linked directories are fine there.
    await expect(AuditLog.open(join(workspace, 'logs', 'a.jsonl'))).resolves.toBeInstanceOf(
      AuditLog
    )
  })

  test('concurrent runs of the action on one machine never interleave or fork the chain', async () => {
    const path = tmp()
    const inputs = {
      mode: 'validate',
      'action-file': 'examples/actions/lookup-customer.js',
      'data-action-id': 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
      'version-id': 'v1',
      'dependency-manifest': 'examples/actions/package.json',
      'audit-log': path
    }
    const runs = await Promise.all(Array.from({ length: 4 }, () => runAction(inputs)))
    expect(runs.map(r => r.exitCode)).toEqual([0, 0, 0, 0])
    const text = readFileSync(path, 'utf8')
    const check = verifyChain(text)
    expect(check).toMatchObject({ ok: true, records: 4 })
    const hashes = text
      .trimEnd()
      .split('\n')
      .map(l => (JSON.parse(l) as { hash: string }).hash)
    expect(runs.map(r => r.outputs['audit-hash']).sort()).toEqual([...hashes].sort())
  })
})

describe('npx cxone-publish-action verify-audit', () => {
  const cli = (...args: string[]) =>
    promisify(execFile)(process.execPath, [join(ROOT, 'dist/cli/index.js'), ...args]).then(
      r => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string; stderr: string }) => ({
        code: e.code,
        out: e.stdout + e.stderr
      })
    )

  test('says OK with the head, or names the first broken line', async () => {
    const { path, lines, hashes } = await logWith(3)
    expect(await cli('verify-audit', path)).toEqual({
      code: 0,
      out: `${path}: OK, 3 record(s) chained; head ${hashes[2]}\n`
    })
    expect((await cli('verify-audit', path, '--head', hashes[2]!)).code).toBe(0)
    writeFileSync(path, [lines[0], lines[2]].join('\n') + '\n')
    expect(await cli('verify-audit', path)).toEqual({
      code: 1,
      out: `${path}: BROKEN at line 2: its prevHash does not link to the record before it (a record was removed, inserted or moved)\n`
    })
    expect((await cli('verify', path)).code).toBe(2)
  })

  test('--help says how to use it, and exits 0', async () => {
    for (const args of [['--help'], ['verify-audit', '--help'], ['-h']]) {
      const { code, out } = await cli(...args)
      expect(code).toBe(0)
      expect(out).toContain('usage: node dist/cli/index.js verify-audit <file> [--head <hash>]')
    }
  })
})
