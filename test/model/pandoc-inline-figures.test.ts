import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import type {ReportModel} from '../../src/model/types.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Inline notes, sub- and superscripts and definition lists, as the model collects them and the figure detector reads them. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function modelOf(body: string): Promise<ReportModel> {
  const dir = await writeProject({'chapters/intro.md': `# Intro\n\n${body}\n\n:term[sextorsion] [@enquete-2024]\n`})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  return result.model
}

/** The figures of the body, as `text status keys line:column`. */
async function figures(body: string): Promise<string[]> {
  const model = await modelOf(body)
  return model.figures.map((figure) => `${figure.text} ${figure.status} [${figure.keys.join(',')}] ${figure.position.start.line}:${figure.position.start.column}`)
}

describe('inline notes: the call covers its sentence like a footnote call', () => {
  test('a citation in the note covers the figure of the sentence it is called in', async () => {
    expect(await figures('Près de 40 % des affaires ont abouti.^[Voir [@enquete-2024, p. 16].]')).toEqual(['40 % cited [enquete-2024] 3:9'])
  })

  test('a note without a citation covers nothing', async () => {
    expect(await figures('Près de 40 % des affaires ont abouti.^[Estimation interne.]')).toEqual(['40 % uncited [] 3:9'])
  })

  test('an in-text citation in the note covers too', async () => {
    expect(await figures('Près de 40 % des affaires ont abouti^[Selon @enquete-2024.] cette année.')).toEqual(['40 % cited [enquete-2024] 3:9'])
  })

  test('only the sentence it is called in', async () => {
    expect(await figures('Près de 40 % des affaires ont abouti. Les 2 500 autres non.^[Voir [@enquete-2024].]')).toEqual(['40 % uncited [] 3:9', '2 500 cited [enquete-2024] 3:43'])
  })
})

describe('inline notes: their text is prose of its own, like a footnote’s', () => {
  test('a figure in a note needs a source in the note, at its own place in the file', async () => {
    expect(await figures('Un constat.^[Sur 2 500 dossiers, 40 % ont abouti.]')).toEqual(['2 500 uncited [] 3:18', '40 % uncited [] 3:34'])
    expect(await figures('Un constat.^[Sur 2 500 dossiers, 40 % ont abouti [@enquete-2024].]')).toEqual(['2 500 cited [enquete-2024] 3:18', '40 % cited [enquete-2024] 3:34'])
  })

  test('a citation of the sentence around the call does not cover the note', async () => {
    expect(await figures('Un constat [@enquete-2024].^[Dont 40 % en 2023.]')).toEqual(['40 % uncited [] 3:35'])
  })

  test('citations, terms and cross-references in a note are collected', async () => {
    const model = await modelOf('Un constat.^[Voir :term[sextorsion], :ref[#intro] et [@enquete-2024, p. 3].]')
    expect(model.citations.filter((use) => use.position.start.line === 3).map((use) => `${use.key} ${use.locator} ${use.position.start.column}`)).toEqual(['enquete-2024 p. 3 55'])
    expect(model.terms.filter((use) => use.position.start.line === 3).map((use) => `${use.label} ${use.position.start.column}`)).toEqual(['sextorsion 19'])
    expect(model.refs.map((use) => use.target)).toEqual(['intro'])
  })
})

describe('sub- and superscripts are no figures of their own', () => {
  test('a chemical formula holds none', async () => {
    expect(await figures('Les émissions de CO~2~ et l’eau H~2~O.')).toEqual([])
  })

  test('`10^6^`: the base is read, the exponent is not a number, the value is not checked', async () => {
    const model = await modelOf('On compte 10^6^ signalements par an.')
    expect(model.figures.map((figure) => `${figure.text} ${figure.status} ${figure.position.start.column}`)).toEqual(['10 uncited 11'])
    expect(model.figures[0]!.value).toBeUndefined()
  })

  test('an ordinal ending in superscript reads as the ordinal', async () => {
    expect(await figures('Le 1^er^ janvier, au XIX^e^ siècle, la 2^e^ édition, le 3^e^ trimestre.')).toEqual([])
  })
})

describe('definition lists are prose', () => {
  test('a term and its definitions are each scanned, each with its own sources', async () => {
    expect(await figures('Signalements en hausse de 40 %\n: Soit 2 500 dossiers.\n: Dont 300 classés [@enquete-2024].')).toEqual([
      '40 % uncited [] 3:27',
      '2 500 uncited [] 4:8',
      '300 cited [enquete-2024] 5:8'
    ])
  })

  test('citations and terms in a term are collected', async () => {
    const model = await modelOf('La :term[sextorsion] [@enquete-2024]\n: Un chantage.')
    expect(model.citations.filter((use) => use.position.start.line === 3)).toHaveLength(1)
    expect(model.terms.filter((use) => use.position.start.line === 3)).toHaveLength(1)
  })
})

describe('titles and labels leave inline notes out', () => {
  test('a chapter title, a recommendation title and a stat text', async () => {
    const dir = await writeProject({
      'chapters/intro.md':
        '# Introduction^[Ce chapitre reprend le rapport de 2023.]\n\n:::recommendation{#rec-a axis=prevention}\n### Former les enseignants^[Voir l’annexe.]\n:::\n\n:::stat{#stat-a value="40 %" source=enquete-2024}\ndes affaires^[Hors classements.] ont abouti\n:::\n\n:term[sextorsion] [@enquete-2024]\n'
    })
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    expect(result.model.documents[0]!.title).toBe('Introduction')
    expect(result.model.recommendations[0]!.title).toBe('Former les enseignants')
    expect(result.model.stats[0]!.text).toBe('des affaires ont abouti')
  })
})

describe('the sentence a figure is quoted in (the audit page, `export figures`)', () => {
  test('shows what the reader sees of subscripts, superscripts, links, code and maths; not citations and notes', async () => {
    const model = await modelOf('Depuis le 1^er^ janvier, 12 % des salles dépassent 1 000 ppm de CO~2~ selon [le guide](https://example.org), `CO2` et $x^2$, soit 10^6^ mesures [@enquete-2024, p. 3].^[Une note.]')
    const figure = model.figures.find((found) => found.text === '12 %')!
    expect(figure.sentence).toBe('Depuis le 1er janvier, 12 % des salles dépassent 1 000 ppm de CO₂ selon le guide, CO2 et x^2, soit 10⁶ mesures.')
    // A review's fingerprint reads the sentence as it was quoted before: marks made then still hold.
    expect(figure.sentenceKey).toBe('Depuis le 1er janvier, 12 % des salles dépassent 1 000 ppm de CO selon, et, soit 10 mesures.')
  })
})

describe('spans are prose', () => {
  test('a figure in a span is a figure, and the span’s words stay in the sentence quoted', async () => {
    expect(await figures('Dans les [communes rurales, 18 %]{.rural} des enfants lisent.')).toEqual(['18 % uncited [] 3:29'])
    const model = await modelOf('Dans les [communes rurales]{.rural}, 18 % des enfants lisent [@enquete-2024].')
    expect(model.figures.map((figure) => figure.sentence)).toEqual(['Dans les communes rurales, 18 % des enfants lisent.'])
  })

  test('an in-text citation stays in the sentence as written, where it left a hole (user trial: `According to, 12%`)', async () => {
    const model = await modelOf('According to @enquete-2024, 12 % of people moved, and @enquete-2024 [p. 3] counts 40 % more [@enquete-2024].')
    const figure = model.figures.find((found) => found.text === '12 %')!
    expect(figure.sentence).toBe('According to @enquete-2024, 12 % of people moved, and @enquete-2024 [p. 3] counts 40 % more.')
    // The fingerprint of a review's mark reads the sentence as it was quoted before.
    expect(figure.sentenceKey).toBe('According to, 12 % of people moved, and counts 40 % more.')
  })

  test('a cross-reference stays in the sentence as written, `@tbl-x` and `:ref[#x]`, where it left a hole', async () => {
    const model = await modelOf('Près de 37 % l’ont fait [@enquete-2024] (voir le @tbl-x et :ref[#sec-y]).')
    expect(model.figures.map((figure) => figure.sentence)).toEqual(['Près de 37 % l’ont fait (voir le @tbl-x et :ref[#sec-y]).'])
  })
})

describe('a source line between two tables', () => {
  test('is the first table\'s: the second table\'s figures still need theirs', async () => {
    expect(await figures('| Région | Part |\n| --- | --- |\n| Nord | 52 % |\n\nSource : [@enquete-2024].\n\n| Région | Part |\n| --- | --- |\n| Sud | 61 % |')).toEqual(['52 % cited [enquete-2024] 5:10', '61 % uncited [] 11:9'])
  })
})

describe('a source line after a table (user trial: development examples)', () => {
  test('covers the table when it starts `Notes:` or `Base:`, as `Note:`, `Source:`, `Sources:` and `Data:` do', async () => {
    const table = '| Region | Rate |\n| --- | --- |\n| North | 52 % |\n\n'
    for (const line of ['Notes: rates are after housing costs [@enquete-2024].', 'Base: all adults. Source: [@enquete-2024].', 'Note: rates after housing costs [@enquete-2024].', 'Sources: [@enquete-2024].', 'Data: [@enquete-2024].']) {
      expect(await figures(`${table}${line}`), line).toEqual(['52 % cited [enquete-2024] 5:11'])
    }
  })

  test('not when it starts with another word beginning the same way (`Based on`), or `Base` without its colon', async () => {
    expect(await figures('| Region | Rate |\n| --- | --- |\n| North | 52 % |\n\nBased on what [@enquete-2024] says.')).toEqual(['52 % uncited [] 5:11'])
    expect(await figures('| Region | Rate |\n| --- | --- |\n| North | 52 % |\n\nBase rates rose [@enquete-2024].')).toEqual(['52 % uncited [] 5:11'])
  })
})

describe('a minus typed as a hyphen', () => {
  test('is part of the figure: `-3 %`, `(-12 000)`; not in `2020-2024` or `Covid-19`', async () => {
    expect(await figures('La lecture a varié de -3 % en un an (-12 000 abonnés) entre 2020-2024 avec la Covid-19.')).toEqual(['-3 % uncited [] 3:23', '-12 000 uncited [] 3:38'])
  })
})
