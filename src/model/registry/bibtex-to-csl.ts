import type {CslItem, CslName} from '../schemas/csl.js'
import {cslNameVariables} from '../schemas/csl.js'

/**
 * What citation-js's BibLaTeX mapping leaves short of CSL, mended after it: braced corporate
 * names, BibLaTeX's localisation keys in `genre`, newspaper articles, and fields it does not map
 * for an entry type though their CSL meaning is plain (`journaltitle` of a `@legislation`).
 */
export function mendBibtexItem(item: CslItem, raw: Record<string, string>, unread: ReadonlySet<string>, lang: string, decode: (value: string, field: string) => unknown): CslItem {
  const mended: Record<string, unknown> = {...item}
  for (const variable of cslNameVariables) {
    const names = mended[variable]
    if (Array.isArray(names)) mended[variable] = (names as CslName[]).map(corporate)
  }
  const genre = typeof mended.genre === 'string' ? mended.genre : undefined
  if (genre && genreKeys[genre]) mended.genre = lang.toLowerCase().startsWith('fr') ? genreKeys[genre].fr : genreKeys[genre].en
  if (item.type === 'article-journal' && (genre === 'newspaper' || genre === 'magazine')) {
    mended.type = `article-${genre}`
    delete mended.genre
  }
  const issue = issueWithNumber(mended.issue, raw, decode)
  if (issue !== undefined) mended.issue = issue
  for (const [field, variable] of Object.entries(plainFields)) {
    const value = raw[field]
    if (value !== undefined && unread.has(field) && mended[variable] === undefined) mended[variable] = String(decode(value, field))
  }
  // A court (`@jurisdiction{…, institution = {Court of Appeal}}`) is CSL's `authority`, which styles print as the court; not a publisher.
  if (item.type === 'legal_case' && mended.publisher !== undefined && mended.authority === undefined && raw.institution !== undefined) {
    mended.authority = mended.publisher
    delete mended.publisher
  }
  return mended as CslItem
}

/**
 * BibLaTeX's `issue` beside `number` (`number = {3}, issue = {Printemps}`): citation-js makes the
 * number the issue and drops the other; Pandoc joins them, `3, Printemps`, and so does this.
 */
function issueWithNumber(issue: unknown, raw: Record<string, string>, decode: (value: string, field: string) => unknown): string | undefined {
  const number = raw.number === undefined ? undefined : String(decode(raw.number, 'number'))
  const named = raw.issue === undefined ? undefined : String(decode(raw.issue, 'issue'))
  if (number === undefined || !named || issue === undefined || String(issue) !== number) return undefined
  return `${number}${/[!?.,:;]$/u.test(number) ? ' ' : ', '}${named}`
}

/** `{World Health Organization}` reaches citation-js as a family name alone: it is an organisation. */
function corporate(name: CslName): CslName {
  const keys = Object.keys(name)
  return keys.length === 1 && keys[0] === 'family' && name.family ? {literal: name.family} : name
}

/** BibLaTeX's localisation keys for thesis and report types, as a reader reads them. */
const genreKeys: Record<string, {fr: string; en: string}> = {
  phdthesis: {fr: 'thèse de doctorat', en: 'PhD thesis'},
  mathesis: {fr: 'mémoire de master', en: "Master's thesis"},
  candthesis: {fr: 'thèse', en: 'Candidate thesis'},
  techreport: {fr: 'rapport technique', en: 'Technical report'},
  resreport: {fr: 'rapport de recherche', en: 'Research report'}
}

/** Fields whose CSL variable is plain whatever the entry type, used when the mapping skipped them. */
const plainFields: Record<string, string> = {
  journaltitle: 'container-title',
  journal: 'container-title',
  booktitle: 'container-title',
  institution: 'publisher',
  organization: 'publisher',
  location: 'publisher-place',
  address: 'publisher-place',
  doi: 'DOI',
  url: 'URL',
  // A law's number (`@legal`, read as a treaty, as Pandoc reads it): citation-js maps it for other types only.
  number: 'number',
  isbn: 'ISBN',
  issn: 'ISSN'
}

/** Whether an unread field was mended into a CSL variable (then it is not reported as unread). */
export function isMended(field: string): boolean {
  return field in plainFields
}
