import { Sandbox, type SandboxReport } from '../../src/sandbox/sandbox.js'

/** Evaluates `code` as `actions/a.js` in a child of its own. */
export async function evaluate(code: string, timeoutMs = 2000): Promise<SandboxReport> {
  const sandbox = Sandbox.start()
  try {
    return await sandbox.evaluate(code, 'actions/a.js', timeoutMs)
  } finally {
    sandbox.dispose()
  }
}
