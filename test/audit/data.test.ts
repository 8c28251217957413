import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {auditData, highlight, isWebUrl, sourceLinks} from '../../src/audit/data.js'
import {sourceView} from '../../src/model/registry/source-view.js'
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

describe('sourceLinks', () => {
  const source = (fields: Record<string, string>) => sourceView({id: 'a', type: 'article-journal', title: 'T', ...fields}, 'article-journal')

  test('links a DOI to doi.org, however it is written', () => {
    for (const written of ['10.1234/abc.5', 'doi:10.1234/abc.5', 'https://doi.org/10.1234/abc.5', 'http://dx.doi.org/10.1234/abc.5']) {
      expect(sourceLinks(source({DOI: written})), written).toEqual({url: undefined, doi: {id: '10.1234/abc.5', href: 'https://doi.org/10.1234/abc.5'}})
    }
    // Characters that mean something in an address are escaped; the DOI's own slashes are kept.
    expect(sourceLinks(source({DOI: '10.1002/(SICI)1097#x?y'})).doi?.href).toBe('https://doi.org/10.1002/(SICI)1097%23x%3Fy')
  })

  test('keeps a web URL beside the DOI, and reads a doi.org URL as a DOI', () => {
    expect(sourceLinks(source({DOI: '10.1234/abc', URL: 'https://example.org/abc'}))).toEqual({url: 'https://example.org/abc', doi: {id: '10.1234/abc', href: 'https://doi.org/10.1234/abc'}})
    expect(sourceLinks(source({URL: 'https://doi.org/10.1234/abc'}))).toEqual({url: undefined, doi: {id: '10.1234/abc', href: 'https://doi.org/10.1234/abc'}})
  })

  test('links neither what is not a DOI nor what is not a web address', () => {
    expect(sourceLinks(source({DOI: 'pas un DOI', URL: 'javascript:alert(1)'}))).toEqual({url: undefined, doi: undefined})
  })
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
