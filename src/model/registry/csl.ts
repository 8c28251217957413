import type {SourceType} from '../schemas/sources.js'

/** A CSL-JSON item, as citation-js and Zotero give them (only the fields we read). */
export interface CslItem {
  id?: string | number
  type?: string
  title?: string
  author?: Array<{family?: string; given?: string; literal?: string}>
  editor?: Array<{family?: string; given?: string; literal?: string}>
  issued?: {'date-parts'?: Array<Array<number | string>>; raw?: string; literal?: string}
  accessed?: {'date-parts'?: Array<Array<number | string>>}
  publisher?: string
  'container-title'?: string
  authority?: string
  URL?: string
  page?: string
  note?: string
  genre?: string
}

const typeMap: Record<string, SourceType> = {
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

/** Map a CSL-JSON item onto the shape of a `sources.yaml` entry (validated afterwards like one). */
export function fromCsl(item: CslItem): Record<string, unknown> {
  const isSurvey = /survey|enquête|sondage/i.test(item.genre ?? '')
  const isPress = /press|communiqué/i.test(item.genre ?? '')
  const entry: Record<string, unknown> = {
    id: item.id === undefined ? undefined : String(item.id),
    type: isSurvey ? 'survey' : isPress ? 'press-release' : (typeMap[item.type ?? ''] ?? item.type),
    title: item.title,
    author: names(item.author ?? item.editor ?? []),
    date: dateOf(item.issued),
    publisher: item.publisher ?? item['container-title'] ?? item.authority,
    url: item.URL,
    accessed: dateOf(item.accessed),
    pages: item.page,
    note: item.note
  }
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined))
}

/** Which CSL field a `sources.yaml` field came from, to place an issue in the original file. */
export const cslFieldOf: Record<string, string> = {date: 'issued', url: 'URL', pages: 'page'}

function names(people: NonNullable<CslItem['author']>): string[] | undefined {
  if (people.length === 0) return undefined
  return people.map((person) => person.literal ?? [person.given, person.family].filter(Boolean).join(' '))
}

function dateOf(date: CslItem['issued'] | undefined): string | undefined {
  const parts = date?.['date-parts']?.[0]
  if (!parts || parts.length === 0) return date && 'raw' in date ? date.raw : undefined
  const [year, month, day] = parts.map((part) => String(part))
  return [year, month?.padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-')
}
