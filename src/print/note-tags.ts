import {type PDFDocument, PDFDict, PDFName, PDFString} from 'pdf-lib'
import {eachStructureElement} from './role-map.js'

const LI = PDFName.of('LI')
const L = PDFName.of('L')
const Note = PDFName.of('Note')
const P = PDFName.of('P')
const S = PDFName.of('S')
const ID = PDFName.of('ID')

/**
 * Chromium tags a page-foot note (a `display: list-item` in Paged.js's note area) as a list item,
 * `LI`, alone under a `NonStruct`: a list item outside any list, which a screen reader announces
 * as a list that is not there, where PDF has `Note` for it (ISO 32000-1, 14.8.4.4). An `LI` whose
 * parent is not an `L` is such a note: it becomes a `Note`, with the `/ID` PDF/UA-1 asks of every
 * Note (7.9), named in the tag tree's order with the others (structure-ids.ts). Returns how many.
 */
export function tagNotes(document: PDFDocument): number {
  let notes = 0
  eachStructureElement(document, (element, type) => {
    if (type !== LI) return
    const parent = element.lookupMaybe(P, PDFDict)
    if (parent?.get(S) === L) return
    element.set(S, Note)
    notes++
    if (!element.has(ID)) element.set(ID, PDFString.of(`note${notes}`))
  })
  return notes
}
