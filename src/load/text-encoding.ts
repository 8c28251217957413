/**
 * How a project's text file was written, when not in UTF-8: Windows Notepad's "Unicode" is UTF-16
 * with a byte order mark, and Word's "Text only" or an old export is Windows-1252 (Latin-1 and
 * more), where `é` is one byte that UTF-8 reads as `�`. Read as UTF-8 regardless, such a file's
 * accents printed as `�` without a word.
 */
export interface TextEncoding {
  /** What the text was decoded from. */
  name: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'
  /** In UTF-8 with bytes that are not (a file of both encodings): where the first `�` they left is, in the text, and how many. */
  invalid?: {offset: number; count: number}
}

/**
 * What a file that is no text is, by its first bytes, with what to do: a Word or OpenDocument
 * file, a PDF, a spreadsheet, an image. Read as text, it would be a page of findings about its bytes.
 */
export function binaryKind(bytes: Uint8Array, name: string): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 8))
  const extension = name.toLowerCase().split('.').pop() ?? ''
  if (head.startsWith('PK\x03\x04')) {
    if (extension === 'docx' || extension === 'doc') return 'a Word document: save it as Markdown (Pandoc: `pandoc file.docx -t markdown -o file.md`), or paste its text into a `.md` file'
    if (extension === 'odt') return 'an OpenDocument text: save it as Markdown (Pandoc: `pandoc file.odt -t markdown -o file.md`)'
    if (extension === 'xlsx' || extension === 'ods') return 'a spreadsheet: write its table in Markdown, as a pipe table'
    return 'a zip archive, expected a text file'
  }
  if (head.startsWith('%PDF')) return 'a PDF, expected a text file: copy its text into a `.md` file (an archived copy of a source goes under `file:` in sources.yaml)'
  if (head.startsWith('\xD0\xCF\x11\xE0')) return 'an old Office document (.doc, .xls): save it as .docx, then as Markdown'
  if (head.startsWith('{\\rtf')) return 'an RTF document: save it as Markdown (Pandoc: `pandoc file.rtf -t markdown -o file.md`)'
  if (head.startsWith('\x89PNG') || head.startsWith('\xFF\xD8\xFF') || head.startsWith('GIF8')) return 'an image, expected a text file: show it in a chapter with `![alternative text](file)`'
  // NUL bytes: no text file has them, but UTF-16 (its byte order mark, decoded by decodeText).
  const sample = bytes.subarray(0, 4096)
  const utf16 = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff)
  if (!utf16 && sample.includes(0)) return 'not a text file'
  return undefined
}

/**
 * Decode a text file's bytes: UTF-8 when it is UTF-8; UTF-16 with its byte order mark; Windows-1252 when no byte
 * forms a UTF-8 sequence but some are not ASCII; else UTF-8 with each broken sequence a `�`, and
 * where the first is.
 */
export function decodeText(bytes: Uint8Array): {text: string; encoding: TextEncoding} {
  // A byte order mark is no part of the text, in UTF-8 as in UTF-16 (Notepad writes one): left in,
  // it shifted every offset the parsers give against the text the rules read, by one (a paragraph's
  // `3:1` read as a directive, notes and links left raw, columns one short).
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder('utf-16le').decode(bytes), encoding: {name: 'utf-16le'}}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder('utf-16be').decode(bytes), encoding: {name: 'utf-16be'}}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), encoding: {name: 'utf-8'}}
  } catch {
    // Not UTF-8: decoded below.
  }
  if (!hasUtf8Sequence(bytes)) return {text: decodeWindows1252(bytes), encoding: {name: 'windows-1252'}}
  const text = new TextDecoder('utf-8').decode(bytes)
  const replaced = [...text.matchAll(/\uFFFD/gu)]
  return {text, encoding: {name: 'utf-8', invalid: {offset: replaced[0]?.index ?? 0, count: replaced.length}}}
}

/**
 * Windows-1252's characters for 0x80–0x9F (curly quotes, dashes, `€`, `œ`…), where ISO-8859-1 has
 * control codes; the five it leaves undefined stay as their code. Node's TextDecoder decodes
 * `windows-1252` as ISO-8859-1, so Word's `’` would come out as U+0092.
 */
const windows1252High = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  let text = ''
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? windows1252High[byte - 0x80] : String.fromCharCode(byte)
  return text
}

/** Whether some bytes form a well-made UTF-8 sequence of two bytes or more. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) {
    const lead = bytes[index]!
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0
    if (length === 0) continue
    let continued = true
    for (let next = 1; next < length; next++) if (((bytes[index + next] ?? 0) & 0xc0) !== 0x80) continued = false
    if (continued) return true
  }
  return false
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the load stage on a file that was not plain UTF-8 (load/text-encoding.ts). */
    encoding: TextEncoding
  }
}
