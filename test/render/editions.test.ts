import path from 'node:path'
import {beforeAll, describe, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition, type RenderedEdition} from '../../src/render/edition.js'
import type {ReportModel} from '../../src/model/types.js'

/** Both editions come from one model: recommendation numbers and key figures cannot drift. */
const dir = path.join(import.meta.dirname, '../../report')
const pageOf = {full: 'rapport.html', synthesis: 'synthese.html'}
let model: ReportModel
let full: string
let synthesis: string
let fullEdition: RenderedEdition

beforeAll(async () => {
  const result = await check(dir)
  if (!result.ok) throw new Error('sample does not load')
  model = result.model
  fullEdition = await renderEdition(model, 'full', {mode: 'web', pageOf})
  full = fullEdition.main.map((node) => toHtml(node)).join('\n')
  synthesis = (await renderEdition(model, 'synthesis', {mode: 'web', pageOf})).main.map((node) => toHtml(node)).join('\n')
})

const numbers = (html: string) => [...html.matchAll(/class="rp-recommendation__number"[^>]*>R(\d+)</g)].map((match) => Number(match[1]))
const values = (html: string) => [...html.matchAll(/class="rp-stat__value">([^<]+)</g)].map((match) => match[1])

describe('editions', () => {
  test('recommendations carry the same numbers and titles in the report and the synthesis', () => {
    expect(numbers(full)).toEqual(model.recommendations.map((item) => item.number))
    expect(numbers(synthesis)).toEqual(model.recommendations.map((item) => item.number))
    for (const item of model.recommendations) {
      expect(synthesis).toContain(`href="rapport.html#${item.id}"`)
      expect(full).toContain(`id="${item.id}"`)
    }
  })

  test('a recommendation’s number is read once: its badge, which repeats it, is hidden from assistive technology, on the web and in print', async () => {
    const print = (await renderEdition(model, 'full', {mode: 'print', pageOf})).main.map((node) => toHtml(node)).join('\n')
    for (const html of [full, print]) {
      const labels = [...html.matchAll(/<p class="rp-recommendation__label">(.*?)<\/p>/g)].map((match) => match[1])
      expect(labels.length).toBe(model.recommendations.length)
      for (const label of labels) expect(label).toMatch(/^<span class="rp-recommendation__number" aria-hidden="true">R(\d+)<\/span> Recommandation \1 · /u)
    }
  })

  test('the synthesis shows every key figure, with the value and source the report gives', () => {
    const keyValues = model.stats.filter((stat) => stat.key).map((stat) => stat.value)
    expect(values(synthesis)).toEqual(keyValues)
    for (const value of keyValues) expect(values(full)).toContain(value)
  })

  test('citations become numbered notes with back-links to their call (web)', () => {
    expect(fullEdition.notes.length).toBeGreaterThan(10)
    expect(full).toContain('role="doc-endnotes"')
    for (const note of fullEdition.notes) {
      expect(full).toContain(`id="note-call-${note.number}"`)
      expect(full).toContain(`href="#note-call-${note.number}"`)
    }
  })

  test('the endnotes are a part of their own after the bibliography, titled at the chapters\' level: not under the last chapter or the bibliography in the outline', () => {
    const last = fullEdition.main.at(-1)!
    const html = toHtml(last)
    expect(html).toMatch(/^<section class="rp-chapter rp-back-matter rp-notes" role="doc-endnotes" aria-labelledby="notes-title"><h1 class="rp-chapter__title" id="notes-title">Notes<\/h1><ol><li id="note-1">/u)
    expect(fullEdition.main.at(-2)?.properties.id).toBe('bibliographie')
    // Headings in reading order: the notes' is an h1 after the bibliography's, as each chapter's is.
    const headings = [...full.matchAll(/<h([1-6])[^>]*>([^<]*)/gu)].map((match) => `${match[1]} ${match[2]}`)
    expect(headings.slice(-2)).toEqual(['1 Bibliographie', '1 Notes'])
    expect(synthesis).toMatch(/<section class="rp-chapter rp-back-matter rp-notes" role="doc-endnotes" aria-labelledby="notes-title"><h1 class="rp-chapter__title" id="notes-title">Notes<\/h1>/u)
  })

  test('the bibliography lists each cited source once, formatted by the CSL style', () => {
    const entries = [...full.matchAll(/<li id="source-([^"]+)"/g)].map((match) => match[1])
    expect(new Set(entries).size).toBe(entries.length)
    expect(entries.length).toBe(model.sources.length)
  })

  test(':ref renders the localised recommendation number, :term links the glossary', () => {
    expect(full).toMatch(/class="rp-ref"[^>]*>recommandation \d+</)
    expect(full).toMatch(/<a class="rp-term" href="#term-[^"]+">/)
    expect(full).toMatch(/<dt id="term-sextorsion">/)
  })
})

describe('tables of contents', () => {
  test('an edition of three chapters or more has one, a shorter one none', async () => {
    expect(fullEdition.toc).toBeDefined()
    expect((await renderEdition(model, 'synthesis', {mode: 'print', pageOf})).toc).toBeUndefined()
  })

  test('`editions.<name>.toc` forces it either way', async () => {
    const forced = structuredClone(model.config)
    forced.editions.synthesis!.toc = true
    forced.editions.full.toc = false
    const withConfig = {...model, config: forced}
    const synthesisToc = (await renderEdition(withConfig, 'synthesis', {mode: 'print', pageOf})).toc
    expect(synthesisToc && toHtml(synthesisToc)).toContain('rp-toc__link')
    expect((await renderEdition(withConfig, 'full', {mode: 'print', pageOf})).toc).toBeUndefined()
  })
})
