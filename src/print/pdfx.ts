import {createHash} from 'node:crypto'
import {PDFDict, type PDFDocument, PDFName, PDFString} from 'pdf-lib'
import {srgbProfile} from './srgb-icc.js'

/** What PDF/X-4 needs from the project: the printer's output profile and the printing condition's name. */
export interface PdfX {
  /** The ICC output profile of the printing condition (class `prtr`, CMYK), as the printer gives it. */
  profile: Uint8Array
  /** OutputConditionIdentifier: a name of the ICC characterization registry (`FOGRA39`), or `Custom`. */
  condition: string
  info?: string
}

/**
 * Make the PDF a PDF/X-4 (ISO 15930-7): an OutputIntent `GTS_PDFX` carrying the printer's
 * profile, each page's DeviceRGB made device-independent (an sRGB profile as DefaultRGB), XMP
 * metadata naming the PDF/X version, `Trapped` set (the `%PDF-1.6` header is written by
 * `finalize-pdf.ts`, after pdf-lib saves). The TrimBox of every page is
 * `page-boxes.ts`'s, the fonts are embedded by Chromium. Deterministic: dates and ids come from
 * `meta`, never the clock.
 */
export function makePdfX4(document: PDFDocument, pdfx: PdfX, meta: {title: string; author: string; date: Date; lang: string}): void {
  const context = document.context
  const profile = context.flateStream(pdfx.profile, {N: 4})
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputConditionIdentifier: PDFString.of(pdfx.condition),
    OutputCondition: PDFString.of(pdfx.info ?? pdfx.condition),
    Info: PDFString.of(pdfx.info ?? pdfx.condition),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile)
  })
  document.catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(intent)]))

  const srgb = context.register(context.flateStream(srgbProfile(), {N: 3, Alternate: 'DeviceRGB'}))
  const defaultRgb = context.register(context.obj([PDFName.of('ICCBased'), srgb]))
  for (const page of document.getPages()) {
    const resources = page.node.Resources() ?? context.obj({})
    const colorSpaces = resources.lookupMaybe(PDFName.of('ColorSpace'), PDFDict) ?? context.obj({})
    colorSpaces.set(PDFName.of('DefaultRGB'), defaultRgb)
    resources.set(PDFName.of('ColorSpace'), colorSpaces)
    page.node.set(PDFName.of('Resources'), resources)
  }

  const info = context.lookup(context.trailerInfo.Info, PDFDict)
  info.set(PDFName.of('Trapped'), PDFName.of('False'))
  info.set(PDFName.of('GTS_PDFXVersion'), PDFString.of('PDF/X-4'))
  // UTF-8 bytes: a string given to pdf-lib is written one byte a character (its low byte: `’` became 0x19).
  const metadata = context.stream(new TextEncoder().encode(xmp(meta)), {Type: 'Metadata', Subtype: 'XML'})
  document.catalog.set(PDFName.of('Metadata'), context.register(metadata))
}

/** The XMP packet PDF/X-4 requires: title, author, dates, ids, PDF/X version and trapping. */
function xmp(meta: {title: string; author: string; date: Date; lang: string}): string {
  const date = meta.date.toISOString().replace(/\.\d{3}Z$/u, 'Z')
  const id = createHash('sha256').update(`${meta.title}\0${meta.author}\0${date}`).digest('hex')
  const uuid = `uuid:${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`
  const escape = (value: string) => value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escape(meta.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${escape(meta.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:language><rdf:Bag><rdf:li>${escape(meta.lang)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <xmp:CreatorTool>rapporteur</xmp:CreatorTool>
   <xmpMM:DocumentID>${uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>${uuid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdf:Producer>rapporteur</pdf:Producer>
   <pdf:Trapped>False</pdf:Trapped>
   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}
