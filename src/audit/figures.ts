import type {Element} from 'hast'
import {h} from 'hastscript'
import {isWebUrl, placeOf, sourceLinks, type AuditData, type FigureRow, type SourceRef} from './data.js'
import {figureFilters, filterIds} from './filters.js'
import type {AuditLabels} from './labels.js'
import {reviewBar, reviewCell, reviewRowData} from './review/parts.js'

/** The figures table's columns, in order; the stylesheet gives each its share of the width. */
const columns = ['where', 'sentence', 'figure', 'status', 'sources', 'inSource', 'review'] as const

/** The figures section: filters, the review bar, then one row per figure of the model, in `export figures` order. */
export function figuresSection(data: AuditData, labels: AuditLabels, project: {key: string; title: string; organisation: string}): Element {
  return h('section#figures', {ariaLabelledby: 'figures-title'}, [
    h('h2#figures-title', `${labels.figures} (${data.figures.length})`),
    figureFilters(data, labels),
    reviewBar(labels, project),
    h(`table#${filterIds.table}.figures`, [
      h('caption', labels.figuresCaption),
      // A fixed layout with set shares: the table fits the window whatever the cells hold.
      h('colgroup', columns.map((column) => h('col', {className: [`col-${column}`]}))),
      h('thead', h('tr', columns.map((column) => h('th', {scope: 'col'}, labels.columns[column])))),
      h('tbody', data.figures.map((row, index) => figureRow(row, index, data, labels)))
    ])
  ])
}

function figureRow(row: FigureRow, index: number, data: AuditData, labels: AuditLabels): Element {
  const {figure} = row
  // data-status, data-chapter and data-review are what the filter script reads; the review
  // script reads the rest. Each is also written out in the row.
  return h('tr', {dataStatus: figure.status, dataChapter: String(row.chapter), ...reviewRowData(row)}, [
    h('td.where', [h('span.chapter', data.chapters[row.chapter] ?? labels.noChapter), ' ', h('code.place', placeOf(figure))]),
    h('td.sentence', row.highlight ? [row.highlight.before, h('mark', row.highlight.figure), row.highlight.after] : figure.sentence),
    // The figure names the row for screen readers moving down the table.
    h('th.figure', {scope: 'row'}, figure.text),
    h('td.status-cell', [h('span', {className: ['status', `status-${figure.status}`]}, labels.status[figure.status]), figure.waiverReason ? h('span.reason', figure.waiverReason) : undefined]),
    h('td.refs', row.refs.length > 0 ? h('ul', row.refs.map((ref) => h('li', sourceRef(ref, labels)))) : labels.none),
    h('td.in-source', {dataInSource: figure.inSource?.status ?? 'not-checked'}, labels.inSource(figure.inSource)),
    reviewCell(row, index, labels)
  ])
}

/** `Title (2024), p. 12 [key] DOI`: the title links to the source online, the key to its row below. */
function sourceRef(ref: SourceRef, labels: AuditLabels): Array<Element | string> {
  const key = h('a.key', {href: `#source-${ref.key}`}, `[${ref.key}]`)
  if (!ref.source) return [h('code', ref.key), ` (${labels.unknownSource})`]
  const {title, date} = ref.source
  const links = sourceLinks(ref.source)
  const href = links.url ?? links.doi?.href
  const parts: Array<Element | string> = [h('cite', isWebUrl(href) ? h('a', {href}, title) : title), ` (${date})`, ref.locator ? `, ${ref.locator}` : '', ' ', key]
  // Both a web page and a DOI: the title goes to the page, the DOI gets its own link.
  if (links.url && links.doi) parts.push(' ', h('a.doi', {href: links.doi.href}, labels.doi))
  return parts
}
