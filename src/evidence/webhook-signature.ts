import { createHmac } from 'node:crypto'
import { ActionError } from '../errors.js'

/** The key bytes of a Standard Webhooks secret: `whsec_` + base64, or else the raw text. */
export function webhookKey(secret: string): Buffer {
  if (!secret.startsWith('whsec_')) return Buffer.from(secret, 'utf8')
  const encoded = secret.slice('whsec_'.length)
  const key = Buffer.from(encoded, 'base64')
  if (
    key.length === 0 ||
    key.toString('base64').replace(/=+$/, '') !== encoded.replace(/=+$/, '')
  ) {
    throw new ActionError("Input 'webhook-secret': a whsec_ secret must be base64 after the prefix")
  }
  return key
}

/** `v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">`, per Standard Webhooks. */
export function signature(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`
}
