import {describe, expect, test} from 'vitest'
import {locatorAndSuffix, locatorLabel, splitLocator} from '../../src/parse/citation/index.js'

describe('splitLocator', () => {
  test.each<[string, string, string | undefined, string, string]>([
    // Terms, French and English, any case: [raw, locator, label, value, suffix].
    [', p. 16', 'p. 16', 'page', '16', ''],
    [', pp. 33-35', 'pp. 33-35', 'page', '33-35', ''],
    [', page 3', 'page 3', 'page', '3', ''],
    [', pages 3-4', 'pages 3-4', 'page', '3-4', ''],
    [', chap. 3', 'chap. 3', 'chapter', '3', ''],
    [', chapitre 3', 'chapitre 3', 'chapter', '3', ''],
    [', Chapter 12', 'Chapter 12', 'chapter', '12', ''],
    [', ch. 2', 'ch. 2', 'chapter', '2', ''],
    [', sec. 4', 'sec. 4', 'section', '4', ''],
    [', section 2', 'section 2', 'section', '2', ''],
    [', § 4', '§ 4', 'section', '4', ''],
    [', §4', '§4', 'section', '4', ''],
    [', §§ 4-6', '§§ 4-6', 'section', '4-6', ''],
    [', art. 12', 'art. 12', 'article-locator', '12', ''],
    [', article 3', 'article 3', 'article-locator', '3', ''],
    [', fig. 2', 'fig. 2', 'figure', '2', ''],
    [', figure 3', 'figure 3', 'figure', '3', ''],
    [', vol. II', 'vol. II', 'volume', 'II', ''],
    [', volume 2', 'volume 2', 'volume', '2', ''],
    [', n° 12', 'n° 12', 'issue', '12', ''],
    [', no. 5', 'no. 5', 'issue', '5', ''],
    [', numéro 5', 'numéro 5', 'issue', '5', ''],
    [', t. 2', 't. 2', 'volume', '2', ''],
    [', tome III', 'tome III', 'volume', 'III', ''],
    [', para. 4', 'para. 4', 'paragraph', '4', ''],
    [', paragraphe 4', 'paragraphe 4', 'paragraph', '4', ''],
    [', al. 2', 'al. 2', 'paragraph', '2', ''],
    [', alinéa 2', 'alinéa 2', 'paragraph', '2', ''],
    [', l. 12', 'l. 12', 'line', '12', ''],
    [', ll. 3-5', 'll. 3-5', 'line', '3-5', ''],
    [', ligne 3', 'ligne 3', 'line', '3', ''],
    [', annexe 2', 'annexe 2', 'appendix', '2', ''],
    [', appendix 1', 'appendix 1', 'appendix', '1', ''],
    [', n. 3', 'n. 3', 'note', '3', ''],
    [', note 3', 'note 3', 'note', '3', ''],
    [', livre II', 'livre II', 'book', 'II', ''],
    [', bk. VI', 'bk. VI', 'book', 'VI', ''],
    [', partie 2', 'partie 2', 'part', '2', ''],
    [', part 2', 'part 2', 'part', '2', ''],
    [', verset 3', 'verset 3', 'verse', '3', ''],
    [', v. 3', 'v. 3', 'verse', '3', ''],
    [', col. 2', 'col. 2', 'column', '2', ''],
    [', colonne 2', 'colonne 2', 'column', '2', ''],
    [', op. 27', 'op. 27', 'opus', '27', ''],
    [', fol. 9', 'fol. 9', 'folio', '9', ''],
    [', folio 9', 'folio 9', 'folio', '9', ''],
    [', s.v. 3', 's.v. 3', 'sub-verbo', '3', ''],
    [', sub verbo 3', 'sub verbo 3', 'sub-verbo', '3', ''],
    [', P. 16', 'P. 16', 'page', '16', ''],
    [', p.16', 'p.16', 'page', '16', ''],
    [', p.\u00a016', 'p. 16', 'page', '16', ''],
    // Numbers, ranges, lists, Roman numerals.
    [', 16', '16', 'page', '16', ''],
    [', 16-18', '16-18', 'page', '16-18', ''],
    [', pp. 93--101', 'pp. 93--101', 'page', '93--101', ''],
    [', p. 16–17', 'p. 16–17', 'page', '16–17', ''],
    [', pp. 3, 5-7', 'pp. 3, 5-7', 'page', '3, 5-7', ''],
    [', 1:12', '1:12', 'page', '1:12', ''],
    [', chap. iv', 'chap. iv', 'chapter', 'iv', ''],
    [', p. xii', 'p. xii', 'page', 'xii', ''],
    [', p. 16a', 'p. 16a', 'page', '16a', ''],
    [', p. 16th', 'p. 16th', 'page', '16th', ''],
    [', 3(a), 4.4.8, \\[7.6\\]', '3(a), 4.4.8, [7.6]', 'page', '3(a), 4.4.8, [7.6]', ''],
    // Numbers in square brackets alone: paragraphs, OSCOLA's pinpoint (Pandoc reads a page, `p. [45]`).
    [', [45]', '[45]', 'paragraph', '45', ''],
    [', \\[28\\], and suffix', '[28]', 'paragraph', '28', ', and suffix'],
    [', [39]-[52]', '[39]-[52]', 'paragraph', '39-52', ''],
    [', [39-52]', '[39-52]', 'paragraph', '39-52', ''],
    [', [12], [15]', '[12], [15]', 'paragraph', '12, 15', ''],
    [', 123(4)[5]6', '123(4)[5]6', 'page', '123(4)[5]6', ''],
    [', p. [89]', 'p. [89]', 'page', '[89]', ''],
    // Braces.
    [', {pp. iv, vi-xi, (xv)-(xvii)} with suffix', 'pp. iv, vi-xi, (xv)-(xvii)', 'page', 'iv, vi-xi, (xv)-(xvii)', 'with suffix'],
    [' {35-89, 102}', '35-89, 102', 'page', '35-89, 102', ''],
    [', { p. 9 }', 'p. 9', 'page', '9', ''],
    [', {no label}', 'no label', 'page', 'no label', ''],
    [', {}, 99 years later', '', undefined, '', '99 years later'],
    [' {} 123-35 numbers are suffix', '', undefined, '', '123-35 numbers are suffix'],
    [' {p. suffix{suffix}suffix', '', undefined, '', '{p. suffix{suffix}suffix'],
    // Suffixes: after a locator, the suffix keeps its punctuation.
    [', pp. 33-35 and passim', 'pp. 33-35', 'page', '33-35', 'and passim'],
    [', p. 16, emphasis added', 'p. 16', 'page', '16', ', emphasis added'],
    [', pp. 33, 35-37, and nowhere else', 'pp. 33, 35-37', 'page', '33, 35-37', ', and nowhere else'],
    [' p. 3', 'p. 3', 'page', '3', ''],
    [', p. 16.', 'p. 16', 'page', '16', '.'],
    [', and passim', '', undefined, '', 'and passim'],
    ['.', '', undefined, '', '.'],
    ['', '', undefined, '', ''],
    [',\n  p. 3,\n  trad.\n  fr.', 'p. 3', 'page', '3', ', trad. fr.'],
    // Not locators.
    [', page cited', '', undefined, '', 'page cited'],
    [', pagination', '', undefined, '', 'pagination'],
    [', xi, entirely suffix', '', undefined, '', 'xi, entirely suffix'],
    [', VIII, 89', '', undefined, '', 'VIII, 89'],
    [', S. 33', '', undefined, '', 'S. 33'],
    [', (13 entirely suffix', '', undefined, '', '(13 entirely suffix'],
    [', p. {(a)}', '', undefined, '', 'p. {(a)}']
  ])('%j', (raw, locator, label, locatorValue, suffix) => {
    expect(splitLocator(raw)).toEqual({locator, label, locatorValue, suffix})
  })
})

describe('locatorAndSuffix', () => {
  test.each([
    [{locator: 'p. 16', suffix: ', nous soulignons'}, 'p. 16, nous soulignons'],
    [{locator: 'pp. 33-35', suffix: 'and passim'}, 'pp. 33-35 and passim'],
    [{locator: 'p. 16', suffix: '.'}, 'p. 16.'],
    [{locator: '', suffix: 'and passim'}, 'and passim'],
    [{locator: 'p. 3', suffix: ''}, 'p. 3']
  ])('%j', (item, expected) => {
    expect(locatorAndSuffix(item)).toBe(expected)
  })
})

test('locatorLabel', () => {
  expect(locatorLabel('PP.')).toBe('page')
  expect(locatorLabel('s.\u00a0v.')).toBe('sub-verbo')
  expect(locatorLabel('passim')).toBeUndefined()
})
