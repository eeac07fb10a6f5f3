import type { Fault, RecordedRequest } from '../src/emulator/index.js'

/** What the no-answer fault probes inject (their matrices, and the release's). */
export const FAULTS: Record<string, Fault> = {
  gw502carried: { kind: 'gateway', status: 502 },
  gw504carried: { kind: 'gateway', status: 504 },
  gw502not: { kind: 'status', status: 502, body: 'html' },
  gw504not: { kind: 'status', status: 504, body: 'html' },
  cut: { kind: 'cut' },
  reset: { kind: 'reset' },
  hang: { kind: 'hang' },
  lateLanding: { kind: 'delay', ms: 2500 },
  answered503: { kind: 'status', status: 503 }
}

/** Faults after which a PATCH may still be carried out: its answer never came. */
const LOST = new Set(['gateway', 'cut', 'reset', 'hang', 'delay'])

/** Whether a publish PATCH of `versionId` went over the wire and its answer was lost. */
export function lostPublish(requests: readonly RecordedRequest[], versionId: string): boolean {
  return requests.some(
    r =>
      r.call === 'publish' &&
      r.versionId === versionId &&
      ((r.fault !== undefined && LOST.has(r.fault)) || r.status === 502 || r.status === 504)
  )
}

/**
 * Runs every case, `width` at a time (they wait on the network and on late landings, not on
 * the CPU), and lists the ones that failed with why.
 */
export async function failuresOf<T>(
  cases: readonly T[],
  name: (c: T) => string,
  run: (c: T) => Promise<void>,
  width = 16
): Promise<string[]> {
  const failures: string[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const c = cases[next++]!
      await run(c).catch((error: unknown) =>
        failures.push(`${name(c)}: ${error instanceof Error ? error.message : String(error)}`)
      )
    }
  }
  await Promise.all(Array.from({ length: width }, worker))
  return failures
}
