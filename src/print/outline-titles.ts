import {PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument} from 'pdf-lib'

/**
 * Chromium builds bookmark titles from a heading's laid-out lines and drops the space at each
 * line break ("nouvellearme de la…"). Put back the heading's own text wherever a bookmark equals
 * a known heading once white space is ignored.
 */
export function repairOutlineTitles(document: PDFDocument, headings: readonly string[]): number {
  const byKey = new Map(headings.map((heading) => [keyOf(heading), heading.replace(/\s+/gu, ' ').trim()]))
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  let repaired = 0
  const visit = (item: PDFDict | undefined, depth: number) => {
    // Bounded: a malformed outline with a cycle must not hang the build.
    for (let count = 0; item && count < 10_000 && depth < 32; count++) {
      const title = item.lookup(PDFName.of('Title'))
      if (title instanceof PDFHexString || title instanceof PDFString) {
        const text = title.decodeText()
        const wanted = byKey.get(keyOf(text))
        if (wanted && wanted !== text) {
          item.set(PDFName.of('Title'), PDFHexString.fromText(wanted))
          repaired++
        }
      }
      visit(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
  }
  visit(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 0)
  return repaired
}

function keyOf(text: string): string {
  // Straight or typographic quotes and dashes are the same heading.
  return text.replace(/[\s\u00AD]+/gu, '').replace(/[’‘ʼ']/gu, "'").replace(/[«»“”"]/gu, '"').replace(/[–—]/gu, '-')
}
