import {PDFArray, PDFDict, type PDFDocument, PDFName, type PDFObject, PDFRef} from 'pdf-lib'
import {eachStructureElement} from './role-map.js'

const Figure = PDFName.of('Figure')
const Div = PDFName.of('Div')
const Alt = PDFName.of('Alt')
const K = PDFName.of('K')
const S = PDFName.of('S')

/**
 * Chromium tags an HTML `<figure>` as a `Figure` too, around the image's own `Figure` (which has
 * the image's `/Alt`) and its `Caption`: a Figure without alternative text, which PDF/UA forbids
 * (7.3) and a screen reader announces as an image it cannot describe. A Figure without `/Alt`
 * that holds structure elements of its own only groups them: it becomes a `Div`. Returns how many.
 */
export function groupFigures(document: PDFDocument): number {
  let grouped = 0
  eachStructureElement(document, (element, type) => {
    if (type !== Figure || element.has(Alt) || !holdsElements(document, element.get(K))) return
    element.set(S, Div)
    grouped++
  })
  return grouped
}

/** Whether a `/K` holds a structure element (not only marked content or an object reference). */
function holdsElements(document: PDFDocument, kids: PDFObject | undefined): boolean {
  const list = kids instanceof PDFArray ? kids.asArray() : kids ? [kids] : []
  return list.some((kid) => {
    const node = kid instanceof PDFRef ? document.context.lookup(kid) : kid
    return node instanceof PDFDict && node.get(S) instanceof PDFName
  })
}
