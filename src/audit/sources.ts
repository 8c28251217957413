import type {Element} from 'hast'
import {h} from 'hastscript'
import {isWebUrl, placeOf, type AuditData, type SourceRow} from './data.js'
import type {AuditLabels} from './labels.js'

/** The registry as a table, each source with the places that cite it. */
export function sourcesSection(data: AuditData, labels: AuditLabels): Element {
  const columns = labels.sourceColumns
  return h('section#sources', {ariaLabelledby: 'sources-title'}, [
    h('h2#sources-title', `${labels.sources} (${data.sources.length})`),
    h('table.sources', [
      h('caption', labels.sourcesCaption),
      h('thead', h('tr', [columns.id, columns.type, columns.title, columns.author, columns.date, columns.url, columns.uses, columns.where].map((name) => h('th', {scope: 'col'}, name)))),
      h('tbody', data.sources.map((row) => sourceRow(row, labels)))
    ])
  ])
}

function sourceRow(row: SourceRow, labels: AuditLabels): Element {
  const source = row.entry.value
  // The row's id is the target of the `[key]` links in the figures table.
  return h('tr', {id: `source-${source.id}`, className: row.uses.length === 0 ? ['unused'] : undefined}, [
    h('th', {scope: 'row'}, h('code', source.id)),
    h('td', source.type),
    h('td', h('cite', source.title)),
    h('td', source.author.join('; ')),
    h('td', source.date),
    // The URL is the link text so that it survives printing and copying.
    h('td.url', isWebUrl(source.url) ? h('a', {href: source.url}, source.url) : (source.url ?? labels.none)),
    h('td.uses', String(row.uses.length)),
    h('td.where', row.uses.length > 0 ? h('ul.places', row.uses.map((use) => h('li', h('code', placeOf(use))))) : labels.none)
  ])
}

/** Sources no citation and no stat block uses: leftovers, or citations someone forgot. */
export function unusedSection(data: AuditData, labels: AuditLabels): Element {
  return h('section#unused-sources', {ariaLabelledby: 'unused-title'}, [
    h('h2#unused-title', `${labels.unused} (${data.unused.length})`),
    data.unused.length === 0
      ? h('p', labels.noUnused)
      : h(
          'ul.unused',
          data.unused.map((entry) => h('li', [h('a', {href: `#source-${entry.value.id}`}, h('code', entry.value.id)), ' — ', h('cite', entry.value.title), ` (${labels.definedAt} `, h('code', placeOf(entry)), ')']))
        )
  ])
}
