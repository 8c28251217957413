import {deflateSync, inflateSync} from 'node:zlib'
import {decodePDFRawStream, PDFArray, type PDFDocument, PDFName, PDFRawStream, type PDFRef} from 'pdf-lib'

/**
 * In a tagged PDF every piece of content is either tagged (inside a marked-content sequence the
 * structure tree points at) or an artifact (PDF/UA-1, 7.1). Chromium leaves what the
 * accessibility tree does not hold, running heads, folios, page backgrounds and rules, outside
 * any marked content: neither. Here each such text object, path and image, at marked-content
 * depth 0, is wrapped in `/Artifact BMC … EMC`. Nothing is moved or redrawn. Returns how many
 * were wrapped.
 */
export function markArtifacts(document: PDFDocument): number {
  marked.add(document)
  let wrapped = 0
  for (const page of document.getPages()) {
    const contents = page.node.get(PDFName.of('Contents'))
    const refs: PDFRef[] = contents instanceof PDFArray ? (contents.asArray() as PDFRef[]) : contents ? [contents as PDFRef] : []
    let depth = 0
    const streams = refs.map((ref) => {
      const stream = document.context.lookup(ref)
      if (!(stream instanceof PDFRawStream)) return ref
      const source = Buffer.from(decoded(stream)).toString('latin1')
      const result = wrapLooseContent(source, depth)
      depth = result.depth
      if (result.wrapped === 0) return ref
      wrapped += result.wrapped
      // Node's zlib rather than pdf-lib's JavaScript deflate: a third of finalizePdf's time.
      return document.context.register(document.context.stream(deflateSync(Buffer.from(result.text, 'latin1')), {Filter: 'FlateDecode'}))
    })
    if (streams.some((stream, index) => stream !== refs[index])) page.node.set(PDFName.of('Contents'), document.context.obj(streams))
  }
  return wrapped
}

/**
 * Documents whose every page went through markArtifacts: those it marked, and a join of parts it
 * marked one by one (join-pdfs.ts), which finalizePdf then does not read through again (a content
 * stream it has wrapped holds nothing loose: marking again would only cost the time).
 */
const marked = new WeakSet<PDFDocument>()

/** Whether every page of `document` has had its loose content marked (markArtifacts, noteMarked). */
export function isMarked(document: PDFDocument): boolean {
  return marked.has(document)
}

/** Record that every page of `document` came from documents markArtifacts marked. */
export function noteMarked(document: PDFDocument): void {
  marked.add(document)
}

/** A content stream's bytes: Chromium's are Flate-compressed without predictor, which Node's zlib inflates natively. */
function decoded(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(PDFName.of('Filter'))
  if (filter === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) return inflateSync(stream.contents)
  return decodePDFRawStream(stream).decode()
}

const painting = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh'])
const pathStart = new Set(['m', 're'])

/**
 * Wrap the text objects (`BT … ET`), paths (from `m`/`re` to their painting operator) and images
 * (`Do`, `sh`) that stand outside marked content. `depth` is the marked-content depth the stream
 * starts at (a page may split its content over several streams).
 */
export function wrapLooseContent(text: string, depth = 0): {text: string; depth: number; wrapped: number} {
  const out: string[] = []
  let copied = 0
  let wrapped = 0
  let open: number | undefined
  const wrap = (from: number, to: number) => {
    out.push(text.slice(copied, from), '/Artifact BMC\n', text.slice(from, to), '\nEMC')
    copied = to
    wrapped++
  }
  let inText = false
  for (const {op, operands: start, end} of operators(text)) {
    if (op === 'BMC' || op === 'BDC') {
      // A `Span` with an ActualText inside a loose text object stays inside it; tagged content
      // (an MCID) inside one means the text object is not loose after all.
      if (inText && text.slice(start, end).includes('/MCID')) open = undefined
      depth++
      continue
    }
    if (op === 'EMC') {
      depth = Math.max(0, depth - 1)
      continue
    }
    if (op === 'BT') {
      inText = depth === 0
      open = inText ? start : undefined
      continue
    }
    if (op === 'ET') {
      if (inText && open !== undefined && depth === 0) wrap(open, end)
      inText = false
      open = undefined
      continue
    }
    if (inText) continue
    if (depth > 0) {
      open = undefined
      continue
    }
    if (pathStart.has(op)) open ??= start
    else if (painting.has(op) && open !== undefined) {
      wrap(open, end)
      open = undefined
    } else if (op === 'n') open = undefined
    else if (op === 'Do' || op === 'sh') wrap(start, end)
  }
  out.push(text.slice(copied))
  return {text: out.join(''), depth, wrapped}
}

/** An operator of a content stream: its name, where its operands begin (or itself, without any), where it ends. */
interface Operator {
  op: string
  operands: number
  end: number
}

/** PDF white-space (7.2.2): NUL, tab, line feed, form feed, carriage return, space. */
function isWhite(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 0
}

/** What ends a regular token: white-space or a delimiter `()<>[]{}/%`. */
function endsToken(code: number): boolean {
  return isWhite(code) || code === 40 || code === 41 || code === 60 || code === 62 || code === 91 || code === 93 || code === 123 || code === 125 || code === 47 || code === 37
}

/** Whether a regular token that starts with this character is a number (`+`, `-`, `.`, a digit). */
function startsNumber(code: number): boolean {
  return (code >= 48 && code <= 57) || code === 43 || code === 45 || code === 46
}

/**
 * The operators of a content stream, each with where its operands start. Operands (numbers,
 * names, strings, arrays, dictionaries) are skipped, not kept: a 300-page PDF has millions of
 * them, and this runs on every page of every build (it was a fifth of finalizePdf as a generator
 * of every token).
 */
export function operators(text: string): Operator[] {
  const found: Operator[] = []
  let operands: number | undefined
  let at = 0
  while (at < text.length) {
    const code = text.charCodeAt(at)
    const start = at
    if (isWhite(code)) {
      at++
      continue
    }
    if (code === 37 /* % */) {
      while (at < text.length && text.charCodeAt(at) !== 10 && text.charCodeAt(at) !== 13) at++
      continue
    }
    if (code === 40 /* ( */) at = stringEnd(text, at)
    else if (code === 60 /* < */ && text.charCodeAt(at + 1) === 60) at = dictionaryEnd(text, at)
    else if (code === 60) at = text.indexOf('>', at) + 1 || text.length
    else if (code === 91 || code === 93 || code === 123 || code === 125 /* [ ] { } */) at++
    else {
      if (code === 47 /* / */) at++
      while (at < text.length && !endsToken(text.charCodeAt(at))) at++
      // A stray `)` or `>` is a token of its own, not a place to stop.
      if (at === start) at++
      if (code !== 47 && !startsNumber(code)) {
        const op = text.slice(start, at)
        if (op !== 'true' && op !== 'false' && op !== 'null') {
          found.push({op, operands: operands ?? start, end: at})
          operands = undefined
          continue
        }
      }
    }
    operands ??= start
  }
  return found
}

/** Where a literal string `( … )` that starts at `at` ends (balanced brackets, `\` escapes). */
function stringEnd(text: string, at: number): number {
  let nesting = 0
  for (; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code === 92 /* \ */) at++
    else if (code === 40) nesting++
    else if (code === 41 && --nesting === 0) break
  }
  return at + 1
}

/** Where a dictionary `<< … >>` that starts at `at` ends (nested ones, and strings holding brackets). */
function dictionaryEnd(text: string, at: number): number {
  let nesting = 0
  for (; at < text.length; at++) {
    if (text.startsWith('<<', at)) {
      nesting++
      at++
    } else if (text.startsWith('>>', at)) {
      nesting--
      at++
      if (nesting === 0) break
    } else if (text.charCodeAt(at) === 40) at = stringEnd(text, at) - 1
  }
  return at + 1
}
