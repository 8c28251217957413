import type {ElementContent} from 'hast'
import {h} from 'hastscript'
import type {Source} from '../model/schemas/sources.js'
import type {CitationItem} from '../parse/citation/types.js'

/**
 * A short reference for a note: `Protect Children, ReDirection Survey Report, 2021, p. 16.`
 * Titles of standalone works in italics, of articles and pages in quotation marks (« » in French).
 */
export function shortReference(source: Source | undefined, item: Pick<CitationItem, 'key' | 'prefix' | 'locator' | 'suffix'>, lang: string): ElementContent[] {
  const french = lang.toLowerCase().startsWith('fr')
  const out: ElementContent[] = []
  if (item.prefix) out.push({type: 'text', value: `${item.prefix} `})
  if (!source) {
    out.push({type: 'text', value: item.key})
  } else {
    const quoted = source.type === 'article' || source.type === 'webpage' || source.type === 'press-release' || source.type === 'law'
    out.push({type: 'text', value: `${source.author.join(', ')}, `})
    out.push(quoted ? {type: 'text', value: french ? `« ${source.title} »` : `“${source.title}”`} : h('cite', source.title))
    const tail = [source.publisher && source.publisher !== source.author.join(', ') ? source.publisher : undefined, source.date.slice(0, 4)].filter(Boolean)
    out.push({type: 'text', value: `, ${tail.join(', ')}`})
  }
  if (item.locator) out.push({type: 'text', value: `, ${item.locator}`})
  if (item.suffix) out.push({type: 'text', value: ` ${item.suffix}`})
  return out
}

/** `(Protect Children, 2021, p. 16)` for author-date citations. */
export function authorDate(source: Source | undefined, item: Pick<CitationItem, 'key' | 'prefix' | 'locator' | 'suffix' | 'suppressAuthor'>): string {
  const parts = [item.prefix, item.suppressAuthor ? undefined : (source?.author[0] ?? item.key)].filter(Boolean).join(' ')
  const year = source?.date.slice(0, 4)
  return [parts, year, item.locator, item.suffix].filter(Boolean).join(', ')
}
