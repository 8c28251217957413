/**
 * Whitespace YAML refuses where a writer's editor puts it: a tab indenting a line (a habit of
 * Notepad and of Word), and a no-break space (Word, a Mac's Option+Space, a paste from a web page)
 * indenting a line or after a key's colon or a list's dash. The yaml library reads the rest of such
 * a file as something else: a dozen errors about tokens, none naming the character, and the whole
 * registry or glossary unread. Here each is read as what it stands for (a tab as two spaces, one
 * indentation step; a no-break space as a space) and reported once a line, at its place; the text
 * given to the parser keeps a map back to the file's offsets.
 */
export interface RepairedWhitespace {
  /** The text the parser reads. */
  text: string
  /** An offset in `text` as an offset in the text given. */
  toOriginal(offset: number): number
  /** One a line: where its first such character is, in the text given, and which it is. */
  found: Array<{offset: number; kind: 'tab' | 'no-break space'}>
}

const NBSP = '\u00A0'

export function repairYamlWhitespace(original: string): RepairedWhitespace {
  // JSON (CSL-JSON is read as YAML) and YAML written in braces are flow collections, where a tab is whitespace like any other.
  if ((!original.includes('\t') && !original.includes(NBSP)) || /^(?:\s|#[^\n]*\n)*[[{]/u.test(original)) return {text: original, toOriginal: (offset) => offset, found: []}
  // Offsets in the repaired text where a character was added (each tab's second space), ascending.
  const added: number[] = []
  const found: RepairedWhitespace['found'] = []
  let text = ''
  let lineStart = 0
  while (lineStart <= original.length) {
    const newline = original.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? original.length : newline
    const line = original.slice(lineStart, lineEnd)
    // The indentation, a list's dash and its spaces, and the space after a key's colon (`key:␣value`).
    const prefix = /^[ \t\u00A0]*(?:-[ \t\u00A0]+)*(?:[^\s:#"'{[][^:\n]*?:(?=[ \t\u00A0]))?[ \t\u00A0]*/u.exec(line)![0]
    const bad = [...prefix].findIndex((char, index) => char === NBSP || (char === '\t' && /^[ \t\u00A0]*$/u.test(prefix.slice(0, index))))
    if (bad === -1) text += line
    else {
      found.push({offset: lineStart + bad, kind: prefix[bad] === '\t' ? 'tab' : 'no-break space'})
      let leading = true
      for (const char of prefix) {
        if (char !== ' ' && char !== '\t' && char !== NBSP) leading = false
        if (char === '\t' && leading) {
          text += ' '
          added.push(text.length)
          text += ' '
        } else text += char === NBSP ? ' ' : char
      }
      text += line.slice(prefix.length)
    }
    if (newline === -1) break
    text += '\n'
    lineStart = newline + 1
  }
  return {
    text,
    toOriginal: (offset) => {
      let shift = 0
      while (shift < added.length && added[shift]! <= offset) shift++
      return offset - shift
    },
    found
  }
}
