import {createHash} from 'node:crypto'
import {PDFArray, PDFDocument, PDFHexString, PDFName, PDFString, ParseSpeeds} from 'pdf-lib'
import {repairOutlineTitles} from './outline-titles.js'
import {setPrintBoxes, type PrintBoxes} from './page-boxes.js'
import {addRoleMap} from './role-map.js'
import {groupFigures} from './figure-groups.js'
import {renumberStructureIds} from './structure-ids.js'
import {tagNotes} from './note-tags.js'
import {isMarked, markArtifacts} from './artifacts.js'
import {makePdfX4, type PdfX} from './pdfx.js'
import {pdfFontNames} from './pdf-fonts.js'
import {serializePdf} from './write-pdf.js'
import {describeLinks} from './link-contents.js'

// With pdf-lib, in the one module a build loads lazily for it (scripts/bundle.js keeps pdf-lib in its chunk): print-parts.ts joins the parts' PDFs with it.
export {joinPdfs, readPart} from './join-pdfs.js'

/** The document's metadata; `date` is the report's date, never "now", so builds are reproducible. */
export interface PdfMetadata {
  title: string
  author: string
  subject?: string
  keywords?: string[]
  /** BCP 47, e.g. `fr` or `fr-FR`: screen readers pick their voice from it. */
  lang: string
  date: Date
  /** The tool that made the source (the Info dictionary's Creator). */
  creator: string
  /** The document's heading texts, to repair bookmark titles Chromium ran together. */
  headings?: readonly string[]
  /** Told the embedded font names, for the preflight's fallback-font check (saves a second parse). */
  onFonts?: (names: string[]) => void
  /** Told the PDF's page count, to compare with the pages laid out (saves a second parse). */
  onPageCount?: (count: number) => void
  /** Trim, bleed and marks for the printer (print/page-boxes.ts). */
  boxes?: PrintBoxes
  /** PDF/X-4 for the printer (print/pdfx.ts). */
  pdfx?: PdfX
  /** What each link says, by target (`#id`, URL): its annotation's description (link-contents.ts). */
  links?: ReadonlyMap<string, string>
}

/**
 * Objects pdf-lib reads or writes between two pauses: all of them. Its pauses let a browser page
 * repaint; here they only made a 300-page PDF wait ~0.6 s longer (load 0.90 → 0.35–0.41 s).
 */
const wholly = ParseSpeeds.Fastest

/** Fixed, so that the Producer does not change with pdf-lib's or Chromium's version. */
const producer = 'rapporteur'

/**
 * Set the PDF's metadata for archiving and accessibility, and make its bytes depend only on its
 * content: Info dictionary, catalog `/Lang`, `/DisplayDocTitle`, dates from `meta.date` and a
 * document `/ID` hashed from the rest. Chromium's tagging (StructTreeRoot, MarkInfo) and outline
 * are kept as they are. Pure: no clock, no randomness, no files.
 */
export async function finalizePdf(pdf: Uint8Array | PDFDocument, meta: PdfMetadata): Promise<Uint8Array> {
  if (pdf instanceof PDFDocument) return finalizeDocument(pdf, meta)
  // updateMetadata: false, or pdf-lib stamps its own Producer and the current time. The whole
  // document in one go (`wholly`): by default pdf-lib waits for a timer every 100 objects read and
  // every 50 written, at least 1 ms each in Node, and a tagged 300-page PDF has ~33,000 objects.
  return finalizeDocument(await PDFDocument.load(pdf, {updateMetadata: false, parseSpeed: wholly}), meta)
}

/** finalizePdf on a document already read (one joinPdfs made from parts), written once; it is finished in place, so once. */
export async function finalizeDocument(document: PDFDocument, meta: PdfMetadata): Promise<Uint8Array> {
  // showInWindowTitleBar writes /ViewerPreferences /DisplayDocTitle true (PDF/UA asks for it).
  document.setTitle(meta.title, {showInWindowTitleBar: true})
  document.setAuthor(meta.author)
  if (meta.subject) document.setSubject(meta.subject)
  // One string: pdf-lib's setKeywords joins with a space, running "Income support Better homes" together.
  if (meta.keywords?.length) document.setKeywords([keywordList(meta.keywords)])
  document.setCreator(meta.creator)
  document.setProducer(producer)
  document.setCreationDate(meta.date)
  document.setModificationDate(meta.date)
  document.catalog.set(PDFName.of('Lang'), PDFString.of(meta.lang))
  if (meta.headings) repairOutlineTitles(document, meta.headings)
  meta.onFonts?.(pdfFontNames(document))
  meta.onPageCount?.(document.getPageCount())
  if (meta.boxes) setPrintBoxes(document, meta.boxes)
  // Untagged page furniture (running heads, folios, backgrounds) becomes artifacts.
  // (A join of parts has had its parts marked as they were read: join-pdfs.ts.)
  if (document.catalog.has(PDFName.of('StructTreeRoot')) && !isMarked(document)) markArtifacts(document)
  addRoleMap(document)
  // A `<figure>`'s own Figure tag, without Alt around the image's: a Div.
  groupFigures(document)
  // A page-foot note, which Chromium tags as a list item outside any list: a Note with its ID.
  tagNotes(document)
  renumberStructureIds(document)
  // Tab order follows the structure on every page with links (PDF/UA-1, 7.18.3).
  for (const page of document.getPages()) if (page.node.has(PDFName.of('Annots'))) page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
  // Every link says what it is (PDF/UA-1, 7.18.5): a screen reader lists links by that.
  describeLinks(document, meta.links)
  // Chromium may write XMP with its own time and ids; the Info dictionary above is the metadata.
  document.catalog.delete(PDFName.of('Metadata'))
  if (meta.pdfx) makePdfX4(document, meta.pdfx, meta)

  // The /ID is a hash of the document saved with a zero ID, then written in: same content, same ID.
  const zero = PDFHexString.of('0'.repeat(32))
  document.context.trailerInfo.ID = document.context.obj([zero, zero]) as PDFArray
  const draft = await serializePdf(document)
  const hash = createHash('sha256').update(draft).digest('hex').slice(0, 32).toUpperCase()
  // The ID sits in the cross-reference stream's dictionary, which is not compressed: the hash,
  // as long as the zeros, goes in their place without saving the document again (saving a
  // 300-page PDF takes about half a second).
  let bytesOut = draft
  if (replaceAll(draft, `<${'0'.repeat(32)}>`, `<${hash}>`) !== 2) {
    const id = PDFHexString.of(hash)
    document.context.trailerInfo.ID = document.context.obj([id, id]) as PDFArray
    bytesOut = await serializePdf(document)
  }
  // pdf-lib writes `%PDF-1.7` whenever it uses object streams; PDF/X-4 is a PDF 1.6 (same length, in place).
  if (meta.pdfx) Buffer.from(bytesOut.buffer, bytesOut.byteOffset, 9).write('%PDF-1.6', 0, 'latin1')
  return bytesOut
}

/** Overwrite every occurrence of an ASCII string in `bytes` with one of the same length; returns the count. */
function replaceAll(bytes: Uint8Array, from: string, to: string): number {
  const needle = Buffer.from(from, 'latin1')
  const replacement = Buffer.from(to, 'latin1')
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let count = 0
  for (let at = view.indexOf(needle); at !== -1; at = view.indexOf(needle, at + needle.length)) {
    replacement.copy(view, at)
    count++
  }
  return count
}

/** Keywords as readers show them: `Income support, Better homes`; with `; ` when one holds a comma. */
export function keywordList(keywords: readonly string[]): string {
  return keywords.join(keywords.some((keyword) => keyword.includes(',')) ? '; ' : ', ')
}
