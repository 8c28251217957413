import type {Element} from 'hast'
import {h} from 'hastscript'
import type {JsonDiagnostic} from '../diagnostics/to-json.js'
import {countBySeverity} from '../diagnostics/to-json.js'
import type {ReportModel} from '../model/types.js'
import {formatDate} from '../render/document.js'
import {figureStatuses, type AuditData} from './data.js'
import type {AuditLabels} from './labels.js'
import {reviewCounts, type ReviewRead} from './review/parts.js'

/** The page banner: what report this is, when it was audited, and the counts a reviewer reads first, of statuses and of the review. */
export function auditHeader(model: ReportModel, data: AuditData, diagnostics: readonly JsonDiagnostic[], labels: AuditLabels, generatedAt: string | undefined, review: ReviewRead | undefined): Element {
  const {config} = model
  const bySeverity = countBySeverity(diagnostics)
  const severityText = (['error', 'warning', 'info'] as const)
    .filter((severity) => bySeverity[severity] > 0)
    .map((severity) => labels.severityCount(bySeverity[severity], severity))
    .join(', ')
  return h('header.audit-header', [
    h('p.kicker', labels.kicker),
    h('h1', config.title),
    config.subtitle ? h('p.subtitle', config.subtitle) : undefined,
    h('p.meta', [config.organisation, ' · ', h('time', {dateTime: config.date}, formatDate(config.date, config.lang))]),
    generatedAt ? h('p.meta', [`${labels.generated} `, h('time', {dateTime: generatedAt}, formatTimestamp(generatedAt, config.lang))]) : undefined,
    h('h2.counts-title', labels.countsCaption),
    // A description list, not a table: label/value pairs read naturally, and it wraps on narrow screens.
    h('dl.counts', [
      ...figureStatuses.map((status) => h('div', {className: ['count', `status-${status}`]}, [h('dt', labels.status[status]), h('dd', {dataCount: status}, String(data.counts[status]))])),
      h('div.count.count-diagnostics', [
        h('dt', labels.diagnostics),
        h('dd', {dataCount: 'diagnostics'}, [String(diagnostics.length), severityText ? h('span.detail', ` (${severityText})`) : undefined])
      ])
    ]),
    ...reviewCounts(data, labels, review)
  ])
}

/** `1 mars 2026 à 10:00 UTC`: the machine-readable value stays in `datetime`; anything unparsable is shown as given. */
function formatTimestamp(value: string, lang: string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return `${new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC'}).format(date)} UTC`
}
