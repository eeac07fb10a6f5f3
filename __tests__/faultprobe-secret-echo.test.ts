import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { CxoneEmulator } from '../src/emulator/index.js'
import { makeWorkspace, NODES, runAction } from './helpers.js'

/**
 * Fault probe: invariant 1 says no secret leaves the action (summary, audit log, webhook,
 * outputs). A token endpoint (or the gateway in front of it) whose JSON error message echoes
 * the form it was sent puts `client_secret=…` into the failure message, and that message is
 * copied verbatim into the job summary, the audit log (a plain file the README suggests
 * pushing to a branch) and the webhook. The runner masks it in the log only.
 */
const ID = 'f5b2c3d4-e5f6-7890-abcd-ef1234567890'
const SECRET = `echoed-secret-${process.pid}`
const workspace = makeWorkspace({ 'a.js': 'exports.handler = async () => ({ v: 2 })\n' })

let emulator: CxoneEmulator
let tokenServer: Server
let webhookServer: Server
let webhookBodies: string[]
beforeEach(async () => {
  emulator = new CxoneEmulator({
    clients: [{ clientId: 'echo-client', clientSecret: SECRET }],
    dataActions: [{ id: ID }]
  })
  await emulator.start()
  // A token endpoint whose error names what it could not process: the whole form.
  tokenServer = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({ error: 'temporarily_unavailable', message: `could not process ${body}` })
      )
    })
  })
  webhookBodies = []
  webhookServer = createServer((req, res) => {
    let body = ''
    req.on('data', (d: Buffer) => (body += d.toString()))
    req.on('end', () => {
      webhookBodies.push(body)
      res.writeHead(204).end()
    })
  })
  await new Promise<void>(resolve => tokenServer.listen(0, '127.0.0.1', resolve))
  await new Promise<void>(resolve => webhookServer.listen(0, '127.0.0.1', resolve))
})
afterEach(async () => {
  await emulator.stop()
  await new Promise(resolve => tokenServer.close(resolve))
  await new Promise(resolve => webhookServer.close(resolve))
})

const port = (server: Server) => (server.address() as { port: number }).port

/** A publish whose token call fails with the form echoed back. */
const publishWith = (secret: string, node: string) =>
  runAction(
    {
      mode: 'publish',
      'client-id': 'echo-client',
      'client-secret': secret,
      'api-base-url': emulator.url,
      'token-url': `http://127.0.0.1:${port(tokenServer)}/oauth/token`,
      'webhook-url': `http://127.0.0.1:${port(webhookServer)}/hook`,
      'action-file': 'a.js',
      'data-action-id': ID,
      'version-id': 'v2',
      'target-environment': 'production',
      'max-retries': '1',
      'pr-comment': 'false'
    },
    { cwd: workspace, node }
  )

describe.each(NODES)('an echoed secret on %s', (_label, node) => {
  test('never reaches the summary, the outputs, the audit log or the webhook', async () => {
    const run = await publishWith(SECRET, node)
    expect(run.outputs.result).toBe('failed')
    expect(run.exitCode).toBe(1)
    const audit = readFileSync(run.outputs['audit-log-path'] ?? '', 'utf8')
    expect(webhookBodies).toHaveLength(1)
    expect({
      summary: run.summary.includes(SECRET),
      outputs: JSON.stringify(run.outputs).includes(SECRET),
      audit: audit.includes(SECRET),
      webhook: webhookBodies.some(b => b.includes(SECRET))
    }).toEqual({ summary: false, outputs: false, audit: false, webhook: false })
  })

  test('in a spelling the runner was not given (form-encoded) never reaches the log', async () => {
    // The runner masks the value it was handed; the echo carries it form-encoded.
    const secret = `echoed sec+ret/${process.pid}`
    const spellings = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2)
    ]
    const run = await publishWith(secret, node)
    expect(run.outputs.result).toBe('failed')
    expect(run.errors.join('\n')).toContain('client_secret=***')
    const log = run.stdout.split('\n').filter(line => !line.startsWith('::add-mask::'))
    expect(spellings.filter(spelling => log.some(line => line.includes(spelling)))).toEqual([])
  })
})
