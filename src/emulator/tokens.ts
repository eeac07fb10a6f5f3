/* The OAuth side of the emulator: the clients it knows, the token endpoint, the tokens issued. */
import { randomBytes } from 'node:crypto'
import type { EmulatorClient, EmulatorOptions, Fail, IssuedToken, Send } from './types.js'

export const DEFAULT_CLIENT: Required<EmulatorClient> = {
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  scopes: ['data-action:read', 'data-action:write']
}

/** POST /oauth/token: client credentials in, a bearer token out. */
export function issueToken(
  body: string,
  options: Pick<EmulatorOptions, 'clients' | 'tokenTtlSeconds'>,
  tokens: Map<string, IssuedToken>,
  send: Send,
  fail: Fail
): void {
  const form = new URLSearchParams(body)
  if (form.get('grant_type') !== 'client_credentials') {
    return fail(400, 'unsupported_grant_type', 'only client_credentials is supported')
  }
  const client = (options.clients ?? [DEFAULT_CLIENT]).find(
    c => c.clientId === form.get('client_id') && c.clientSecret === form.get('client_secret')
  )
  if (!client) return fail(401, 'invalid_client', 'unknown client or wrong secret')
  const scopes = client.scopes ?? DEFAULT_CLIENT.scopes
  const ttl = options.tokenTtlSeconds ?? 3600
  const accessToken = randomBytes(24).toString('hex')
  tokens.set(accessToken, { scopes, expiresAt: Date.now() + ttl * 1000 })
  send(200, {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: ttl,
    scope: scopes.join(' ')
  })
}
