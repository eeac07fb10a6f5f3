/**
 * The secret values of a run (inputs, access tokens, a webhook URL's path), kept out of what
 * the action writes itself: the runner masks them in the log only, and a server may echo one
 * back in an error message (the token endpoint echoing the form it was sent).
 */
export class Secrets {
  private readonly values = new Set<string>()

  /** Also in the forms a request carries it: URL- and form-encoded. */
  add(secret: string): void {
    // Shorter values would blot out ordinary words; the runner masks them in the log anyway.
    if (secret.length < 4) return
    for (const form of [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2)
    ]) {
      this.values.add(form)
    }
  }

  /** `text` with every secret replaced by `***`, the longest first. */
  readonly redact = (text: string): string => {
    let out = text
    for (const value of [...this.values].sort((a, b) => b.length - a.length)) {
      out = out.split(value).join('***')
    }
    return out
  }

  /** A copy of `value` with every string in it redacted (for records). */
  redactAll<T>(value: T): T {
    if (typeof value === 'string') return this.redact(value) as T
    if (Array.isArray(value)) return value.map(item => this.redactAll(item) as unknown) as T
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, this.redactAll(item as unknown)])
      ) as T
    }
    return value
  }
}
