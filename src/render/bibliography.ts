import type {Element} from 'hast'
import {h} from 'hastscript'
import type {BibliographyEntry} from './citations/collector.js'

/**
 * The bibliography section: entries as the CSL style formats and sorts them (see
 * `citations/collector.ts`), each with an anchor for links from citations and the audit page.
 */
export function renderBibliography(entries: readonly BibliographyEntry[], title: string): Element {
  const items = entries.map((entry) => h('li', {id: `source-${entry.id}`}, entry.content))
  return h('section.rp-bibliography', {ariaLabelledby: 'bibliography-title'}, [h('h2', {id: 'bibliography-title'}, title), h('ol.rp-bibliography__list', items)])
}
