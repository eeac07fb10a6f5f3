import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { makeWorkspace, NODES, runAction, runnerCommand } from '../helpers.js'

/**
 * Every hostile file runs through the bundled action, as on a runner holding secrets in its
 * environment, under a policy that blocks what reaches outside. Whatever a file does: no
 * secret shows anywhere (log, outputs, summary, audit log), no file appears, no connection is
 * made, the action ends by itself, the verdict is the expected one, and no line of the log is
 * a workflow command the action did not write. Times are not asserted (the sandbox reports
 * its kind: timeout, memory, crashed); speed belongs to `npm run bench`.
 */
const CORPUS = new URL('../fixtures/hostile/', import.meta.url)
const files = readdirSync(CORPUS).filter(f => f.endsWith('.js'))
const CANARY = `canary-${process.pid}-${Date.now()}-do-not-leak`
const MARKER = join(tmpdir(), `cxone-sandbox-marker-${process.pid}`)
const POLICY = JSON.stringify({
  blockedPackages: ['fs', 'child_process', 'net', 'http', 'https', 'worker_threads', 'vm']
})
const OWN_COMMANDS = /^::(error|group|endgroup|add-mask|debug)( [^:]*)?::/

let server: Server
let port = 0
const connections: string[] = []

beforeAll(async () => {
  server = createServer(socket => {
    connections.push(String(socket.remoteAddress))
    socket.destroy()
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as { port: number }).port
})

afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
})

test('the corpus holds at least 40 hostile files', () => {
  expect(files.length).toBeGreaterThanOrEqual(40)
})

describe.each(NODES)('on %s', (_label, node) => {
  test.concurrent.each(files)('%s is contained', async file => {
    const source = readFileSync(new URL(file, CORPUS), 'utf8')
      .replaceAll('__MARKER__', `${MARKER}-${file}`)
      .replaceAll('__PORT__', String(port))
    const expected = /^\/\/ expect: (.+)$/m.exec(source)?.[1] ?? ''
    const ws = makeWorkspace({
      [`actions/${file}`]: source,
      'deps.json': '{"lodash": "4.17.21", "axios": "1.7.9"}',
      'policy.json': POLICY
    })
    const run = await runAction(
      {
        mode: 'validate',
        'action-file': `actions/${file}`,
        'data-action-id': 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        'version-id': 'v1',
        'dependency-manifest': 'deps.json',
        'dependency-policy': 'policy.json',
        'sandbox-timeout-ms': '1000',
        'client-secret': CANARY,
        'github-token': CANARY
      },
      { node, cwd: ws, env: { CANARY_SECRET: CANARY, AWS_SECRET_ACCESS_KEY: CANARY } }
    )
    // `::add-mask::` lines are how the runner learns what to hide; it never shows them.
    const shown = run.stdout.replace(/^::add-mask::.*$/gm, '')
    const audit = existsSync(run.outputs['audit-log-path'] ?? '')
      ? readFileSync(run.outputs['audit-log-path']!, 'utf8')
      : ''
    const everything = shown + run.stderr + JSON.stringify(run.outputs) + run.summary + audit
    expect(everything).not.toContain(CANARY)
    expect(existsSync(`${MARKER}-${file}`)).toBe(false)
    expect(connections).toEqual([])
    expect(run.signal).toBeNull()
    expect(run.stderr).toBe('')
    const commands = run.stdout.split('\n').filter(line => runnerCommand(line))
    expect(commands.filter(line => !OWN_COMMANDS.test(line))).toEqual([])
    // The step reports what happened, in one of its own messages, never a stack trace.
    expect(run.stdout).not.toMatch(/\n\s+at .+:\d+:\d+/)
    expect(run.outputs.result).toBe(run.exitCode === 0 ? 'validated' : 'failed')
    expect(run.stdout + run.summary).toMatch(new RegExp(expected))
    rmSync(ws, { recursive: true, force: true })
  })
})
