import type {CslDate, CslItem, CslName} from '../schemas/csl.js'
import type {Source, SourceKind} from '../schemas/sources.js'

/** CSL types read as one of our kinds of source; the others have no kind (and no kind rules). */
const kindOfType: Record<string, SourceKind> = {
  report: 'report',
  'article-journal': 'article',
  'article-newspaper': 'article',
  'article-magazine': 'article',
  article: 'article',
  legislation: 'law',
  legal_case: 'law',
  bill: 'law',
  regulation: 'law',
  treaty: 'law',
  dataset: 'dataset',
  webpage: 'webpage',
  'post-weblog': 'webpage',
  post: 'webpage',
  interview: 'interview',
  book: 'book',
  chapter: 'book',
  hearing: 'hearing',
  speech: 'hearing'
}

/** Our kind of a CSL item: its type, refined by its genre for surveys and press releases. */
export function kindOf(item: CslItem): SourceKind | undefined {
  const genre = typeof item.genre === 'string' ? item.genre : ''
  if (item.type === 'report' && /survey|enquête|sondage/i.test(genre)) return 'survey'
  if (/press release|communiqué/i.test(genre)) return 'press-release'
  return kindOfType[item.type]
}

/** The summary of a CSL item that rules, exports and the audit page read. */
export function sourceView(item: CslItem, writtenType: string, note?: string): Source {
  const text = (name: string) => (typeof item[name] === 'string' || typeof item[name] === 'number' ? plainText(String(item[name])) : undefined)
  const names = (item.author ?? item.editor ?? []) as CslName[]
  const doi = text('DOI')
  return {
    id: item.id,
    type: writtenType,
    kind: kindOf(item),
    title: text('title'),
    author: names.map(displayName).filter((name) => name !== ''),
    date: isoDate(item.issued as CslDate | undefined),
    // The publisher (or the authority of a law), never the journal or book a piece is in: that is `container`.
    publisher: text('publisher') ?? text('authority'),
    container: text('container-title'),
    url: text('URL') ?? (doi ? `https://doi.org/${doi.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '')}` : undefined),
    accessed: isoDate(item.accessed as CslDate | undefined),
    pages: text('page'),
    note: note ?? text('note'),
    csl: item
  }
}

/**
 * CSL's rich text (`<i>Piers Plowman</i>`, `<span class="nocase">UNICEF</span>`, from BibTeX's
 * `\emph`, Zotero's CSL-JSON or CSL YAML's Markdown) is for citeproc, which formats it: the summary
 * that a key figure's source line, the exports and the audit page print is its text, without tags.
 */
export function plainText(value: string): string {
  return value.replace(/<\/?(?:i|b|sup|sub|span)(?:\s[^>]*)?>/gu, '')
}

/** `Kees de Hoogh`, `Ludwig van Beethoven Jr.`, or the organisation as written. */
export function displayName(name: CslName): string {
  if (name.literal) return name.literal
  const parts = [name.given, name['dropping-particle'], name['non-dropping-particle'], name.family]
  return parts.filter(Boolean).join(' ') + (name.suffix ? ` ${name.suffix}` : '')
}

/** `2024-04-23`, `2024-04` or `2024` from a CSL date; undefined for a literal or missing date. */
export function isoDate(date: CslDate | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0]
  if (parts && parts.length > 0 && /^\d{4}$/.test(String(parts[0]))) {
    const [year, month, day] = parts.map((part) => String(part))
    return [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-')
  }
  const raw = date?.raw?.match(/^\d{4}(-\d{2}(-\d{2})?)?/)
  return raw?.[0]
}

/** `2024-04-23` → `{"date-parts": [[2024, 4, 23]]}`. */
export function cslDateOf(value: string): CslDate {
  return {'date-parts': [value.split('-').map(Number)]}
}
