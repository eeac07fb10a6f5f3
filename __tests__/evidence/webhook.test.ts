import { Webhook } from 'standardwebhooks'
import {
  WebhookPayloadSchema,
  type RunRecord,
  type WebhookPayload
} from '../../src/evidence/run-record-schema.js'
import { RUN_RECORD_SCHEMA } from '../../src/constants.js'
import { postWebhook } from '../../src/evidence/webhook.js'
import { Receiver } from '../receivers.js'

const record: RunRecord = {
  schema: RUN_RECORD_SCHEMA,
  event: 'published',
  result: 'published',
  mode: 'publish',
  dataActionIds: ['a1b2c3d4-e5f6-7890-abcd-ef1234567890'],
  versionId: 'v2',
  previousVersionId: 'v1',
  environment: 'production',
  checksum: 'a'.repeat(64),
  latencyMs: 120,
  phases: [{ name: 'Publish', durationMs: 40, ok: true }],
  requests: 5,
  retries: 0,
  rateLimited: 0,
  cause: null,
  rollback: null,
  members: [],
  run: {
    repository: 'o/r',
    sha: 'abc',
    ref: 'refs/tags/v2',
    actor: 'me',
    workflow: 'w',
    runId: '1',
    runAttempt: '1',
    runUrl: 'https://github.com/o/r/actions/runs/1'
  },
  startedAt: '2026-11-26T00:00:00.000Z',
  finishedAt: '2026-11-26T00:00:01.000Z'
}
const payload: WebhookPayload = { ...record, auditHash: 'b'.repeat(64) }
const noWait = async () => undefined

let receiver: Receiver
afterEach(async () => {
  await receiver.stop()
})

test.each([
  [
    'a whsec_ (base64) secret',
    `whsec_${Buffer.from('0123456789abcdef0123456789abcdef').toString('base64')}`,
    {}
  ],
  ['a raw secret', 'a plain shared secret', { format: 'raw' as const }]
])('signed with %s: the standardwebhooks package verifies it', async (_name, secret, options) => {
  receiver = new Receiver()
  await postWebhook(payload, { url: await receiver.start(), secret })
  const [request] = receiver.received
  expect(request?.headers['webhook-id']).toMatch(/^msg_/)
  const key = 'format' in options ? Buffer.from(secret) : secret
  const verified = new Webhook(key, options).verify(
    request!.body,
    request!.headers as Record<string, string>
  )
  expect(WebhookPayloadSchema.parse(verified)).toEqual(payload)
  // A changed body no longer verifies.
  expect(() =>
    new Webhook(key, options).verify(
      request!.body.replace('"v2"', '"v3"'),
      request!.headers as Record<string, string>
    )
  ).toThrow()
})

test('unsigned without a secret', async () => {
  receiver = new Receiver()
  await postWebhook(payload, { url: await receiver.start() })
  expect(receiver.received[0]?.headers['webhook-signature']).toBeUndefined()
  expect(JSON.parse(receiver.received[0]!.body)).toEqual(payload)
})

test('429 and 5xx are retried briefly, with the same id', async () => {
  receiver = new Receiver((_req, i) => ({ status: [503, 429][i] ?? 200 }))
  await expect(postWebhook(payload, { url: await receiver.start(), sleep: noWait })).resolves.toBe(
    200
  )
  expect(receiver.received).toHaveLength(3)
  expect(new Set(receiver.received.map(r => r.headers['webhook-id'])).size).toBe(1)
})

test('a 4xx is final', async () => {
  receiver = new Receiver(() => ({ status: 410 }))
  await expect(
    postWebhook(payload, { url: await receiver.start(), sleep: noWait })
  ).rejects.toThrow('the webhook answered 410')
  expect(receiver.received).toHaveLength(1)
})

test('a receiver that never answers gives up within the budget', async () => {
  receiver = new Receiver(() => 'hang')
  const started = Date.now()
  await expect(
    postWebhook(payload, { url: await receiver.start(), budgetMs: 1500 })
  ).rejects.toThrow('could not be reached')
  expect(Date.now() - started).toBeLessThan(2500)
})

test('the payload schema is exported and versioned', () => {
  expect(WebhookPayloadSchema.safeParse(payload).success).toBe(true)
  expect(
    WebhookPayloadSchema.safeParse({ ...payload, schema: 'cxone-publish-action/run@2' }).success
  ).toBe(false)
})
