import {PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument} from 'pdf-lib'

const Annots = PDFName.of('Annots')
const Subtype = PDFName.of('Subtype')
const Link = PDFName.of('Link')
const Contents = PDFName.of('Contents')
const Dest = PDFName.of('Dest')
const A = PDFName.of('A')
const URI = PDFName.of('URI')

/**
 * Give every link annotation the description PDF/UA-1 asks of it (7.18.5: "Links shall contain an
 * alternate description via their Contents key"), which Chromium does not write: what the link
 * says in the document (render/link-descriptions.ts), found by its target, `#id` for a named
 * destination and the URL for a URI action. A link whose target `described` does not know says
 * where it goes (the URL, the destination's name), never nothing. A description already there is
 * kept. Returns how many were written.
 */
export function describeLinks(document: PDFDocument, described: ReadonlyMap<string, string> = new Map()): number {
  let written = 0
  for (const page of document.getPages()) {
    const annotations = page.node.lookupMaybe(Annots, PDFArray)
    if (!annotations) continue
    for (let index = 0; index < annotations.size(); index++) {
      const annotation = annotations.lookupMaybe(index, PDFDict)
      if (!annotation || annotation.get(Subtype) !== Link || annotation.has(Contents)) continue
      const target = linkTarget(annotation)
      const text = (target && described.get(target)) ?? (target?.startsWith('#') ? target.slice(1) : target)
      if (!text) continue
      annotation.set(Contents, PDFHexString.fromText(text))
      written++
    }
  }
  return written
}

/** Where a link annotation goes, as render/link-descriptions.ts keys it: `#name` or the URL. */
export function linkTarget(annotation: PDFDict): string | undefined {
  const destination = annotation.get(Dest)
  if (destination instanceof PDFName) return `#${utf8(destination.decodeText())}`
  if (destination instanceof PDFString || destination instanceof PDFHexString) return `#${destination.decodeText()}`
  const uri = annotation.lookupMaybe(A, PDFDict)?.lookup(URI)
  if (uri instanceof PDFString || uri instanceof PDFHexString) return uri.decodeText()
  return undefined
}

/** A name's bytes, which pdf-lib hands back one character each, read as the UTF-8 Chromium wrote (`d#C3#A9but` → `début`). */
function utf8(bytes: string): string {
  if (!/[\u0080-\u00FF]/u.test(bytes)) return bytes
  const text = Buffer.from(bytes, 'latin1').toString('utf8')
  return text.includes('\uFFFD') ? bytes : text
}
