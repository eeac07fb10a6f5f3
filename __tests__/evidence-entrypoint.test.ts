import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Webhook } from 'standardwebhooks'
import { verifyChain } from '../src/evidence/audit.js'
import { IntentRecordSchema, WebhookPayloadSchema } from '../src/evidence/run-record-schema.js'
import { ID } from './emulated.js'
import { emulatedPublish, RUNNER, SECRET } from './evidence-runs.js'
import { runAction } from './helpers.js'
import { githubStandIn, Receiver } from './receivers.js'

/**
 * The evidence a real run leaves: audit record, signed webhook, PR comment, summary. (An audit
 * log that stops a run before anything changes is in evidence-entrypoint-audit-log.test.ts.)
 */
const WEBHOOK_SECRET = `whsec_${Buffer.from('webhook-key-for-tests-0123456789').toString('base64')}`

const { emulator: current, publishInputs } = emulatedPublish()
let receivers: Receiver[] = []
afterEach(async () => {
  await Promise.all(receivers.map(r => r.stop()))
  receivers = []
})
async function started(receiver: Receiver): Promise<string> {
  receivers.push(receiver)
  return receiver.start()
}

test('a publish leaves a chained audit record and a signed webhook carrying its hash', async () => {
  const hook = new Receiver()
  const auditLog = join(mkdtempSync(join(tmpdir(), 'cxone-ev-')), 'audit.jsonl')
  const run = await runAction(
    publishInputs({
      'webhook-url': await started(hook),
      'webhook-secret': WEBHOOK_SECRET,
      'audit-log': auditLog
    }),
    { env: RUNNER }
  )
  expect(run.exitCode).toBe(0)
  expect(run.warnings).toEqual([])
  const [request] = hook.received
  const payload = WebhookPayloadSchema.parse(
    new Webhook(WEBHOOK_SECRET).verify(request!.body, request!.headers as Record<string, string>)
  )
  expect(payload).toMatchObject({
    event: 'published',
    dataActionIds: [ID],
    versionId: 'v2',
    previousVersionId: 'v1',
    environment: 'production',
    checksum: run.outputs.checksum,
    auditHash: run.outputs['audit-hash'],
    requests: 5,
    retries: 0,
    run: { ...RUNNER_IDENTITY, runUrl: 'https://github.com/acme/contact-centre/actions/runs/4242' }
  })
  expect(payload.phases.map(p => p.name)).toEqual([
    'Validate',
    'Read live',
    'Upload',
    'Publish',
    'Verify'
  ])
  expect(payload.latencyMs).toBe(Number(run.outputs['latency-ms']))

  const log = readFileSync(auditLog, 'utf8')
  // Evidence first: the intent, written before the first request to CXone, then the result.
  expect(verifyChain(log, run.outputs['audit-hash'])).toMatchObject({ ok: true, records: 2 })
  const [intent, record] = log
    .trimEnd()
    .split('\n')
    .map(line => JSON.parse(line) as Record<string, unknown>)
  expect(IntentRecordSchema.parse(intent)).toMatchObject({
    event: 'intent',
    environment: 'production',
    members: [{ dataActionId: ID, versionId: 'v2', checksum: run.outputs.checksum }],
    run: RUNNER_IDENTITY
  })
  expect(record).toMatchObject({
    event: 'published',
    versionId: 'v2',
    intentHash: intent!.hash,
    hash: run.outputs['audit-hash']
  })
  expect(record!.inputs).toMatchObject({
    mode: 'publish',
    webhookOrigin: hook.url,
    webhookSigned: true
  })
  expect(record!.inputs).toEqual(intent!.inputs)
  for (const text of [log, request!.body, run.summary]) {
    expect(text).not.toContain(SECRET)
    expect(text).not.toContain(WEBHOOK_SECRET)
  }
  expect(run.summary).toContain(`Audit record: <code>${run.outputs['audit-hash']}</code>`)
  expect(run.summary).toContain('Webhook: delivered (204)')
})
const RUNNER_IDENTITY = {
  repository: 'acme/contact-centre',
  sha: '0123456789abcdef0123456789abcdef01234567',
  ref: 'refs/tags/v2',
  actor: 'release-bot',
  workflow: 'Promote',
  runId: '4242',
  runAttempt: '1'
}

test('a rolled-back publish is evidence too: event, rollback and final state', async () => {
  current().faults.add({ call: 'publish', versionId: 'v2', fault: { kind: 'publish-fails' } })
  const hook = new Receiver()
  const run = await runAction(
    publishInputs({ 'version-id': 'v2', 'webhook-url': await started(hook) }),
    { env: RUNNER }
  )
  expect(run.exitCode).toBe(1)
  const payload = WebhookPayloadSchema.parse(JSON.parse(hook.received[0]!.body))
  expect(payload).toMatchObject({
    event: 'rolled-back',
    cause: 'CXone reported the publish of v2 as failed',
    rollback: { action: 'restore', versionId: 'v1', verified: true },
    members: [{ finalLiveVersionId: 'v1', result: 'rolled-back' }]
  })
})

test('a webhook that fails is a warning, never a failed step', async () => {
  const hook = new Receiver(() => ({ status: 500 }))
  const run = await runAction(
    publishInputs({ 'version-id': 'v2', 'webhook-url': await started(hook) }),
    { env: RUNNER }
  )
  expect(run.exitCode).toBe(0)
  expect(run.outputs.result).toBe('published')
  expect(run.warnings).toEqual([
    '::warning::The webhook was not delivered: the webhook answered 500'
  ])
  expect(hook.received.length).toBeGreaterThan(1)
})

test("a webhook URL's path (where such URLs keep their token) is masked at once", async () => {
  const hook = new Receiver()
  const url = `${await started(hook)}/services/T000/B000/XXXXsecretXXXX`
  const run = await runAction(publishInputs({ 'version-id': 'v2', 'webhook-url': url }), {
    env: RUNNER
  })
  expect(run.stdout).toContain('::add-mask::/services/T000/B000/XXXXsecretXXXX')
  expect(hook.received[0]?.url).toBe('/services/T000/B000/XXXXsecretXXXX')
})

describe('the pull request comment', () => {
  const prEnv = (api: string, dir: string) => {
    const event = join(dir, 'event.json')
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7 } }))
    return {
      ...RUNNER,
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: event,
      GITHUB_API_URL: api
    }
  }
  const validateInputs = {
    mode: 'validate',
    'action-file': 'examples/actions/lookup-customer.js',
    'data-action-id': ID,
    'version-id': 'pr-7',
    'dependency-manifest': 'examples/actions/package.json',
    'github-token': 'ghs_test'
  }

  test('one comment, created then updated in place, with the same report as the summary', async () => {
    const { receiver, comments } = githubStandIn()
    const env = prEnv(await started(receiver), mkdtempSync(join(tmpdir(), 'cxone-pr-')))
    const first = await runAction(validateInputs, { env })
    expect(first.warnings).toEqual([])
    expect(comments).toHaveLength(1)
    const second = await runAction({ ...validateInputs, 'version-id': 'pr-7b' }, { env })
    expect(second.exitCode).toBe(0)
    expect(comments).toHaveLength(1)
    expect(comments[0]!.body).toContain(`<!-- cxone-publish-action report: ${ID} -->`)
    expect(comments[0]!.body).toContain('pr-7b')
    expect(comments[0]!.body).toContain(
      `<h2>CXone data action ${ID} pr-7b → sandbox: validated</h2>`
    )
    expect(receiver.received.map(r => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH'])
  })

  test('a read-only token (fork pull request) is a warning; the summary still has the report', async () => {
    const { receiver, comments } = githubStandIn({ readOnly: true })
    const env = prEnv(await started(receiver), mkdtempSync(join(tmpdir(), 'cxone-pr-')))
    const run = await runAction(validateInputs, { env })
    expect(run.exitCode).toBe(0)
    expect(comments).toHaveLength(0)
    expect(run.warnings).toEqual([
      '::warning::The pull request comment was not posted: the token may not comment on pull request #7 (403; a pull request from a fork gets a read-only token): the report is in the job summary only'
    ])
    expect(run.summary).toContain(`<h2>CXone data action ${ID} pr-7 → sandbox: validated</h2>`)
  })

  test('pr-comment: false posts nothing', async () => {
    const { receiver } = githubStandIn()
    const env = prEnv(await started(receiver), mkdtempSync(join(tmpdir(), 'cxone-pr-')))
    await runAction({ ...validateInputs, 'pr-comment': 'false' }, { env })
    expect(receiver.received).toEqual([])
  })
})
