import {describe, expect, test} from 'vitest'
import {splitLocator} from '../../src/parse/citation/index.js'

describe('splitLocator', () => {
  test.each([
    // Labels, French and English, any case.
    [', p. 16', 'p. 16', ''],
    [', pp. 33-35', 'pp. 33-35', ''],
    [', page 3', 'page 3', ''],
    [', pages 3-4', 'pages 3-4', ''],
    [', chap. 3', 'chap. 3', ''],
    [', chapitre 3', 'chapitre 3', ''],
    [', Chapter 12', 'Chapter 12', ''],
    [', ch. 2', 'ch. 2', ''],
    [', sec. 4', 'sec. 4', ''],
    [', section 2', 'section 2', ''],
    [', § 4', '§ 4', ''],
    [', §4', '§4', ''],
    [', art. 12', 'art. 12', ''],
    [', article 3', 'article 3', ''],
    [', fig. 2', 'fig. 2', ''],
    [', figure 3', 'figure 3', ''],
    [', vol. II', 'vol. II', ''],
    [', volume 2', 'volume 2', ''],
    [', n° 12', 'n° 12', ''],
    [', no. 5', 'no. 5', ''],
    [', t. 2', 't. 2', ''],
    [', tome III', 'tome III', ''],
    [', para. 4', 'para. 4', ''],
    [', al. 2', 'al. 2', ''],
    [', l. 12', 'l. 12', ''],
    [', ll. 3-5', 'll. 3-5', ''],
    [', annexe 2', 'annexe 2', ''],
    [', appendix 1', 'appendix 1', ''],
    [', P. 16', 'P. 16', ''],
    [', p.16', 'p.16', ''],
    // Numbers and ranges.
    [', 16', '16', ''],
    [', 16-18', '16-18', ''],
    [', p. 16–17', 'p. 16–17', ''],
    [', chap. iv', 'chap. iv', ''],
    [', p. 16a', 'p. 16a', ''],
    // Suffixes.
    [', pp. 33-35 and passim', 'pp. 33-35', 'and passim'],
    [', p. 16, emphasis added', 'p. 16', 'emphasis added'],
    [' p. 3', 'p. 3', ''],
    [', p. 16.', 'p. 16', '.'],
    [', and passim', '', 'and passim'],
    ['.', '', '.'],
    ['', '', ''],
    [',\n  p. 3,\n  trad.\n  fr.', 'p. 3', 'trad. fr.'],
    // Not locators.
    [', page cited', '', 'page cited'],
    [', p. 16th', '', 'p. 16th'],
    [', pagination', '', 'pagination'],
    [', pages3', '', 'pages3']
  ])('%j', (raw, locator, suffix) => {
    expect(splitLocator(raw)).toEqual({locator, suffix})
  })
})
