import {deflateSync} from 'node:zlib'
import {Cache, PDFDocument, PDFFlateStream, type PDFObject, type PDFRef, PDFStreamWriter} from 'pdf-lib'

/**
 * Objects per object stream. pdf-lib's save() puts 50 in each and compresses each stream with a
 * fresh deflate, whose set-up (~200 KB of tables allocated and zeroed) costs more than compressing
 * 50 small dictionaries: with 200, a 100-page PDF is written in ~95 ms instead of ~120 (the first
 * time in a process 150 instead of 270) and a 288-page one in ~290 instead of ~360, 3 % smaller
 * (bench/README.md, point 27). Readers read a stream of any length; 100–200 is usual.
 */
export const OBJECTS_PER_STREAM = 200

/** The parts of pdf-lib's writer and streams this module reaches (protected in its types). */
type SizingWriter = {computeIndirectObjectSize(entry: [PDFRef, PDFObject]): number}
type EncodedStream = {encode: boolean; contentsCache: Cache<Uint8Array>; getUnencodedContents(): Uint8Array}

/**
 * What `document.save({useObjectStreams: true})` does for a PDF with pages and no form, with
 * OBJECTS_PER_STREAM objects a stream, and each stream pdf-lib makes (the object streams, the
 * cross-reference stream) compressed by Node's zlib instead of pdf-lib's JavaScript deflate (pako),
 * as the artifacts pass already does for the content streams: the writer hands every stream to
 * `computeIndirectObjectSize` before it needs the stream's bytes, so this writer (and only this
 * one) gives each a cache filled by zlib there.
 */
export async function serializePdf(document: PDFDocument): Promise<Uint8Array> {
  await document.flush()
  const writer = PDFStreamWriter.forContext(document.context, Infinity, true, OBJECTS_PER_STREAM)
  compressWithZlib(writer as unknown as SizingWriter)
  return writer.serializeToBuffer()
}

function compressWithZlib(writer: SizingWriter): void {
  const sizeOf = writer.computeIndirectObjectSize.bind(writer)
  writer.computeIndirectObjectSize = (entry) => {
    const object = entry[1]
    if (object instanceof PDFFlateStream) {
      const stream = object as unknown as EncodedStream
      if (stream.encode) stream.contentsCache = Cache.populatedBy(() => deflateSync(stream.getUnencodedContents()))
    }
    return sizeOf(entry)
  }
}

/** A print's PDF as bytes: Chromium's as they are, a joined document (print-parts.ts) written. */
export async function pdfBytes(pdf: Uint8Array | PDFDocument): Promise<Uint8Array> {
  return pdf instanceof PDFDocument ? serializePdf(pdf) : pdf
}
