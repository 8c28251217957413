import {type PDFArray, type PDFDocument, PDFName, PDFNumber} from 'pdf-lib'

/** What the printer needs: the bleed around the trimmed page, and crop (and registration) marks outside it. */
export interface PrintBoxes {
  /** The page size asked for (`print.size`), in points: the trim. */
  trim: [number, number]
  /** The bleed, in points (0 without). */
  bleed: number
  crop: boolean
  registration: boolean
}

const mm = 72 / 25.4

/** Room for the marks outside the bleed: a 9 mm slug, marks 5 mm long, set 1 mm off the bleed. */
export const slug = 9 * mm
const markLength = 5 * mm
const markGap = 1 * mm

/**
 * Give every page the boxes a printer reads. Chromium prints each page at the trimmed size plus
 * the bleed (Paged.js's `bleed`), with one MediaBox and no other box. Here: TrimBox = the page
 * size asked for, BleedBox = trim + bleed, and, with marks, a MediaBox grown by a slug on every
 * side (the origin moves into negative coordinates, so no content, link or tag moves) with the
 * crop marks drawn there, outside the bleed, as an artifact. Without bleed or marks, TrimBox =
 * BleedBox = MediaBox. A page size set in the theme's CSS wins over `print.size`: the boxes follow
 * the pages as printed.
 */
export function setPrintBoxes(document: PDFDocument, boxes: PrintBoxes): void {
  for (const page of document.getPages()) {
    const {width, height} = page.getMediaBox()
    const b = boxes.bleed
    page.node.set(PDFName.of('BleedBox'), box(document, 0, 0, width, height))
    // The trim as asked, centred: Chromium rounds the sheet to whole CSS pixels (A4 + 6 mm → 612 pt
    // wide). A sheet of another size altogether was set by the theme's own `@page { size }`: the
    // trim is then that page, the sheet less its bleed (not an A5 trim centred on a 200 mm page).
    // Without bleed, the trim is the sheet itself, exactly (not the size asked centred on it, 0.02 pt off).
    const trimWidth = b > 0 && sameLength(width - 2 * b, boxes.trim[0]) ? boxes.trim[0] : width - 2 * b
    const trimHeight = b > 0 && sameLength(height - 2 * b, boxes.trim[1]) ? boxes.trim[1] : height - 2 * b
    const [x0, y0] = [(width - trimWidth) / 2, (height - trimHeight) / 2]
    page.node.set(PDFName.of('TrimBox'), box(document, x0, y0, x0 + trimWidth, y0 + trimHeight))
    if (!boxes.crop && !boxes.registration) continue
    page.node.set(PDFName.of('MediaBox'), box(document, -slug, -slug, width + slug, height + slug))
    page.node.delete(PDFName.of('CropBox'))
    const marks = markOperators({width, height, trim: [x0, y0, x0 + trimWidth, y0 + trimHeight], crop: boxes.crop, registration: boxes.registration})
    const stream = document.context.flateStream(marks)
    page.node.addContentStream(document.context.register(stream))
  }
}

/** Within Chromium's rounding of a sheet to whole CSS pixels (0.75 pt), and then some. */
function sameLength(printed: number, asked: number): boolean {
  return Math.abs(printed - asked) < 2
}

function box(document: PDFDocument, x0: number, y0: number, x1: number, y1: number): PDFArray {
  return document.context.obj([x0, y0, x1, y1].map((value) => PDFNumber.of(round(value))))
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000
}

/**
 * The marks' drawing operators: for each corner of the trim, two hairlines in line with its
 * edges, from just outside the bleed outward; registration targets centred on each side. All in
 * a marked-content artifact, in full black (the four inks alike in a CMYK workflow).
 */
export function markOperators(page: {width: number; height: number; trim: [number, number, number, number]; crop: boolean; registration: boolean}): string {
  const {width, height} = page
  const [left, bottom, right, top] = page.trim
  const lines: string[] = []
  const line = (x0: number, y0: number, x1: number, y1: number) => lines.push(`${round(x0)} ${round(y0)} m ${round(x1)} ${round(y1)} l S`)
  // The sheet's edge is the bleed's: the marks start 1 mm outside it, in the slug.
  const out = markGap
  if (page.crop) {
    for (const x of [left, right]) {
      line(x, -out, x, -out - markLength)
      line(x, height + out, x, height + out + markLength)
    }
    for (const y of [bottom, top]) {
      line(-out, y, -out - markLength, y)
      line(width + out, y, width + out + markLength, y)
    }
  }
  if (page.registration) {
    const radius = 2 * mm
    const centre = out + markLength / 2
    for (const [x, y] of [[width / 2, -centre], [width / 2, height + centre], [-centre, height / 2], [width + centre, height / 2]] as const) {
      line(x - radius - mm, y, x + radius + mm, y)
      line(x, y - radius - mm, x, y + radius + mm)
      lines.push(`${round(x + radius)} ${round(y)} m ${circle(x, y, radius)} S`)
    }
  }
  return ['/Artifact BMC', 'q', '0.25 w', '0 0 0 1 K', ...lines, 'Q', 'EMC', ''].join('\n')
}

/** A circle as four Bézier curves, starting at its rightmost point. */
function circle(x: number, y: number, r: number): string {
  const k = 0.5523 * r
  const points = [
    [x + r, y + k, x + k, y + r, x, y + r],
    [x - k, y + r, x - r, y + k, x - r, y],
    [x - r, y - k, x - k, y - r, x, y - r],
    [x + k, y - r, x + r, y - k, x + r, y]
  ]
  return points.map((curve) => `${curve.map(round).join(' ')} c`).join(' ')
}
