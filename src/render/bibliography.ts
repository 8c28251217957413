import type {Element} from 'hast'
import {h} from 'hastscript'
import type {BibliographyEntry} from './citations/collector.js'

/**
 * The bibliography section: entries as the CSL style formats and sorts them (see
 * `citations/collector.ts`), each with an anchor for links from citations and the audit page.
 * `chapter`: it is the edition's last part, after the chapters (no `::bibliography` placed it), so
 * its title is a chapter's (`h1`), at the chapters' level in the PDF's bookmarks and the page's
 * outline; placed in a chapter, it is a section of it (`h2`).
 */
export function renderBibliography(entries: readonly BibliographyEntry[], title: string, chapter = false): Element {
  const items = entries.map((entry) => h('li', {id: `source-${entry.id}`}, entry.content))
  const heading = chapter ? h('h1.rp-chapter__title', {id: 'bibliography-title'}, title) : h('h2', {id: 'bibliography-title'}, title)
  return h('section.rp-bibliography', {ariaLabelledby: 'bibliography-title'}, [heading, h('ol.rp-bibliography__list', items)])
}
