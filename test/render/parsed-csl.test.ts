import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import citeproc from 'citeproc'
import {afterAll, describe, expect, test} from 'vitest'
import {defaultStylesRoot} from '../../src/load/citation-style.js'
import {cslInput, cslLocales, parseCslXml, parsedCslName, writeParsedCsl} from '../../src/render/citations/parsed-xml.js'

/**
 * rapporteur's styles and citation-js's locales parsed when rapporteur is built (dist/csl/):
 * citeproc-js must format from the kept trees exactly what it formats from the XML, and a tree is
 * only used for the very text it was parsed from.
 */
const folder = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-parsed-csl-'))
afterAll(() => rmSync(folder, {recursive: true, force: true}))
const written = writeParsedCsl(folder)

interface Engine {
  updateItems(ids: string[]): void
  rebuildProcessorState(citations: unknown[], format: 'html'): Array<[string, number, string]>
  makeBibliography(): [unknown, string[]]
  opt: {development_extensions: {wrap_url_and_doi: boolean}}
}
const CSL = citeproc as {Engine: new (sys: object, style: string | object, lang: string, force: boolean) => Engine}

const items = new Map<string, object>([
  ['rapport', {id: 'rapport', type: 'report', title: 'Rapport annuel : les mineurs en ligne', author: [{literal: 'Office mineurs'}], issued: {'date-parts': [[2023]]}, URL: 'https://example.org/rapport'}],
  ['article', {id: 'article', type: 'article-journal', title: 'Une étude', author: [{family: 'Dupont', given: 'Jean'}, {family: 'de Lacroix', given: 'Anne'}], issued: {'date-parts': [[2020, 3]]}, 'container-title': 'Revue', volume: '12', page: '33-45', DOI: '10.1000/xyz'}],
  ['loi', {id: 'loi', type: 'legislation', title: 'Loi n° 2024-449', issued: {'date-parts': [[2024, 5, 21]]}}]
])
const citations = [
  {citationID: 'a', citationItems: [{id: 'rapport', locator: '12', label: 'page'}], properties: {noteIndex: 1}},
  {citationID: 'b', citationItems: [{id: 'rapport', locator: '14', label: 'page'}, {id: 'article'}], properties: {noteIndex: 2}},
  {citationID: 'c', citationItems: [{id: 'loi'}], properties: {noteIndex: 3}},
  {citationID: 'd', citationItems: [{id: 'article', locator: '35'}], properties: {noteIndex: 4}}
]

/** Citations and bibliography of `style` in `lang`, the style and locales handed over by `input`. */
function formatted(xml: string, lang: string, input: (xml: string) => string | object): unknown {
  const sys = {retrieveLocale: (name: string) => input(cslLocales[name] ?? cslLocales['en-US']!), retrieveItem: (id: string) => items.get(id)}
  const engine = new CSL.Engine(sys, input(xml), lang, true)
  engine.opt.development_extensions.wrap_url_and_doi = true
  engine.updateItems([...items.keys()])
  return {citations: engine.rebuildProcessorState(citations, 'html'), bibliography: engine.makeBibliography()[1]}
}

const styles = readdirSync(defaultStylesRoot).filter((name) => name.endsWith('.csl'))

describe('a style and its locales parsed ahead format as from their XML', () => {
  test.each(styles.flatMap((name) => ['fr-FR', 'en-US', 'de-DE'].map((lang) => [name, lang])))('%s in %s', (name, lang) => {
    const xml = readFileSync(path.join(defaultStylesRoot, name), 'utf8')
    const fromTrees = formatted(xml, lang, (text) => cslInput(text, folder))
    expect(fromTrees).toEqual(formatted(xml, lang, (text) => text))
    expect(JSON.stringify(fromTrees)).toMatch(/<i>|«|“/u)
  })
})

describe('the trees kept', () => {
  test("one for each of rapporteur's styles and each locale of citation-js's", () => {
    expect(written.sort()).toEqual([...styles.map((name) => readFileSync(path.join(defaultStylesRoot, name), 'utf8')), ...Object.values(cslLocales)].map(parsedCslName).sort())
    expect(readdirSync(folder)).toHaveLength(styles.length + Object.keys(cslLocales).length)
  })

  test('a kept text comes as its tree, a fresh copy each time (citeproc-js changes the tree it is given)', () => {
    const xml = readFileSync(path.join(defaultStylesRoot, styles[0]!), 'utf8')
    const tree = cslInput(xml, folder)
    expect(tree).toEqual(parseCslXml(xml))
    expect(cslInput(xml, folder)).not.toBe(tree)
  })

  test('any other text comes as it is: an edited style, a style of a project, no folder', () => {
    const xml = readFileSync(path.join(defaultStylesRoot, styles[0]!), 'utf8')
    const edited = xml.replace('</style>', '<!-- edited --></style>')
    expect(cslInput(edited, folder)).toBe(edited)
    expect(cslInput(xml, path.join(folder, 'none'))).toBe(xml)
    // A tree kept under another text's name is never found for this one.
    writeFileSync(path.join(folder, parsedCslName(edited).replace(/^./u, 'x')), '{}')
    expect(cslInput(edited, folder)).toBe(edited)
  })

  test('a kept tree that cannot be read (cut short, not a tree) leaves the text, and the citations formatted as from it', () => {
    const broken = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-parsed-csl-broken-'))
    try {
      const xml = readFileSync(path.join(defaultStylesRoot, styles[0]!), 'utf8')
      writeFileSync(path.join(broken, parsedCslName(xml)), readFileSync(path.join(folder, parsedCslName(xml)), 'utf8').slice(0, 500))
      expect(cslInput(xml, broken)).toBe(xml)
      writeFileSync(path.join(broken, parsedCslName(xml)), '"a string"')
      expect(cslInput(xml, broken)).toBe(xml)
      expect(formatted(xml, 'fr-FR', (text) => cslInput(text, broken))).toEqual(formatted(xml, 'fr-FR', (text) => text))
    } finally {
      rmSync(broken, {recursive: true, force: true})
    }
  })
})
