import type {Element} from 'hast'
import {h} from 'hastscript'
import {isWebUrl, placeOf, sourceLinks, type AuditData, type SourceRow} from './data.js'
import type {AuditLabels} from './labels.js'

/** The registry as a table, each source with the places that cite it. */
export function sourcesSection(data: AuditData, labels: AuditLabels): Element {
  const columns = labels.sourceColumns
  return h('section#sources', {ariaLabelledby: 'sources-title'}, [
    h('h2#sources-title', `${labels.sources} (${data.sources.length})`),
    h('table.sources', [
      h('caption', labels.sourcesCaption),
      h('colgroup', ['id', 'type', 'title', 'author', 'date', 'url', 'uses', 'where'].map((column) => h('col', {className: [`col-${column}`]}))),
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
    h('td.url', sourceLinkCell(row, labels)),
    h('td.uses', String(row.uses.length)),
    h('td.where', row.uses.length > 0 ? h('ul.places', row.uses.map((use) => h('li', h('code', placeOf(use))))) : labels.none)
  ])
}

/**
 * The source's web address and DOI. The address is the link text so that it survives printing and
 * copying; a URL that is not a web address stays text.
 */
function sourceLinkCell(row: SourceRow, labels: AuditLabels): Array<Element | string> | string {
  const source = row.entry.value
  const links = sourceLinks(source)
  const shown: Element[] = []
  if (links.url) shown.push(h('a', {href: links.url}, links.url))
  else if (typeof source.csl.URL === 'string' && !isWebUrl(source.csl.URL)) shown.push(h('span', source.csl.URL))
  if (links.doi) shown.push(h('span.doi', [`${labels.doi} `, h('a', {href: links.doi.href}, links.doi.id)]))
  if (shown.length === 0) return labels.none
  return shown.flatMap((element, index) => (index > 0 ? [h('br'), element] : [element]))
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
