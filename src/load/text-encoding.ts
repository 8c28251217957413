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
 * Decode a text file's bytes: UTF-8 when it is UTF-8 (a byte order mark kept, as Node's
 * `readFile(…, 'utf8')` keeps it); UTF-16 with its byte order mark; Windows-1252 when no byte
 * forms a UTF-8 sequence but some are not ASCII; else UTF-8 with each broken sequence a `�`, and
 * where the first is.
 */
export function decodeText(bytes: Uint8Array): {text: string; encoding: TextEncoding} {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder('utf-16le').decode(bytes), encoding: {name: 'utf-16le'}}
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder('utf-16be').decode(bytes), encoding: {name: 'utf-16be'}}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true, ignoreBOM: true}).decode(bytes), encoding: {name: 'utf-8'}}
  } catch {
    // Not UTF-8: decoded below.
  }
  if (!hasUtf8Sequence(bytes)) return {text: decodeWindows1252(bytes), encoding: {name: 'windows-1252'}}
  const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
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
