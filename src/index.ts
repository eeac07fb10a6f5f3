import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
// Its command writer by path (as workflow.ts): the package's index loads an HTTP stack.
import { issueCommand } from '../node_modules/@actions/core/lib/command.js'
import { watchCancellation } from './cancellation.js'
import { errorMessage } from './errors.js'
import { Sandbox } from './sandbox/sandbox.js'

/** The action, for tools that import the bundle and call it (`@github/local-action`). */
export async function run(): Promise<void> {
  const main = await import('./main.js')
  await main.run()
}

// Run by the runner as `node dist/index.js`: listen for its cancel signals at once (without a
// listener a SIGINT ends the process with no result), and start the sandbox child before the
// rest of the action loads, so its start-up overlaps ours.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  const cancellation = watchCancellation()
  try {
    const sandbox = Sandbox.start()
    const main = await import('./main.js')
    await main.run(sandbox, cancellation)
  } catch (error) {
    // A broken install (a file of the bundle missing): one line, never a stack trace.
    const message = `The action could not start (is its dist/ complete?): ${errorMessage(error)}`
    issueCommand('error', {}, message)
    process.exitCode = 1
  }
}
