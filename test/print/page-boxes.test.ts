import {PDFArray, PDFDocument, PDFName, PDFNumber, type PDFPage} from 'pdf-lib'
import {describe, expect, test} from 'vitest'
import {markOperators, setPrintBoxes} from '../../src/print/page-boxes.js'

/** The boxes a printer reads (print/page-boxes.ts), on pages made here at the sizes Chromium prints. */
const mm = 72 / 25.4
const a5: [number, number] = [148 * mm, 210 * mm]

function boxOf(page: PDFPage, name: string): number[] {
  return (page.node.get(PDFName.of(name)) as PDFArray).asArray().map((value) => Math.round((value as PDFNumber).asNumber() * 10) / 10)
}

async function pageAt(size: [number, number], bleed: number, marks = false): Promise<PDFPage> {
  const document = await PDFDocument.create()
  const page = document.addPage(size)
  setPrintBoxes(document, {trim: a5, bleed, crop: marks, registration: false})
  return page
}

describe('print boxes', () => {
  test('the trim asked, centred in a sheet Chromium rounded to whole CSS pixels', async () => {
    // A5 + 3 mm of bleed on each side, rounded up to 438 and 612 points.
    const page = await pageAt([438, 612], 3 * mm)
    const [x0, y0, x1, y1] = boxOf(page, 'TrimBox')
    expect(x1! - x0!).toBeCloseTo(a5[0], 0)
    expect(y1! - y0!).toBeCloseTo(a5[1], 0)
    expect(boxOf(page, 'BleedBox')).toEqual([0, 0, 438, 612])
  })

  test('a page size the theme set in its CSS (200 mm square where print.size says A5): the boxes are the page', async () => {
    const side = Math.round(200 * mm * 100) / 100
    const page = await pageAt([side, side], 0)
    expect(boxOf(page, 'TrimBox')).toEqual([0, 0, Math.round(side * 10) / 10, Math.round(side * 10) / 10])
    expect(boxOf(page, 'TrimBox')).toEqual(boxOf(page, 'BleedBox'))
  })

  test('that page with bleed and marks: the trim is the sheet less its bleed, the marks at its corners', async () => {
    const bleed = 3 * mm
    const side = 200 * mm + 2 * bleed
    const page = await pageAt([side, side], bleed, true)
    const [x0, y0, x1, y1] = boxOf(page, 'TrimBox')
    expect([x0, y0]).toEqual([Math.round(bleed * 10) / 10, Math.round(bleed * 10) / 10])
    expect(x1! - x0!).toBeCloseTo(200 * mm, 0)
    expect(y1! - y0!).toBeCloseTo(200 * mm, 0)
  })

  test('without bleed, the three boxes are the sheet exactly (A4 as Chromium rounds it)', async () => {
    const document = await PDFDocument.create()
    const page = document.addPage([594.96, 841.92])
    setPrintBoxes(document, {trim: [210 * mm, 297 * mm], bleed: 0, crop: false, registration: false})
    expect(boxOf(page, 'TrimBox')).toEqual([0, 0, 595, 841.9])
    expect(boxOf(page, 'TrimBox')).toEqual(boxOf(page, 'BleedBox'))
  })

  test('crop marks start 1 mm off the bleed (the sheet’s edge) and are 5 mm long; registration targets stay inside the slug', () => {
    const bleed = 3 * mm
    const [width, height] = [a5[0] + 2 * bleed, a5[1] + 2 * bleed]
    const lines = markOperators({width, height, trim: [bleed, bleed, width - bleed, height - bleed], crop: true, registration: true})
      .split('\n')
      .filter((line) => line.endsWith(' l S'))
      .map((line) => line.split(' ').slice(0, 5).filter((_, index) => index !== 2).map(Number))
    const first = lines[0]!
    expect(first[0]).toBeCloseTo(bleed, 1)
    expect(first[1]).toBeCloseTo(-1 * mm, 1)
    expect(first[3]).toBeCloseTo(-6 * mm, 1)
    const slug = 9 * mm
    for (const [x0, y0, x1, y1] of lines) for (const [x, y] of [[x0, y0], [x1, y1]]) {
      expect(x!).toBeGreaterThanOrEqual(-slug)
      expect(y!).toBeGreaterThanOrEqual(-slug)
      expect(x!).toBeLessThanOrEqual(width + slug)
      expect(y!).toBeLessThanOrEqual(height + slug)
    }
  })
})
