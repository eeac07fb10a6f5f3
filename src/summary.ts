import type { Result } from './constants.js'
import type { DependencyVerdict } from './policy.js'
import type { PublishOutcome } from './publisher.js'
import type { CheckResult, ValidationReport } from './validate.js'

/** What the job summary reports; everything in it may come from repository files. */
export interface SummaryInput {
  result: Result
  /** One line saying what happened. */
  headline: string
  validation?: ValidationReport
  publish?: PublishOutcome
}

const ICON: Record<CheckResult['status'], string> = { pass: '✅', fail: '❌', skipped: '➖' }
const VERDICT_ICON: Record<DependencyVerdict['verdict'], string> = {
  allowed: '✅',
  unrestricted: '✅',
  blocked: '❌',
  'outside range': '❌',
  undeclared: '❌'
}

/** The job summary as HTML (GitHub renders it; all file-derived text is escaped). */
export function renderSummary(input: SummaryInput): string {
  const parts = [`<h2>CXone data action: ${escapeHtml(input.result)}</h2>`]
  parts.push(`<p>${escapeHtml(input.headline)}</p>`)
  const publish = input.publish
  if (publish) {
    parts.push(
      '<h3>Publish</h3>',
      table(
        ['Phase', 'Result', 'Duration', 'Detail'],
        publish.phases.map(p => [
          p.name,
          p.ok ? '✅ ok' : '❌ failed',
          `${p.durationMs} ms`,
          p.detail
        ])
      ),
      `<p>Previously live: <code>${escapeHtml(publish.previous?.versionId ?? 'nothing')}</code>. Latency: ${publish.latencyMs} ms.</p>`
    )
    if (publish.rollback) {
      parts.push(
        `<p><strong>Rollback</strong> (${publish.rollback.action} ${escapeHtml(publish.rollback.versionId)}): ${publish.rollback.verified ? '✅' : '❌'} ${escapeHtml(publish.rollback.detail)}</p>`
      )
    }
    if (publish.finalLive !== undefined) {
      parts.push(
        `<p>Final state, read back from CXone: <code>${escapeHtml(publish.finalLive ?? 'nothing')}</code> is live.</p>`
      )
    }
    if (publish.manualFix) {
      parts.push(`<p>To fix by hand:</p><pre>${escapeHtml(publish.manualFix)}</pre>`)
    }
  }
  const validation = input.validation
  if (validation) {
    parts.push(
      '<h3>Checks</h3>',
      table(
        ['Check', 'Result', 'Detail'],
        validation.checks.map(c => [c.name, `${ICON[c.status]} ${c.status}`, c.detail])
      )
    )
    if (validation.dependencies.length > 0) {
      parts.push(
        '<h3>Dependencies</h3>',
        table(
          ['Package', 'Version', 'Verdict', 'Why'],
          validation.dependencies.map(d => [
            d.name,
            d.version ?? '(not declared)',
            `${VERDICT_ICON[d.verdict]} ${d.verdict}`,
            d.reason
          ])
        )
      )
    }
    if (validation.actionFile) {
      parts.push(
        `<p>Checksum (sha256 of <code>${escapeHtml(validation.actionFile.path)}</code>): <code>${validation.actionFile.sha256}</code></p>`
      )
    }
  }
  return parts.join('\n') + '\n'
}

function table(header: string[], rows: string[][]): string {
  const cells = (tag: string, row: string[]): string =>
    `<tr>${row.map(cell => `<${tag}>${escapeHtml(cell)}</${tag}>`).join('')}</tr>`
  return `<table>${cells('th', header)}${rows.map(row => cells('td', row)).join('')}</table>`
}

/** Escapes text for HTML and neutralises markdown that GitHub would still interpret. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/[`*_[\]|@]/g, ch => `&#${ch.charCodeAt(0)};`)
}
