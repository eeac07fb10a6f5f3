#!/usr/bin/env node
// `npx cxone-publish-action verify-audit <file> [--head <hash>]`: checks every link of an
// audit log and prints the first broken line. Exit code 0 when sound, 1 when not, 2 on misuse.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { verifyChain } from './audit.js'

const USAGE = 'usage: cxone-publish-action verify-audit <file> [--head <sha256 of the last record>]'

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { head: { type: 'string' } }
  })
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
    console.error(`cxone-publish-action: ${error instanceof Error ? error.message : String(error)}`)
    process.exitCode = 2
  }
)
