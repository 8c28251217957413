import type {CiteprocEngine} from './engine.js'

/**
 * The bibliography's entries, each with the id of its work, in the style's order. citeproc-js
 * lists in `entry_ids` every work, also one the style prints no entry for (APA's personal
 * communications, cited in the text only), but leaves that one out of the entries: paired by
 * index, each entry after it took the next work's id, and its links went to the wrong work. When
 * the counts differ, each work is asked for on its own (`select` on its id) and those with no
 * entry are left out of the ids.
 */
export function bibliographyEntries(engine: CiteprocEngine): Array<{id: string; html: string}> | undefined {
  const made = engine.makeBibliography()
  if (!made) return undefined
  const [{entry_ids: listed}, entries] = made
  const ids = listed.map((group) => String(group[0] ?? ''))
  const printed = entries.length === ids.length ? ids : ids.filter((id) => printsEntry(engine, id))
  return entries.map((html, index) => ({id: printed[index] ?? '', html}))
}

function printsEntry(engine: CiteprocEngine, id: string): boolean {
  const one = engine.makeBibliography({select: [{field: 'id', value: id}]})
  return one !== false && one[1].length > 0
}
