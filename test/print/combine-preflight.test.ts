import {expect, test} from 'vitest'
import {combinePreflights, type PartPreflight} from '../../src/print/combine-preflight.js'
import type {PreflightReport} from '../../src/print/preflight.js'

/**
 * A document printed part by part (src/print/print-parts.ts) has its preflight read in each part's
 * page; put together, the report must read as if taken in the whole document.
 */
const empty: PreflightReport = {pageCount: 0, tocEntries: [], unresolvedRefs: [], overflows: [], footnotes: [], strandedHeadings: [], fonts: [], images: [], brokenImages: [], splitBoxes: [], crampedTables: []}
const part = (report: Partial<PreflightReport>, images: Record<string, number> = {}): PartPreflight => ({report: {...empty, ...report}, images})

test('lists follow each other in the order of the parts, with the whole page count', () => {
  const combined = combinePreflights(
    [
      part({pageCount: 3, tocEntries: [{href: '#a', page: 3}, {href: '#b', page: 5}], footnotes: [{id: '1', callPage: 3, notePage: 3}]}),
      part({pageCount: 4, footnotes: [{id: '2', callPage: 5, notePage: 6}], strandedHeadings: [{text: 'Titre', page: 6}]})
    ],
    7
  )
  expect(combined.pageCount).toBe(7)
  expect(combined.tocEntries).toEqual([{href: '#a', page: 3}, {href: '#b', page: 5}])
  expect(combined.footnotes.map((note) => note.id)).toEqual(['1', '2'])
  expect(combined.strandedHeadings).toEqual([{text: 'Titre', page: 6}])
})

test("an image's showing is counted over the document, not from each part's start", () => {
  const combined = combinePreflights(
    [
      part({images: [{src: 'a.png', nth: 0, dpi: 300, page: 1}, {src: 'a.png', nth: 1, dpi: 300, page: 2}]}, {'a.png': 2, 'b.png': 1}),
      part({images: [{src: 'a.png', nth: 0, dpi: 72, page: 4}], brokenImages: [{src: 'b.png', nth: 0, page: 4}], overflows: [{text: '', page: 5, selector: 'img', image: {src: 'a.png', nth: 1, alt: ''}}]}, {'a.png': 2, 'b.png': 1})
    ],
    5
  )
  expect(combined.images.map((image) => image.nth)).toEqual([0, 1, 2])
  expect(combined.brokenImages).toEqual([{src: 'b.png', nth: 1, page: 4}])
  expect(combined.overflows[0]!.image).toEqual({src: 'a.png', nth: 3, alt: ''})
})

test('a font is reported once, with the worst status any part saw and every face it synthesized', () => {
  const combined = combinePreflights(
    [
      part({fonts: [{family: 'Source Serif 4', status: 'loaded', synthesized: ['700 italic']}, {family: 'Marianne', status: 'loaded'}]}),
      part({fonts: [{family: 'Source Serif 4', status: 'loaded', synthesized: ['700 italic', '900 normal']}, {family: 'Marianne', status: 'failed'}]})
    ],
    2
  )
  expect(combined.fonts).toEqual([
    {family: 'Source Serif 4', status: 'loaded', synthesized: ['700 italic', '900 normal']},
    {family: 'Marianne', status: 'failed'}
  ])
})

test('a reference no part resolves is reported once', () => {
  const combined = combinePreflights([part({unresolvedRefs: ['#gone']}), part({unresolvedRefs: ['#gone', '#lost']})], 2)
  expect(combined.unresolvedRefs).toEqual(['#gone', '#lost'])
})
