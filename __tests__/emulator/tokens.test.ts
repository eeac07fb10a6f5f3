import { DEFAULT_CLIENT, issueToken } from '../../src/emulator/tokens.js'
import type { IssuedToken } from '../../src/emulator/types.js'

/** The token endpoint, called directly: what it answers and what it keeps. */
function call(body: string, options: Parameters<typeof issueToken>[1] = {}) {
  const tokens = new Map<string, IssuedToken>()
  const answers: Array<{ status: number; payload?: unknown }> = []
  issueToken(
    body,
    options,
    tokens,
    (status, payload) => void answers.push({ status, payload }),
    (status, error) => void answers.push({ status, payload: { error } })
  )
  return { tokens, answer: answers[0] }
}

const form = (secret = DEFAULT_CLIENT.clientSecret) =>
  `grant_type=client_credentials&client_id=${DEFAULT_CLIENT.clientId}&client_secret=${secret}`

test('only client_credentials is granted', () => {
  const { tokens, answer } = call('grant_type=password')
  expect(answer).toEqual({ status: 400, payload: { error: 'unsupported_grant_type' } })
  expect(tokens.size).toBe(0)
})

test('an unknown client or a wrong secret gets no token', () => {
  expect(call(form('nope')).answer).toEqual({ status: 401, payload: { error: 'invalid_client' } })
  const other = { clients: [{ clientId: 'ci', clientSecret: 'x' }] }
  expect(call(form(), other).answer?.status).toBe(401)
})

test('a token carries the client’s scopes and expires after the TTL', () => {
  const before = Date.now()
  const { tokens, answer } = call(form(), { tokenTtlSeconds: 60 })
  expect(answer).toMatchObject({
    status: 200,
    payload: { token_type: 'Bearer', expires_in: 60, scope: DEFAULT_CLIENT.scopes.join(' ') }
  })
  const accessToken = (answer!.payload as { access_token: string }).access_token
  const issued = tokens.get(accessToken)!
  expect(issued.scopes).toEqual(DEFAULT_CLIENT.scopes)
  expect(issued.expiresAt).toBeGreaterThanOrEqual(before + 60_000)
  expect(issued.expiresAt).toBeLessThanOrEqual(Date.now() + 60_000)
})
