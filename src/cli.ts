#!/usr/bin/env node
// `node dist/cli/index.js verify-audit <file> [--head <hash>]` (from a checkout of any release
// tag, nothing to install), or `npx github:OWNER/cxone-publish-action#<tag> verify-audit ...`:
// checks every link of an audit log and prints the first broken line. Exit code 0 when sound,
// 1 when not, 2 on misuse.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { verifyChain } from './evidence/audit.js'
import { errorMessage } from './errors.js'

const USAGE = `usage: node dist/cli/index.js verify-audit <file> [--head <hash>]

Checks every record of a cxone-publish-action audit log (JSON Lines): each record's hash is
the sha256 of its RFC 8785 canonical JSON without "hash", and its prevHash is the hash of the
record before it (64 zeros for the first).

  <file>         the audit log (the action's audit-log-path output)
  --head <hash>  the last record must be this one (the audit-hash output, or the webhook's
                 auditHash): records cut from the end are found only this way
  --help         this text

Exit code: 0 sound, 1 broken (the first broken line is named), 2 misuse.`

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { head: { type: 'string' }, help: { type: 'boolean', short: 'h' } }
  })
  if (values.help) {
    console.log(USAGE)
    return 0
  }
  const [command, file, ...extra] = positionals
  if (command !== 'verify-audit' || !file || extra.length > 0) {
    console.error(USAGE)
    return 2
  }
  const text = await readFile(file, 'utf8')
  const result = verifyChain(text, values.head)
  if (!result.ok) {
    console.log(`${file}: BROKEN at line ${result.line}: ${result.reason}`)
    return 1
  }
  console.log(
    `${file}: OK, ${result.records} record(s) chained; head ${result.head}${values.head ? ' (matches the anchored head)' : ''}`
  )
  return 0
}

main(process.argv.slice(2)).then(
  code => {
    process.exitCode = code
  },
  (error: unknown) => {
    console.error(`cxone-publish-action: ${errorMessage(error)}`)
    process.exitCode = 2
  }
)
