import {cslDateVariables, cslNameVariables, type CslItem, type CslName} from '../schemas/csl.js'
import type {Source, SourceEntry, SourceKind} from '../schemas/sources.js'
import {cslDateOf, sourceView} from './source-view.js'

/** Our kinds as CSL types; a survey and a press release are reports with a genre. */
const cslTypeOf: Record<SourceKind, CslItem['type']> = {
  report: 'report',
  survey: 'report',
  article: 'article-journal',
  law: 'legislation',
  dataset: 'dataset',
  webpage: 'webpage',
  interview: 'interview',
  'press-release': 'report',
  book: 'book',
  hearing: 'hearing'
}

const genreOf: Partial<Record<SourceKind, {fr: string; en: string}>> = {
  survey: {fr: 'enquête', en: 'survey'},
  'press-release': {fr: 'communiqué de presse', en: 'press release'}
}

/** Fields of `sources.yaml` that are not CSL variables under the same name. */
const ownFields = new Set(['type', 'date', 'url', 'pages', 'note', 'file'])
const nameVariables: ReadonlySet<string> = new Set(cslNameVariables)
const dateVariables: ReadonlySet<string> = new Set(cslDateVariables)

/**
 * A `sources.yaml` entry as a whole CSL item: CSL variables pass through, friendly fields take
 * their CSL names, string names become `literal` (organisations), and `note` stays ours.
 */
export function sourceFromYaml(entry: SourceEntry, lang: string): Source {
  const item: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(entry)) {
    if (value === undefined || ownFields.has(key)) continue
    item[key] = nameVariables.has(key) && Array.isArray(value) ? value.map(asName) : dateVariables.has(key) && typeof value === 'string' ? cslDateOf(value) : value
  }
  const type = entry.type as string
  const kind = type in cslTypeOf ? (type as SourceKind) : undefined
  item.type = kind ? cslTypeOf[kind] : type
  const genre = kind ? genreOf[kind] : undefined
  if (genre && item.genre === undefined) item.genre = lang.toLowerCase().startsWith('fr') ? genre.fr : genre.en
  if (typeof entry.date === 'string') item.issued = cslDateOf(entry.date)
  if (typeof entry.url === 'string') item.URL = entry.url
  if (entry.pages !== undefined) item.page = entry.pages
  const source = sourceView(item as CslItem, type, typeof entry.note === 'string' ? entry.note : undefined)
  if (typeof entry.file === 'string') source.file = entry.file
  return source
}

function asName(name: unknown): CslName {
  return typeof name === 'string' ? {literal: name} : (name as CslName)
}
