/**
 * The quotation marks of a language, as CLDR's delimiters give them: the primary pair, for a
 * quotation, and the secondary one, for a quotation within it. Straight quotes typed in the text
 * become them (smart-punctuation.ts): `"…"` the primary pair, `'…'` opened after a space the
 * secondary one.
 */
export interface QuotationMarks {
  primary: readonly [string, string]
  secondary: readonly [string, string]
}

const marks = (primary: string, secondary: string): QuotationMarks => ({primary: [primary[0]!, primary[1]!], secondary: [secondary[0]!, secondary[1]!]})

const english = marks('“”', '‘’')

/** By language tag, lower case: a region's own marks first (`de-ch`), then its language's (`de`). CLDR 45. */
const byLanguage: ReadonlyMap<string, QuotationMarks> = new Map([
  ['en', english],
  ['fr', marks('«»', '“”')],
  ['de', marks('„“', '‚‘')],
  ['de-ch', marks('«»', '‹›')],
  ['de-li', marks('«»', '‹›')],
  ['es', marks('«»', '“”')],
  ['it', marks('«»', '“”')],
  ['nl', marks('‘’', '“”')],
  ['pt', marks('“”', '‘’')],
  ['pt-pt', marks('«»', '“”')],
  ['pl', marks('„”', '«»')],
  ['sv', marks('””', '’’')],
  ['fi', marks('””', '’’')],
  ['da', marks('“”', '‘’')],
  ['nb', marks('«»', '‘’')],
  ['nn', marks('«»', '‘’')],
  ['no', marks('«»', '‘’')],
  ['cs', marks('„“', '‚‘')],
  ['sk', marks('„“', '‚‘')],
  ['sl', marks('„“', '‚‘')],
  ['ca', marks('«»', '“”')],
  ['el', marks('«»', '“”')],
  ['ru', marks('«»', '„“')],
  ['uk', marks('«»', '„“')],
  ['ro', marks('„”', '«»')],
  ['hu', marks('„”', '»«')],
  ['tr', marks('“”', '‘’')],
  ['ja', marks('「」', '『』')],
  ['zh', marks('“”', '‘’')]
])

/** The quotation marks of a BCP 47 tag; a language not in the table gets English ones (the rule unsupported-language says so). */
export function quotationMarks(lang: string): QuotationMarks {
  const tag = lang.toLowerCase().replace(/_/gu, '-')
  const [language, ...subtags] = tag.split('-')
  const region = subtags.find((subtag) => /^(?:[a-z]{2}|\d{3})$/u.test(subtag))
  return (region && byLanguage.get(`${language}-${region}`)) || byLanguage.get(language ?? '') || english
}

/** Whether the table has a language's own marks (else quotationMarks gives English ones). */
export function hasQuotationMarks(lang: string): boolean {
  return byLanguage.has(lang.toLowerCase().split(/[-_]/u)[0] ?? '')
}
