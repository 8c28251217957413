import {stringify} from 'csv-stringify/sync'
import {cslDateVariables, cslNameVariables, type CslDate, type CslName} from '../model/schemas/csl.js'
import {displayName, isoDate} from '../model/registry/source-view.js'

/** A flat record; `csl` (sources) holds a whole CSL-JSON item, spread into columns in CSV. */
export type Row = Record<string, string | number | boolean | null | Record<string, unknown>>

/** The field separators a CSV can have: `,` (English-locale spreadsheets), `;` (French), tab. */
export const csvDelimiters = [',', ';', '\t'] as const
export type CsvDelimiter = (typeof csvDelimiters)[number]

export interface CsvOptions {
  /** The field separator; `,` unless told. */
  delimiter?: CsvDelimiter
  /**
   * Start with a UTF-8 byte order mark; on unless told. Excel reads a CSV without one in the
   * system's legacy code page (`é` shows as `Ã©`); Google Sheets and LibreOffice skip it.
   */
  bom?: boolean
}

/**
 * JSON: an array of objects, nested CSL items kept whole, never a byte order mark. CSV: RFC 4180
 * with a header row holding every column any row has (`csl.DOI`, `csl.volume`…), names as
 * `Family, Given; …`, dates as ISO, fields separated by `options.delimiter`, after a byte order mark.
 */
export function formatRows(rows: readonly Row[], format: 'json' | 'csv', options: CsvOptions = {}): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n'
  const delimiter = options.delimiter ?? ','
  // The API's callers may be plain JavaScript: the same three separators as `--delimiter`.
  if (!csvDelimiters.includes(delimiter)) throw new TypeError(`Unexpected CSV delimiter ${JSON.stringify(delimiter)}, expected ",", ";" or "\\t"`)
  if (rows.length === 0) return ''
  const flat = rows.map(flatten)
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))]
  return stringify(flat, {
    header: true,
    columns,
    delimiter,
    bom: options.bom ?? true,
    cast: {boolean: (value) => String(value), string: spreadsheetSafe}
  })
}

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+`, `-`, `@`, or a tab or carriage
 * return first) is written with a leading apostrophe, which spreadsheets read as "text" (OWASP's
 * advice for CSV injection). Every text that reaches a CSV comes from a project, so from anyone.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value
}

function flatten(row: Row): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {}
  for (const [key, value] of Object.entries(row)) {
    if (value === null || typeof value !== 'object') out[key] = value
    else for (const [name, inner] of Object.entries(value)) out[`${key}.${name}`] = cell(name, inner)
  }
  return out
}

const names: ReadonlySet<string> = new Set(cslNameVariables)
const dates: ReadonlySet<string> = new Set(cslDateVariables)

/** One CSL variable as a spreadsheet cell. */
function cell(name: string, value: unknown): string | number | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'string' || typeof value === 'number') return value
  if (names.has(name) && Array.isArray(value)) return (value as CslName[]).map((person) => (person.family && !person.literal ? [[person['non-dropping-particle'], person.family].filter(Boolean).join(' '), [person.given, person['dropping-particle']].filter(Boolean).join(' ')].filter(Boolean).join(', ') : displayName(person))).join('; ')
  if (dates.has(name) && typeof value === 'object') return isoDate(value as CslDate) ?? (value as CslDate).literal ?? (value as CslDate).raw ?? JSON.stringify(value)
  return JSON.stringify(value)
}
