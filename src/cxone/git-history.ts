import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** Whether the code live on CXone is what this repository released under that version id. */
export type ReleaseCheck =
  | { state: 'match'; detail: string }
  | { state: 'drift'; detail: string }
  | { state: 'unknown'; detail: string }

async function git(workspace: string, args: string[]): Promise<Buffer> {
  const { stdout } = await run('git', ['-C', workspace, ...args], {
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024
  })
  return stdout
}

/**
 * Compares `checksum` with the file at tag `tag` in the checkout. A missing tag, or other
 * code at the tag, is drift (someone changed CXone by hand); a checkout without git history
 * or without any tags cannot tell, and says so.
 */
export async function checkReleasedAs(
  workspace: string,
  tag: string,
  filePath: string,
  checksum: string
): Promise<ReleaseCheck> {
  try {
    await git(workspace, ['rev-parse', '--is-inside-work-tree'])
  } catch {
    return {
      state: 'unknown',
      detail: 'drift could not be checked: the workspace is not a git checkout'
    }
  }
  const tags = (await git(workspace, ['tag', '--list'])).toString('utf8').trim()
  if (tags === '') {
    return {
      state: 'unknown',
      detail: 'drift could not be checked: the checkout has no tags (check out with fetch-depth: 0)'
    }
  }
  // refs/tags/… so that no version id can be read as an option.
  const ref = `refs/tags/${tag}`
  try {
    await git(workspace, ['rev-parse', '--quiet', '--verify', `${ref}^{commit}`])
  } catch {
    return {
      state: 'drift',
      detail: `the live version ${tag} has no matching git tag here: it was not released from this repository`
    }
  }
  let code: Buffer
  try {
    code = await git(workspace, ['show', `${ref}:./${filePath}`])
  } catch {
    return { state: 'drift', detail: `${filePath} did not exist at tag ${tag}` }
  }
  const atTag = createHash('sha256').update(code).digest('hex')
  if (atTag !== checksum) {
    return {
      state: 'drift',
      detail: `the live ${tag} has checksum ${checksum}, but ${filePath} at tag ${tag} has ${atTag}: production was changed by hand`
    }
  }
  return { state: 'match', detail: `the live ${tag} is ${filePath} at tag ${tag}` }
}
