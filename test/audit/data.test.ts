import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {auditData, highlight, isWebUrl} from '../../src/audit/data.js'
import {removeProject, writeProject} from '../helpers/project.js'

describe('highlight', () => {
  test('cuts the sentence around the n-th occurrence of the figure', () => {
    expect(highlight('10 % en 2023, puis 10 % en 2024.', '10 %', 1)).toEqual({before: '10 % en 2023, puis ', figure: '10 %', after: ' en 2024.'})
  })

  test('matches a figure written with no-break spaces in a sentence whose spaces were collapsed', () => {
    expect(highlight('Près de 3 000 cas.', '3\u202F000')?.figure).toBe('3 000')
  })

  test('gives nothing to mark when the figure is not in the sentence', () => {
    expect(highlight('Aucun chiffre ici.', '42')).toBeUndefined()
  })
})

test('only http(s) URLs become links', () => {
  expect([isWebUrl('https://example.org'), isWebUrl('HTTP://example.org'), isWebUrl('javascript:alert(1)'), isWebUrl('file:///etc/passwd'), isWebUrl(undefined)]).toEqual([true, true, false, false, false])
})

test('two equal figures in one sentence each mark their own occurrence, and take the citation after them', async () => {
  const dir = await writeProject({
    'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024, p. 1] sur la :term[sextorsion].\n\nLe taux passe de 10 % en 2023 à 10 % en 2024 [@enquete-2024, p. 7].\n'
  })
  try {
    const result = await check(dir)
    if (!result.ok) throw new Error('the project does not load')
    const rows = auditData(result.model).figures
    expect(rows.map((row) => row.highlight?.before)).toEqual(['Le taux passe de ', 'Le taux passe de 10 % en 2023 à '])
    expect(rows.map((row) => row.refs.map((ref) => ref.locator))).toEqual([['p. 7'], ['p. 7']])
  } finally {
    await removeProject(dir)
  }
})
