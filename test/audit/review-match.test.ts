import {describe, expect, test} from 'vitest'
import {figureFingerprint, normaliseText, type FingerprintInput} from '../../src/audit/review/fingerprint.js'
import {countReview, matchReview, type ReviewedFigure} from '../../src/audit/review/match.js'
import type {ReviewMark} from '../../src/model/schemas/review.js'

const base: FingerprintInput = {
  file: 'chapters/intro.md',
  sentence: 'En 2024, 40 % des victimes ont porté plainte.',
  figure: '40 %',
  status: 'cited',
  sources: [{key: 'enquete-2024', locator: 'p. 12'}],
  waiverReason: undefined,
  occurrence: 0
}

describe('figureFingerprint', () => {
  test('is 16 hexadecimal digits, the same for the same figure', () => {
    expect(figureFingerprint(base)).toMatch(/^[0-9a-f]{16}$/u)
    expect(figureFingerprint({...base})).toBe(figureFingerprint(base))
  })

  test('does not depend on white space, quotes, Unicode composition or the order of sources', () => {
    const two = [
      {key: 'a', locator: undefined},
      {key: 'b', locator: 'p. 2'}
    ]
    const same = figureFingerprint({...base, sources: two})
    expect(figureFingerprint({...base, sources: [...two].reverse()})).toBe(same)
    expect(figureFingerprint({...base, sentence: 'En 2024,\u00A040\u202F% des victimes\n ont porté plainte.', figure: '40\u202F%'})).toBe(figureFingerprint(base))
    expect(figureFingerprint({...base, sentence: 'L’enquête dit « oui ».'})).toBe(figureFingerprint({...base, sentence: "L'enquête dit \"oui\"."}))
    expect(figureFingerprint({...base, sentence: base.sentence.normalize('NFD')})).toBe(figureFingerprint(base))
  })

  test('changes with anything a reviewer checked: sentence, figure, file, status, source, locator, waiver reason, occurrence', () => {
    const fingerprint = figureFingerprint(base)
    const changes: Array<Partial<FingerprintInput>> = [
      {sentence: 'En 2024, 40 % des victimes ont finalement porté plainte.'},
      {figure: '40'},
      {file: 'chapters/other.md'},
      {status: 'uncited'},
      {sources: [{key: 'autre', locator: 'p. 12'}]},
      {sources: [{key: 'enquete-2024', locator: 'p. 13'}]},
      {sources: []},
      {waiverReason: 'exemple'},
      {occurrence: 1}
    ]
    for (const change of changes) expect(figureFingerprint({...base, ...change}), JSON.stringify(change)).not.toBe(fingerprint)
  })

  test('normaliseText folds spaces and typographic quotes', () => {
    expect(normaliseText('  « un\u00A0 deux »\u2019 ')).toBe('"un deux"\'')
  })
})

const figure = (text: string, sentence: string, line: number, file = 'chapters/intro.md'): ReviewedFigure => ({
  fingerprint: figureFingerprint({...base, file, figure: text, sentence}),
  file,
  line,
  figure: text,
  sentence
})

const markOf = (item: ReviewedFigure, status: ReviewMark['status'], note = ''): ReviewMark => ({
  fingerprint: item.fingerprint,
  status,
  note,
  at: '2026-03-01T10:00:00.000Z',
  figure: item.figure,
  file: item.file,
  line: item.line,
  sentence: item.sentence,
  sources: ['enquete-2024']
})

describe('matchReview', () => {
  const forty = figure('40 %', 'En 2024, 40 % des victimes ont porté plainte.', 5)
  const three = figure('3 000', 'Près de 3 000 cas restent sans suite.', 7)

  test('keeps the mark of a figure whose fingerprint is unchanged, wherever its line went', () => {
    const moved = {...forty, line: 40}
    const {rows, orphans} = matchReview([moved, three], [markOf(forty, 'verified', 'ok'), markOf(three, 'queried', 'année ?')])
    expect(rows.map((row) => [row.state, row.mark?.note])).toEqual([
      ['verified', 'ok'],
      ['queried', 'année ?']
    ])
    expect(orphans).toEqual([])
  })

  test('flags a figure whose sentence changed, with its previous mark', () => {
    const edited = figure('40 %', 'En 2024, 40 % des victimes ont finalement porté plainte.', 5)
    const old = markOf(forty, 'verified', 'vu p. 12')
    const {rows, orphans} = matchReview([edited, three], [old])
    expect(rows[0]).toEqual({state: 'changed', previous: old})
    expect(rows[1]).toEqual({state: 'unreviewed'})
    expect(orphans).toEqual([])
  })

  test('flags a figure whose value changed in an otherwise equal sentence', () => {
    const edited = figure('45 %', 'En 2024, 45 % des victimes ont porté plainte.', 5)
    expect(matchReview([edited], [markOf(forty, 'verified')]).rows[0]!.state).toBe('changed')
  })

  test('flags a figure whose sources changed (same sentence, new fingerprint)', () => {
    const recited = {...forty, fingerprint: figureFingerprint({...base, sources: [{key: 'autre', locator: undefined}]})}
    expect(matchReview([recited], [markOf(forty, 'queried')]).rows[0]!.state).toBe('changed')
  })

  test('pairs two edited figures of one sentence each with its own mark', () => {
    const sentence = 'Le taux passe de 10 % à 12 % en un an.'
    const ten = figure('10 %', sentence, 3)
    const twelve = figure('12 %', sentence, 3)
    const editedSentence = 'Le taux passe de 10 % à 12 % en une seule année.'
    const {rows} = matchReview([figure('10 %', editedSentence, 3), figure('12 %', editedSentence, 3)], [markOf(twelve, 'queried', 'douze'), markOf(ten, 'verified', 'dix')])
    expect(rows.map((row) => [row.state, row.previous?.note])).toEqual([
      ['changed', 'dix'],
      ['changed', 'douze']
    ])
  })

  test('leaves as orphans the marks of figures deleted, rewritten beyond recognition, or moved to another file', () => {
    const rewritten = figure('40 %', 'Quatre plaintes sur dix, soit 40 %, selon une autre source citée plus loin dans ce chapitre.', 5)
    const moved = figure('3 000', three.sentence, 7, 'chapters/other.md')
    const marks = [markOf(forty, 'verified'), markOf(three, 'queried')]
    const {rows, orphans} = matchReview([rewritten, moved], marks)
    expect(rows.map((row) => row.state)).toEqual(['unreviewed', 'unreviewed'])
    expect(orphans).toEqual(marks)
  })

  test('counts each state', () => {
    const edited = figure('40 %', 'En 2024, 40 % des victimes ont finalement porté plainte.', 5)
    const other = figure('25 %', 'Une hausse de 25 % est signalée.', 9)
    const {rows} = matchReview([edited, three, other], [markOf(forty, 'verified'), markOf(three, 'queried')])
    expect(countReview(rows)).toEqual({verified: 0, queried: 1, changed: 1, unreviewed: 1})
  })
})
