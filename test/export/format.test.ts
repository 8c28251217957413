import {parse} from 'csv-parse/sync'
import {describe, expect, test} from 'vitest'
import {csvDelimiters, formatRows, type Row} from '../../src/export/format.js'

/** Fields a spreadsheet user writes: accents, every separator, quotes, line breaks, a formula. */
const rows: Row[] = [
  {id: 'rec-a', title: 'Protéger les enfants « en ligne »', actors: 'État, plateformes; écoles', quote: 'Il a dit "stop"', note: 'ligne un\nligne deux', value: 52, key: true},
  {id: 'rec-b', title: 'Colonnes\tséparées', actors: 'Œuvres; Ça', quote: '"', note: 'fin\r\nWindows', value: null, key: false},
  {id: 'rec-c', title: '=HYPERLINK("http://x")', actors: '', quote: "l'été", note: '', value: 0.5, key: false}
]

/** What a spreadsheet should read back: every value as text, formulas defused, nulls empty. */
const expected = [
  {id: 'rec-a', title: 'Protéger les enfants « en ligne »', actors: 'État, plateformes; écoles', quote: 'Il a dit "stop"', note: 'ligne un\nligne deux', value: '52', key: 'true'},
  {id: 'rec-b', title: 'Colonnes\tséparées', actors: 'Œuvres; Ça', quote: '"', note: 'fin\r\nWindows', value: '', key: 'false'},
  {id: 'rec-c', title: `'=HYPERLINK("http://x")`, actors: '', quote: "l'été", note: '', value: '0.5', key: 'false'}
]

describe('formatRows as CSV', () => {
  test.each(csvDelimiters.map((delimiter) => [JSON.stringify(delimiter), delimiter] as const))('%s: fields with accents, separators, quotes and line breaks come back whole from csv-parse', (_name, delimiter) => {
    const csv = formatRows(rows, 'csv', {delimiter})
    expect(csv.startsWith(`\uFEFFid${delimiter}title${delimiter}`)).toBe(true)
    expect(parse(csv, {bom: true, delimiter, columns: true})).toEqual(expected)
  })

  test('the byte order mark is on by default, and is the only thing before the header', () => {
    const csv = formatRows(rows, 'csv')
    expect([...Buffer.from(csv, 'utf8').subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0x69, 0x64])
    // A reader that does not skip it sees it in the first column's name.
    expect(Object.keys((parse(csv, {columns: true}) as Array<Record<string, string>>)[0]!)[0]).toBe('\uFEFFid')
  })

  test('bom: false leaves it out', () => {
    const csv = formatRows(rows, 'csv', {delimiter: ';', bom: false})
    expect(csv.startsWith('id;title;actors;quote;note;value;key\n')).toBe(true)
    expect(parse(csv, {delimiter: ';', columns: true})).toEqual(expected)
  })

  test('a field holding the separator is quoted, one without it is not', () => {
    const csv = formatRows([{a: 'x;y', b: 'x,y'}], 'csv', {delimiter: ';', bom: false})
    expect(csv).toBe('a;b\n"x;y";x,y\n')
  })

  test('a separator other than `,`, `;` or tab is refused, for callers in plain JavaScript', () => {
    expect(() => formatRows(rows, 'csv', {delimiter: '|' as never})).toThrow('Unexpected CSV delimiter "|", expected ",", ";" or "\\t"')
  })

  test('JSON never has a byte order mark', () => {
    expect(formatRows(rows, 'json').startsWith('[')).toBe(true)
  })
})
