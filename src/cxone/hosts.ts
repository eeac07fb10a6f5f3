/*
 * CXone's hosts, part of the CXone client (see client.ts): apart so that reading the inputs
 * loads no HTTP stack (validate mode never calls CXone).
 */

/** The API base of a region, as NICE publishes it. */
export function defaultApiBase(region: string): string {
  return `https://platform.${region}.nicecxone.com`
}

/** The token endpoint of an API base. */
export function defaultTokenUrl(apiBase: string): string {
  return `${apiBase.replace(/\/+$/, '')}/oauth/token`
}
