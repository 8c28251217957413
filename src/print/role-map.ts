import {PDFArray, PDFDict, type PDFDocument, PDFName, PDFRef} from 'pdf-lib'

/** The standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4), which every reader knows. */
const standard = new Set(
  `Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody
  Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`.split(/\s+/u)
)

/** PDF 2.0 types Chromium writes, and the PDF 1.7 type a reader should take each for. */
const nearest: Record<string, string> = {Strong: 'Span', Em: 'Span', Title: 'H1', FENote: 'Note', Aside: 'Div', DocumentFragment: 'Div', Sub: 'Span'}

const K = PDFName.of('K')
const S = PDFName.of('S')

/**
 * Visit every structure element of the document's tag tree once, with its type as written (a
 * PDFName, one object per name: decoding it for each of a long report's ~20,000 elements took
 * longer than the walk).
 */
export function eachStructureElement(document: PDFDocument, visit: (element: PDFDict, type: PDFName | undefined) => void): void {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return
  const seen = new Set<PDFRef>()
  const stack: unknown[] = [root.get(K)]
  while (stack.length > 0) {
    let node = stack.pop()
    if (node instanceof PDFRef) {
      if (seen.has(node)) continue
      seen.add(node)
      node = document.context.lookup(node)
    }
    if (node instanceof PDFArray) stack.push(...node.asArray())
    else if (node instanceof PDFDict) {
      const type = node.get(S)
      visit(node, type instanceof PDFName ? type : undefined)
      stack.push(node.get(K))
    }
  }
}

/**
 * A tag that is not a PDF 1.7 standard type needs a RoleMap entry (PDF/UA-1, 7.1), or a reader
 * of PDF 1.7 does not know what it is: map each one Chromium wrote to its nearest standard type.
 * Returns the types mapped.
 */
export function addRoleMap(document: PDFDocument): string[] {
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return []
  const used = new Set<PDFName>()
  eachStructureElement(document, (_, type) => type && used.add(type))
  const mapped = [...used].map((type) => type.decodeText()).filter((type) => !standard.has(type)).sort()
  if (mapped.length === 0) return []
  const roleMap = root.lookupMaybe(PDFName.of('RoleMap'), PDFDict) ?? document.context.obj({})
  for (const type of mapped) if (!roleMap.has(PDFName.of(type))) roleMap.set(PDFName.of(type), PDFName.of(nearest[type] ?? 'Span'))
  root.set(PDFName.of('RoleMap'), roleMap)
  return mapped
}
