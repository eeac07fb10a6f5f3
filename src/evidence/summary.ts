import type { CxoneVersion } from '../cxone/client.js'
import type { Problem } from '../errors.js'
import { dependencyChanges } from '../validate/manifest.js'
import type { DependencyVerdict } from '../validate/policy.js'
import type { RunReport } from '../run-report.js'
import { markup } from '../untrusted.js'
import type { CheckResult } from '../validate/report.js'

/** Evidence left by the run, shown with the report when known. */
export interface EvidenceNote {
  auditHash?: string
  auditPath?: string
  /** How the webhook went, in words. */
  webhook?: string
}

const ICON: Record<CheckResult['status'], string> = { pass: '✅', fail: '❌', skipped: '➖' }
const VERDICT_ICON: Record<DependencyVerdict['verdict'], string> = {
  allowed: '✅',
  unrestricted: '✅',
  blocked: '❌',
  'outside range': '❌',
  undeclared: '❌',
  invalid: '❌'
}

/**
 * The run's report as HTML, for the job summary and the pull request comment: the outcome
 * first, then phases, checks, dependencies, what changes against the live version, and on
 * failure the rollback and the verified final state. Everything from files is escaped.
 */
export function renderReport(
  report: RunReport,
  evidence: EvidenceNote = {},
  maxChars = MAX_SUMMARY_CHARS
): string {
  const { validation, publish, plan, release } = report
  const live = publish ? publish.previous : plan?.live
  const parts = [...heading(report), ...phaseTable(report)]
  if (release) parts.push(releaseTable(release))
  if (publish) parts.push(...publishEnd(publish))
  if (plan) parts.push(planLine(plan))
  if (validation.actionFile && (publish || plan)) {
    parts.push(...changes(live, validation.actionFile.sha256, validation.dependencyMatrix))
  }
  parts.push(checkTable(validation))
  if (validation.dependencies.length > 0) parts.push(dependencyTable(validation))
  parts.push(...facts(report, live, evidence))
  return fitted(parts, maxChars)
}

type Validation = RunReport['validation']

/** The outcome first: what the run is about, its result, and its headline. */
function heading(report: RunReport): string[] {
  return [
    `<h2>${markup(subject(report))}: ${markup(report.result)}</h2>`,
    `<p><strong>${markup(report.headline)}</strong></p>`
  ]
}

/** Validation, then the phases of the publish, plan or release, each with its duration. */
function phaseTable(report: RunReport): string[] {
  const { validation, publish, plan, release } = report
  const steps = [
    {
      name: 'Validate',
      ok: validation.problems.length === 0,
      durationMs: report.validateMs,
      detail: `${validation.checks.filter(c => c.status === 'pass').length} checks passed, ${validation.problems.length} problem(s)`
    },
    ...(publish?.phases ?? plan?.phases ?? release?.phases ?? [])
  ]
  return [
    '<h3>Phases</h3>',
    table(
      ['Phase', 'Result', 'Duration', 'Detail'],
      steps.map(p => [p.name, p.ok ? '✅ ok' : '❌ failed', `${p.durationMs} ms`, p.detail])
    )
  ]
}

/** A release's members: what each was, what became of it, and what is live at the end. */
function releaseTable(release: NonNullable<RunReport['release']>): string {
  return section(
    'Release',
    ['Data action', 'Version', 'Was live', 'Result', 'Live at the end', 'Detail'],
    release.members.map(m => [
      m.dataActionId,
      m.versionId,
      m.previous?.versionId ?? 'nothing',
      m.result,
      m.finalLive === undefined ? '?' : (m.finalLive ?? 'nothing'),
      [m.cause, m.rollback?.detail, m.manualFix ? `fix by hand: ${m.manualFix}` : undefined]
        .filter(Boolean)
        .join('; ')
    ])
  )
}

/** How a publish ended, when there is more to say: its rollback, the final state, a fix by hand. */
function publishEnd(publish: NonNullable<RunReport['publish']>): string[] {
  const parts: string[] = []
  if (publish.rollback) {
    parts.push(
      `<p><strong>Rollback</strong> (${publish.rollback.action} ${markup(publish.rollback.versionId)}): ${publish.rollback.verified ? '✅' : '❌'} ${markup(publish.rollback.detail)}</p>`
    )
  }
  if (publish.finalLive !== undefined) {
    parts.push(
      `<p>Final state, read back from CXone: <code>${markup(publish.finalLive ?? 'nothing')}</code> is live.</p>`
    )
  }
  if (publish.manualFix) {
    parts.push(`<p>To fix by hand:</p><pre>${markup(publish.manualFix)}</pre>`)
  }
  return parts
}

/** A plan's change and drift. */
function planLine(plan: NonNullable<RunReport['plan']>): string {
  return `<p>Planned change: <strong>${markup(plan.change)}</strong>. Drift: ${plan.drift.state === 'drift' ? '⚠️ ' : ''}${markup(plan.drift.detail)}.</p>`
}

function checkTable(validation: Validation): string {
  return section(
    'Checks',
    ['Check', 'Result', 'Detail'],
    validation.checks.map(c => [c.name, `${ICON[c.status]} ${c.status}`, c.detail])
  )
}

function dependencyTable(validation: Validation): string {
  return section(
    'Dependencies',
    ['Package', 'Version', 'Verdict', 'Why'],
    validation.dependencies.map(d => [
      d.name,
      d.version ?? '(not declared)',
      `${VERDICT_ICON[d.verdict]} ${d.verdict}`,
      d.reason
    ])
  )
}

/** The checksums and the evidence left, each written whole once, in one paragraph (or none). */
function facts(
  report: RunReport,
  live: CxoneVersion | undefined,
  evidence: EvidenceNote
): string[] {
  const { validation, publish, plan, release } = report
  const facts: string[] = []
  if (release) facts.push(`Release checksum: <code>${release.checksum}</code>`)
  if (validation.actionFile) {
    facts.push(
      `Checksum (sha256 of <code>${markup(validation.actionFile.path)}</code>): <code>${validation.actionFile.sha256}</code>`
    )
  }
  if (live && (publish || plan) && live.checksum !== validation.actionFile?.sha256) {
    facts.push(
      `Checksum of the version live before (${markup(live.versionId)}): <code>${markup(live.checksum)}</code>`
    )
  }
  if (evidence.auditHash) {
    facts.push(
      `Audit record: <code>${evidence.auditHash}</code> in <code>${markup(evidence.auditPath ?? '')}</code>`
    )
  }
  if (evidence.webhook) facts.push(`Webhook: ${markup(evidence.webhook)}`)
  return facts.length > 0 ? [`<p>${facts.join('<br>')}</p>`] : []
}

/**
 * The report of a run that stopped before it had one (bad inputs, an audit log that cannot
 * be written): what is wrong, each where it is, and where the inputs are documented.
 */
export function renderStartFailure(problems: readonly Problem[]): string {
  return fitted(
    [
      '<h2>CXone data action: failed</h2>',
      `<p><strong>The run stopped: ${problems.length} problem(s) to fix.</strong></p>`,
      table(
        ['Problem', 'Where'],
        problems.map(p => [
          p.message,
          p.location ? `${p.location.file}${p.location.line ? `:${p.location.line}` : ''}` : ''
        ])
      ),
      '<p>Each input, its default and what it accepts are in the action’s README, under Inputs.</p>'
    ],
    MAX_SUMMARY_CHARS
  )
}

/** GitHub refuses a step summary over 1 MiB; a comment holds 65,536 characters. */
const MAX_SUMMARY_CHARS = 1_000_000
const SHORTENED =
  '<p><em>Shortened: the rest of this report is in the job summary and the log.</em></p>'

/**
 * The parts, each a whole element, as many as fit in `maxChars`: a report is shortened at an
 * element's end, never inside a tag.
 */
function fitted(parts: string[], maxChars: number): string {
  const whole = parts.filter(Boolean).join('\n') + '\n'
  if (whole.length <= maxChars) return whole
  const kept: string[] = []
  let length = SHORTENED.length + 1
  for (const part of parts.filter(Boolean)) {
    if (length + part.length + 1 > maxChars) break
    kept.push(part)
    length += part.length + 1
  }
  return [...kept, SHORTENED].join('\n') + '\n'
}

function changes(
  live: CxoneVersion | undefined,
  checksum: string,
  matrix: Record<string, string>
): string[] {
  if (!live) return ['<h3>Changes</h3>', '<p>Nothing was live before: everything is new.</p>']
  const deps = dependencyChanges(live.dependencyMatrix, matrix)
  const rows = [
    ['version', live.versionId, '(this run)'],
    ['checksum', short(live.checksum), short(checksum)],
    ...deps.map(d => [d.name, d.live ?? '(none)', d.next ?? '(removed)'])
  ]
  return [
    section('Changes against the live version', ['What', 'Live', 'This run'], rows),
    deps.length === 0 ? '<p>Dependencies: no change.</p>' : ''
  ]
}

/**
 * What the run is about, for the heading: the data action, version and environment, or the
 * release. A validate run may have no ids (it needs none): its action file names it then.
 */
function subject(report: RunReport): string {
  const { dataActionId, versionId, targetEnvironment } = report.payload
  const version = versionId ? ` ${versionId}` : ''
  if (report.releaseManifest) {
    const count = report.members ? ` (${report.members.length} data actions)` : ''
    return `CXone release ${report.releaseManifest}${version}${count} → ${targetEnvironment}`
  }
  const name = dataActionId || report.validation.actionFile?.path
  return `CXone data action${name ? ` ${name}` : ''}${version} → ${targetEnvironment}`
}

/** A checksum in a table cell: enough to tell two apart; the full value is in the facts. */
function short(checksum: string): string {
  return checksum.length > 12 ? `${checksum.slice(0, 12)}…` : checksum
}

/** Tables longer than this are folded, so the outcome stays on the first screen. */
const FOLD_ROWS = 10

/** A titled table, folded in a `<details>` when long. */
function section(title: string, header: string[], rows: string[][]): string {
  const body = table(header, rows)
  return rows.length > FOLD_ROWS
    ? `<details><summary><strong>${markup(title)}</strong> (${rows.length} rows)</summary>\n\n${body}\n</details>`
    : `<h3>${markup(title)}</h3>\n${body}`
}

/** Longest text of one table cell; the rest is cut (the log has it whole). */
const MAX_CELL_CHARS = 1000

function table(header: string[], rows: string[][]): string {
  const cells = (tag: string, row: string[]): string =>
    `<tr>${row.map(cell => `<${tag}>${markup(clip(cell, MAX_CELL_CHARS))}</${tag}>`).join('')}</tr>`
  return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text
}
