import { isIP } from 'node:net'

/** `localhost`, 127.0.0.0/8 or ::1: the only hosts plain http may reach. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host === '::1') return true
  return isIP(host) === 4 && host.startsWith('127.')
}

/**
 * Checks a URL that credentials or signed data will be sent to: https, or http on a
 * loopback host only, and no user info in it. Returns the problem in words, or the URL.
 */
export function checkSecureUrl(value: string): { url: URL } | { problem: string } {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { problem: `'${value}' is not a URL` }
  }
  if (url.username || url.password) return { problem: 'must not carry credentials in the URL' }
  if (url.protocol === 'https:') return { url }
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return { url }
  if (url.protocol === 'http:') {
    return { problem: `plain http is allowed only to a loopback host, not ${url.hostname}` }
  }
  return { problem: `expected an https:// URL, got ${url.protocol}` }
}
