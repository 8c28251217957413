import {stringify} from 'csv-stringify/sync'

type Row = Record<string, string | number | boolean | null>

/** JSON: an array of objects. CSV: RFC 4180 with a header row, booleans as true/false. */
export function formatRows(rows: readonly Row[], format: 'json' | 'csv'): string {
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n'
  if (rows.length === 0) return ''
  return stringify(rows as Row[], {header: true, cast: {boolean: (value) => String(value)}})
}
