import { readFile } from 'node:fs/promises'
import { ActionError, errorMessage } from '../errors.js'

/** A comment holds 65,536 characters; the report gets what the marker leaves. */
export const MAX_COMMENT_CHARS = 65_000

/**
 * The hidden line by which the one report comment of this data action is found again. The
 * key may come from a file: only characters that cannot end the HTML comment are kept.
 */
export function commentMarker(key: string): string {
  return `<!-- cxone-publish-action report: ${key.replace(/[^A-Za-z0-9._/-]/g, '_').slice(0, 200)} -->`
}

export type CommentResult = 'created' | 'updated' | 'not a pull request'

/**
 * Creates, or updates in place, the one report comment on the pull request that triggered
 * the run. @actions/github (Octokit) is loaded only here: validate runs that post no comment
 * never pay for it. A token that may not write (fork pull requests) is an ActionError the
 * caller turns into a warning.
 */
export async function upsertPullRequestComment(options: {
  token: string
  key: string
  body: string
  env: NodeJS.ProcessEnv
}): Promise<CommentResult> {
  const { env } = options
  if (env.GITHUB_EVENT_NAME !== 'pull_request' && env.GITHUB_EVENT_NAME !== 'pull_request_target') {
    return 'not a pull request'
  }
  const event = env.GITHUB_EVENT_PATH
    ? (JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as {
        pull_request?: { number?: number }
      })
    : {}
  const number = event.pull_request?.number
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/')
  if (!number || !owner || !repo) return 'not a pull request'
  if (!options.token) throw new ActionError('no github-token was given')

  const marker = commentMarker(options.key)
  const body = `${marker}\n${options.body}`
  const { getOctokit } = await import('@actions/github')
  const octokit = getOctokit(options.token)
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
      owner,
      repo,
      issue_number: number,
      per_page: 100
    })
    const mine = comments.find(c => c.body?.includes(marker))
    if (mine) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body })
      return 'updated'
    }
    await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body })
    return 'created'
  } catch (error) {
    const status = (error as { status?: number }).status
    if (status === 403 || status === 404) {
      throw new ActionError(
        `the token may not comment on pull request #${number} (${status}; a pull request from a fork gets a read-only token): the report is in the job summary only`
      )
    }
    throw new ActionError(`commenting on pull request #${number} failed: ${errorMessage(error)}`)
  }
}
