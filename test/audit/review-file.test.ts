import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {parseReview} from '../../src/audit/review/read.js'
import type {SchemaProblem} from '../../src/model/types.js'

const mark = {
  fingerprint: '0123456789abcdef',
  status: 'verified',
  note: 'Vu p. 12.',
  at: '2026-03-01T10:00:00.000Z',
  figure: '40 %',
  file: 'chapters/intro.md',
  line: 5,
  sentence: 'En 2024, 40 % des victimes ont porté plainte.',
  sources: ['enquete-2024']
}
const review = {rapporteur: 'review', version: 1, project: {title: 'Exemple', organisation: 'Fondation Exemple'}, savedAt: '2026-03-01T10:05:00.000Z', marks: [mark]}

/** Parse a review file's text; each problem as `line:column message`. */
function read(text: string) {
  const problems: SchemaProblem[] = []
  const result = parseReview(new VFile({path: 'review.json', value: text}), problems)
  return {result, problems: problems.map((problem) => `${problem.position.start.line}:${problem.position.start.column} ${problem.message}`), files: problems.map((problem) => problem.file)}
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2) + '\n'

describe('parseReview', () => {
  test('reads the file the page saves, with a byte order mark or without', () => {
    expect(read(pretty(review))).toEqual({result: review, problems: [], files: []})
    expect(read('\uFEFF' + pretty(review)).result).toEqual(review)
  })

  test('fills in an empty note and no sources', () => {
    const {note: _note, sources: _sources, ...bare} = mark
    expect(read(pretty({...review, marks: [bare]})).result?.marks[0]).toEqual({...bare, note: '', sources: []})
  })

  test('places a JSON syntax error at its line and column', () => {
    const text = pretty(review).replace('"verified",', '"verified"')
    const {result, problems, files} = read(text)
    expect(result).toBeUndefined()
    expect(files).toEqual(['review.json'])
    const line = text.split('\n').findIndex((content) => content.includes('"note"')) + 1
    expect(problems).toEqual([`${line}:7 Cannot parse JSON: Expected ',' or '}' after property value, expected the review file the audit page saves`])
  })

  test('places an unexpected token, for which V8 gives no position', () => {
    const text = pretty(review).replace('"version": 1', '"version": tru')
    expect(read(text).problems).toEqual([`3:17 Cannot parse JSON: Unexpected token ',', expected the review file the audit page saves`])
  })

  test('places a file cut short at its end', () => {
    const text = pretty(review).slice(0, 40)
    expect(read(text).problems).toEqual(['3:13 Cannot parse JSON: Unexpected end of JSON input, expected the review file the audit page saves'])
  })

  test('places each schema problem at the value, or the key, it is about', () => {
    const broken = {...review, marks: [{...mark, status: 'ok', line: 0}, {...mark, fingerprint: 'XYZ', extra: true}]}
    const text = pretty(broken)
    const lineOf = (needle: string, from = 0) => text.split('\n').findIndex((content, index) => index >= from && content.includes(needle)) + 1
    const second = lineOf('{', lineOf('"sources"'))
    expect(read(text).result).toBeUndefined()
    expect(read(text).problems).toEqual([
      `${lineOf('"status"')}:17 Unexpected value "ok" for \`marks[0].status\`, expected "verified", "queried"`,
      `${lineOf('"line"')}:15 Unexpected value for \`marks[0].line\`: Too small: expected number to be >0`,
      `${lineOf('"fingerprint"', second)}:22 Unexpected value \`XYZ\` for \`marks[1].fingerprint\`, expected 16 hexadecimal digits, as the audit page writes them`,
      `${lineOf('"extra"')}:7 Unexpected key \`extra\` in \`marks[1]\``
    ])
  })

  test('refuses a file of another kind, or another version, at its place', () => {
    expect(read(pretty({...review, version: 2})).problems).toEqual(['3:14 Unexpected value 2 for `version`, expected 1'])
    expect(read('[]\n').problems).toEqual(['1:1 Unexpected list for the review file, expected a map'])
  })

  test('refuses two marks for one figure, at the second', () => {
    const text = pretty({...review, marks: [mark, {...mark, status: 'queried'}]})
    const second = text.lastIndexOf('"fingerprint"')
    const line = text.slice(0, second).split('\n').length
    expect(read(text).problems).toEqual([`${line}:22 Unexpected value for \`marks[1].fingerprint\`: the figure of \`marks[0]\` again, expected one mark per figure`])
  })

  test('refuses a key given twice, which JSON.parse alone would let through', () => {
    const text = pretty(review).replace('"version": 1,', '"version": 1,\n  "version": 1,')
    const {result, problems} = read(text)
    expect(result).toBeUndefined()
    expect(problems).toEqual(['4:3 Unexpected duplicate key `version`, expected each key once (first at line 3, column 3)'])
  })
})
