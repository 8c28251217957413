import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {defaultStylesRoot} from '../../src/load/citation-style.js'
import type {CslItem} from '../../src/model/schemas/csl.js'
import {CitationCollector, type FormattedEdition} from '../../src/render/citations/collector.js'
import {engineFor, formatAllCitations, isNoteStyle, type CiteprocCitation} from '../../src/render/citations/engine.js'
import {seededRandom as random} from '../helpers/random.js'

/**
 * formatAllCitations must give what citeproc-js's own rebuildProcessorState gives (it is there to
 * do it in linear time): same strings, same order, on rapporteur's styles and on real styles from
 * the CSL repository, over long sequences of citations written to exercise every position
 * (first, subsequent, ibid with and without locator, near-note), several cites per citation,
 * citations in the text and in notes, and works that need disambiguating.
 */
const sharedCsl = path.resolve(import.meta.dirname, '../../../shared/csl')
const styles = [
  ...readdirSync(defaultStylesRoot).filter((name) => name.endsWith('.csl')).map((name) => path.join(defaultStylesRoot, name)),
  ...(existsSync(sharedCsl) ? readdirSync(sharedCsl).filter((name) => name.endsWith('.csl')).map((name) => path.join(sharedCsl, name)) : [])
]
if (!existsSync(sharedCsl)) console.warn(`../shared/csl is absent: the CSL repository's styles are skipped, rapporteur's own are compared`)

const items: CslItem[] = [
  {id: 'dupont-2020a', type: 'report', title: 'Premier rapport', author: [{family: 'Dupont', given: 'Marie'}], issued: {'date-parts': [[2020]]}, publisher: 'Observatoire'},
  {id: 'dupont-2020b', type: 'report', title: 'Second rapport', author: [{family: 'Dupont', given: 'Marie'}], issued: {'date-parts': [[2020]]}, publisher: 'Observatoire'},
  {id: 'dupont-j-2020', type: 'article-journal', title: 'Une étude', author: [{family: 'Dupont', given: 'Jean'}], issued: {'date-parts': [[2020]]}, 'container-title': 'Revue', volume: '12', page: '33-45'},
  {id: 'ofmin', type: 'report', title: 'Rapport annuel', author: [{literal: 'Office mineurs'}], issued: {'date-parts': [[2023]]}},
  {id: 'sans-date', type: 'webpage', title: 'Page sans date', author: [{family: 'Martin', given: 'Luc'}], URL: 'https://example.org/page'},
  {id: 'collectif', type: 'book', title: 'Ouvrage collectif', author: [{family: 'A', given: 'B'}, {family: 'C', given: 'D'}, {family: 'E', given: 'F'}, {family: 'G', given: 'H'}], issued: {'date-parts': [[2019, 5]]}, publisher: 'Presses'},
  {id: 'loi', type: 'legislation', title: 'Loi n° 2024-449', issued: {'date-parts': [[2024, 5, 21]]}},
  {id: 'chapitre', type: 'chapter', title: 'Un chapitre', author: [{family: 'Bernard', given: 'Anne'}], editor: [{family: 'Petit', given: 'Paul'}], 'container-title': 'Un livre', issued: {'date-parts': [[2018]]}, page: '101-120'},
  {id: 'article', type: 'article-newspaper', title: 'Un article', author: [{family: 'Leroy', given: 'Sam'}], 'container-title': 'Le Quotidien', issued: {'date-parts': [[2022, 3, 4]]}},
  {id: 'these', type: 'thesis', title: 'Une thèse', author: [{family: 'Moreau', given: 'Eva'}], issued: {'date-parts': [[2021]]}, publisher: 'Université'}
] as CslItem[]
const byId = new Map(items.map((item) => [item.id, item]))

function citationSequence(seed: number, count: number): CiteprocCitation[] {
  const next = random(seed)
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!
  const citations: CiteprocCitation[] = []
  let note = 0
  let previous = items[0]!.id
  for (let index = 0; index < count; index++) {
    const inText = next() < 0.2
    if (!inText && next() < 0.85) note += next() < 0.1 ? 7 : 1
    const size = next() < 0.7 ? 1 : next() < 0.7 ? 2 : 3
    const ids = new Set<string>()
    ids.add(next() < 0.4 ? previous : pick(items).id)
    while (ids.size < size) ids.add(pick(items).id)
    const citationItems = [...ids].map((id) => (next() < 0.5 ? {id, locator: pick(['12', '12', '33-35', '7']), label: 'page'} : {id}))
    previous = citationItems[0]!.id
    citations.push({citationID: `c${index + 1}`, citationItems, properties: {noteIndex: inText ? 0 : note}})
  }
  return citations
}

describe('formatAllCitations gives what rebuildProcessorState gives', () => {
  test.each(styles.map((file) => [path.basename(file), file]))('%s', (name, file) => {
    const style = {xml: readFileSync(file, 'utf8'), name, custom: true}
    for (const seed of [1, 2]) {
      const citations = citationSequence(seed, 120)
      const copy = () => structuredClone(citations)
      const engine = engineFor(style, 'fr', byId)
      const fast = formatAllCitations(engine, copy(), ['these'])
      const fastBibliography = engine.makeBibliography()
      const reference = engine.rebuildProcessorState(copy(), 'html', ['these'])
      const referenceBibliography = engine.makeBibliography()
      expect(fast).toEqual(reference)
      expect(fastBibliography).toEqual(referenceBibliography)
      // A reused engine starts afresh.
      expect(formatAllCitations(engine, copy(), ['these'])).toEqual(reference)
    }
  })

  test('a style with positions is formatted in one call of citeproc-js; one without, one call per citation and one more', () => {
    const calls = (file: string) => {
      const engine = engineFor({xml: readFileSync(path.join(defaultStylesRoot, file), 'utf8'), name: file, custom: false}, 'fr', byId)
      const original = engine.processCitationCluster.bind(engine)
      let count = 0
      engine.processCitationCluster = (...args) => (count++, original(...args))
      try {
        formatAllCitations(engine, citationSequence(4, 50), [])
      } finally {
        engine.processCitationCluster = original
      }
      return {count, positions: engine.opt.update_mode === 2}
    }
    const notes = calls('rapporteur-notes-fr.csl')
    expect(notes).toEqual({count: 1, positions: true})
    const authorDate = calls('rapporteur-author-date-fr.csl')
    expect(authorDate.count).toBe(authorDate.positions ? 1 : 51)
  })

  test('the sequences do exercise positions: ibid and subsequent forms appear in a note style', () => {
    const style = {xml: readFileSync(path.join(defaultStylesRoot, 'rapporteur-notes-fr.csl'), 'utf8'), name: 'notes', custom: false}
    const texts = formatAllCitations(engineFor(style, 'fr', byId), citationSequence(1, 120), []).map(([, , html]) => html)
    expect(texts.some((text) => /^<i>Ibid\.<\/i>/u.test(text))).toBe(true)
    expect(new Set(texts).size).toBeGreaterThan(40)
  })
})

describe('a note style, known without building an engine', () => {
  test.each(styles.map((file) => [path.basename(file), file]))('%s: what citeproc-js reads as its class', (name, file) => {
    const style = {xml: readFileSync(file, 'utf8'), name, custom: true}
    expect(isNoteStyle(style)).toBe(engineFor(style, 'fr', byId).opt.xclass === 'note')
  })

  test('an edition the store holds is filled in without building an engine', () => {
    // citeproc-js cannot build an engine for this (a locale for a root): only a stored edition,
    // formatted when the style still worked, can fill the citations in.
    const broken = {xml: '<locale xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"><citation/></locale>', name: 'citations.csl', custom: true}
    const stored: FormattedEdition = {clusters: ['<i>Ibid.</i>'], authors: [undefined], bibliography: [{id: 'these', html: 'Moreau, <i>Une thèse</i>'}]}
    const collector = new CitationCollector(broken, 'fr', byId, {get: () => stored, set: () => {}})
    expect(collector.noteStyle).toBe(true)
    const {cluster} = collector.add({type: 'citation', items: [{key: 'these', mode: 'normal', prefixChildren: [], suffixChildren: []}]} as never, 1, () => [])
    expect(collector.finish()).toMatchObject([{id: 'these', content: [{type: 'text', value: 'Moreau, '}, {type: 'element', tagName: 'i', children: [{type: 'text', value: 'Une thèse'}]}]}])
    expect(cluster.children).toMatchObject([{type: 'element', tagName: 'i', children: [{type: 'text', value: 'Ibid.'}]}])
    // Without the stored edition the engine is built, and the style's fault is reported then.
    const formatting = new CitationCollector(broken, 'fr', byId)
    formatting.add({type: 'citation', items: [{key: 'these', mode: 'normal', prefixChildren: [], suffixChildren: []}]} as never, 1, () => [])
    let message = ''
    try {
      formatting.finish()
    } catch (error) {
      message = (error as Error).message
    }
    // Said once, not once for the engine and again for the formatting around it.
    expect(message.match(/Cannot format citations with the CSL style `citations.csl`/gu)).toHaveLength(1)
  })
})
