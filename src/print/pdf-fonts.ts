import {PDFDict, PDFName, type PDFDocument} from 'pdf-lib'

/** The names of the fonts a PDF embeds or references, without their subset prefix (`ABCDEF+`). */
export function pdfFontNames(document: PDFDocument): string[] {
  const names = new Set<string>()
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('FontDescriptor')) continue
    const name = object.get(PDFName.of('FontName'))
    if (name instanceof PDFName) names.add(name.decodeText().replace(/^[A-Z]{6}\+/u, ''))
  }
  return [...names].sort()
}
