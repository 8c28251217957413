import type {ElementContent} from 'hast'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {markdownToCslRichText} from '../../src/model/registry/csl-rich-text.js'
import {pandocDate} from '../../src/model/registry/csl-yaml-dates.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Pandoc's CSL YAML as Better BibTeX exports it: dates as lists of maps, Markdown in titles. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const config = `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\nsources: refs.yaml\ncheck: {sources: {maxAgeYears: 200}}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`

describe('dates as Pandoc reads them', () => {
  test('a list of maps is a date or a range; one map a date with its circa; a year alone its text', () => {
    expect(pandocDate([{year: 2022, month: 9}])).toEqual({'date-parts': [[2022, 9]]})
    expect(pandocDate([{year: 2022, month: 9, day: 1}, {year: 2023}])).toEqual({'date-parts': [[2022, 9, 1], [2023, 0, 0]]})
    expect(pandocDate([{year: '2021', season: 1}])).toEqual({'date-parts': [[2021]], season: 1})
    expect(pandocDate([{year: 1890, circa: true}])).toEqual({'date-parts': [[1890]], circa: true})
    expect(pandocDate({year: 1890, circa: true})).toEqual({'date-parts': [[1890]], circa: true})
    expect(pandocDate(2020)).toBe('2020')
  })

  test('what is no date of Pandoc is left for the schema to report', () => {
    expect(pandocDate([{year: 'vers 1890'}])).toEqual([{year: 'vers 1890'}])
    expect(pandocDate([{month: 9}])).toEqual([{month: 9}])
    expect(pandocDate({'date-parts': [[2020]]})).toEqual({'date-parts': [[2020]]})
  })
})

describe('Markdown in text, as CSL rich text', () => {
  test('emphasis, strong, sub- and superscripts, code, small caps and nocase spans', () => {
    expect(markdownToCslRichText('Le logement en *outre-mer* et les **quartiers**')).toBe('Le logement en <i>outre-mer</i> et les <b>quartiers</b>')
    expect(markdownToCslRichText('H~2~O au 19^e^ siècle, `x`')).toBe('H<sub>2</sub>O au 19<sup>e</sup> siècle, x')
    expect(markdownToCslRichText('[Petites]{.smallcaps} [iPhone]{.nocase} [autre]{.x}')).toBe('<span style="font-variant:small-caps;">Petites</span> <span class="nocase">iPhone</span> autre')
  })

  test('a string is a run of inlines: no list, heading or code block; escapes and plain text as written', () => {
    expect(markdownToCslRichText('1. Le premier rapport')).toBe('1. Le premier rapport')
    expect(markdownToCslRichText('# 3 : le chiffre')).toBe('# 3 : le chiffre')
    expect(markdownToCslRichText('Un \\*astérisque\\* et a_b_c')).toBe('Un *astérisque* et a_b_c')
    expect(markdownToCslRichText('Titre sans balisage')).toBe('Titre sans balisage')
  })
})

test("Better BibTeX's CSL YAML: its dates are read, its Markdown printed as emphasis; a URL's underscores are left alone", async () => {
  const yaml = `---
references:
  - id: logement2022
    type: report
    title: Le logement en *outre-mer*
    author:
      - literal: Fondation
    issued:
      - year: 2022
        month: 9
    accessed:
      - year: 2024
        month: 1
        day: 15
    URL: https://example.org/le_logement_2022
...
`
  const dir = await writeProject({'rapporteur.yaml': config, 'refs.yaml': yaml, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nUn constat [@logement2022] sur la :term[sextorsion].\n'})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const findings = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId}: ${message.reason}`))
  expect(findings).toEqual([])
  const source = result.model.sources[0]!.value
  expect([source.date, source.accessed, source.csl.title, source.csl.URL]).toEqual(['2022-09', '2024-01-15', 'Le logement en <i>outre-mer</i>', 'https://example.org/le_logement_2022'])
  const rendered = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  // The title of a report is in italics: citeproc-js sets the emphasis within it upright, as styles do.
  const marked: string[] = []
  const visit = (nodes: readonly ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (node.tagName === 'span' && node.properties.style === 'font-style:normal;') marked.push(node.children.map((child) => (child.type === 'text' ? child.value : '')).join(''))
      visit(node.children)
    }
  }
  visit(rendered.main)
  expect(marked).toEqual(['outre-mer', 'outre-mer'])
  expect(JSON.stringify(rendered.main)).not.toContain('*outre-mer*')
})
