import type {Element} from 'hast'
import {h} from 'hastscript'
import {isWebUrl, placeOf, type AuditData, type FigureRow, type SourceRef} from './data.js'
import {figureFilters, filterIds} from './filters.js'
import type {AuditLabels} from './labels.js'

/** The figures section: filters, then one row per figure of the model, in `export figures` order. */
export function figuresSection(data: AuditData, labels: AuditLabels): Element {
  const columns = labels.columns
  return h('section#figures', {ariaLabelledby: 'figures-title'}, [
    h('h2#figures-title', `${labels.figures} (${data.figures.length})`),
    figureFilters(data, labels),
    h(`table#${filterIds.table}.figures`, [
      h('caption', labels.figuresCaption),
      h('thead', h('tr', [columns.chapter, columns.place, columns.sentence, columns.figure, columns.status, columns.sources, columns.inSource, columns.reason].map((name) => h('th', {scope: 'col'}, name)))),
      h('tbody', data.figures.map((row) => figureRow(row, data, labels)))
    ])
  ])
}

function figureRow(row: FigureRow, data: AuditData, labels: AuditLabels): Element {
  const {figure} = row
  // data-status and data-chapter are what the filter script reads; the status is also written out.
  return h('tr', {dataStatus: figure.status, dataChapter: String(row.chapter)}, [
    h('td.chapter', data.chapters[row.chapter] ?? labels.noChapter),
    h('td.place', h('code', placeOf(figure))),
    h('td.sentence', row.highlight ? [row.highlight.before, h('mark', row.highlight.figure), row.highlight.after] : figure.sentence),
    // The figure names the row for screen readers moving down the table.
    h('th.figure', {scope: 'row'}, figure.text),
    h('td', h('span', {className: ['status', `status-${figure.status}`]}, labels.status[figure.status])),
    h('td.refs', row.refs.length > 0 ? h('ul', row.refs.map((ref) => h('li', sourceRef(ref, labels)))) : labels.none),
    h('td.in-source', {dataInSource: figure.inSource?.status ?? 'not-checked'}, labels.inSource(figure.inSource)),
    h('td.reason', figure.waiverReason ?? '')
  ])
}

/** `Title (2024), p. 12 [key]`: the title links to the source online, the key to its row below. */
function sourceRef(ref: SourceRef, labels: AuditLabels): Array<Element | string> {
  const key = h('a.key', {href: `#source-${ref.key}`}, `[${ref.key}]`)
  if (!ref.source) return [h('code', ref.key), ` (${labels.unknownSource})`]
  const {title, url, date} = ref.source
  return [h('cite', isWebUrl(url) ? h('a', {href: url}, title) : title), ` (${date})`, ref.locator ? `, ${ref.locator}` : '', ' ', key]
}
