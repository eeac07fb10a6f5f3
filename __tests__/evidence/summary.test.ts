import type { RunReport } from '../../src/run-report.js'
import type { PublishOutcome } from '../../src/cxone/publisher.js'
import type { ReleaseOutcome } from '../../src/cxone/release.js'
import { renderReport } from '../../src/evidence/summary.js'
import type { CheckResult, ValidationReport } from '../../src/validate/report.js'

const ID = 'a1b2c3d4-e5f6-7890-abcd-ef1234567890'
const NEW = 'a'.repeat(64)
const OLD = 'b'.repeat(64)

function validation(over: Partial<ValidationReport> = {}): ValidationReport {
  return {
    checks: [{ name: 'Action file', status: 'pass', detail: 'read' }],
    problems: [],
    actionFile: { path: 'actions/lookup.js', sha256: NEW } as ValidationReport['actionFile'],
    dependencies: [],
    dependencyMatrix: {},
    ...over
  }
}

function report(over: Partial<RunReport> = {}): RunReport {
  return {
    mode: 'publish',
    result: 'published',
    headline: 'Published.',
    problems: [],
    warnings: [],
    payload: { dataActionId: ID, versionId: 'v2', targetEnvironment: 'production' },
    validation: validation(),
    validateMs: 5,
    rateLimited: 0,
    requests: 4,
    retries: 0,
    startedAt: '2026-11-30T00:00:00.000Z',
    finishedAt: '2026-11-30T00:00:01.000Z',
    ...over
  }
}

const published: PublishOutcome = {
  result: 'published',
  previous: {
    versionId: 'v1',
    checksum: OLD,
    dependencyMatrix: {}
  } as unknown as NonNullable<PublishOutcome['previous']>,
  latencyMs: 30,
  phases: [{ name: 'Verify', ok: true, durationMs: 3, detail: 'live' }],
  finalLive: 'v2'
}

function checks(count: number): CheckResult[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `check ${i}`,
    status: 'pass' as const,
    detail: 'fine'
  }))
}

describe('the job summary', () => {
  test('the heading names the data action, the version and the environment', () => {
    expect(renderReport(report({ publish: published }))).toContain(
      `<h2>CXone data action ${ID} v2 → production: published</h2>`
    )
  })

  test('a validate run without ids is named by its action file', () => {
    const html = renderReport(
      report({
        mode: 'validate',
        result: 'validated',
        payload: { dataActionId: '', versionId: '', targetEnvironment: 'sandbox' }
      })
    )
    expect(html).toContain('<h2>CXone data action actions/lookup.js → sandbox: validated</h2>')
  })

  test('a release is named by its manifest and how many data actions it holds', () => {
    const members = Array.from({ length: 3 }, (_, i) => ({
      dataActionId: `id-${i}`,
      versionId: 'r7',
      actionFile: `a${i}.js`
    }))
    const html = renderReport(
      report({
        result: 'validated',
        releaseManifest: 'release.yml',
        members: members as unknown as RunReport['members'],
        payload: { dataActionId: '', versionId: 'r7', targetEnvironment: 'sandbox' }
      })
    )
    expect(html).toContain(
      '<h2>CXone release release.yml r7 (3 data actions) → sandbox: validated</h2>'
    )
  })

  test('the heading escapes what it names', () => {
    const html = renderReport(
      report({
        payload: { dataActionId: '<img src=x>', versionId: 'v2', targetEnvironment: 'sandbox' }
      })
    )
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x&gt;')
  })

  test('table cells show short checksums; each full value is written once', () => {
    const html = renderReport(report({ publish: published }))
    expect(html).toContain(
      `<tr><td>checksum</td><td>${OLD.slice(0, 12)}…</td><td>${NEW.slice(0, 12)}…</td></tr>`
    )
    expect(html.split(NEW)).toHaveLength(2)
    expect(html.split(OLD)).toHaveLength(2)
  })

  test('a release checksum is written once, outside the members table', () => {
    const release: ReleaseOutcome = {
      result: 'published',
      checksum: NEW,
      members: [],
      phases: [],
      latencyMs: 1
    }
    const html = renderReport(
      report({
        release,
        releaseManifest: 'r.yml',
        validation: validation({ actionFile: undefined })
      })
    )
    expect(html.split(NEW)).toHaveLength(2)
    expect(html).toContain(`Release checksum: <code>${NEW}</code>`)
  })

  test('a table of up to ten rows is open; a longer one is folded in <details>', () => {
    const open = renderReport(report({ validation: validation({ checks: checks(10) }) }))
    expect(open).toContain('<h3>Checks</h3>')
    expect(open).not.toContain('<details>')
    const folded = renderReport(report({ validation: validation({ checks: checks(11) }) }))
    expect(folded).toContain('<details><summary><strong>Checks</strong> (11 rows)</summary>')
    expect(folded).not.toContain('<h3>Checks</h3>')
    // The outcome comes before any folded table.
    expect(folded.indexOf('<h2>')).toBeLessThan(folded.indexOf('<details>'))
  })

  test('every dependency is listed, one without an exact version too', () => {
    const html = renderReport(
      report({
        result: 'failed',
        validation: validation({
          dependencies: [
            { name: 'axios', version: '^1.7.9', verdict: 'invalid', reason: 'not exact' },
            { name: 'lodash', version: '4.17.21', verdict: 'allowed', reason: '^4' }
          ]
        })
      })
    )
    expect(html).toContain('<td>axios</td><td>^1.7.9</td><td>❌ invalid</td>')
    expect(html).toContain('<td>lodash</td><td>4.17.21</td><td>✅ allowed</td>')
  })

  test('a shortened report ends at an element, never inside a tag', () => {
    const html = renderReport(report({ validation: validation({ checks: checks(400) }) }), {}, 2000)
    expect(html.length).toBeLessThanOrEqual(2000)
    expect(html).toContain('Shortened')
    // Every tag opened is closed: nothing is cut mid-element.
    for (const tag of ['h2', 'p', 'table', 'details']) {
      const opened = html.split(`<${tag}>`).length - 1
      expect(html.split(`</${tag}>`).length - 1).toBe(opened)
    }
  })
})
