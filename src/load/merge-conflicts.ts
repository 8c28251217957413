import type {VFile} from 'vfile'
/**
 * Git's merge-conflict markers left in a text file: `<<<<<<< HEAD`, the first side ("ours"),
 * diff3's `||||||| base` and the common ancestor, `=======`, the second side, `>>>>>>> branch`.
 * Read as written, a chapter printed both sides (`>>>>>>>` a quotation seven levels deep, `=======`
 * a heading of the line above) and a YAML, JSON or BibTeX file did not parse at all, every
 * citation of it then unknown. The file is read as its first side until the conflict is resolved:
 * the markers and the other side are blanked to empty lines, so that every later line and column
 * stays where it is in the file (rule merge-conflict).
 */
export interface MergeConflict {
  /** The `<<<<<<<` line as written, and where it is in the text as read (an empty line there). */
  marker: string
  offset: number
  /** The names on the markers: `HEAD`, `amira-edit`, `a1b2c3d (message)`; empty when the marker has none. */
  ours: string
  theirs: string
  /** The lines of each side, and of the common ancestor (diff3's `|||||||`) when there is one. */
  oursLines: number
  theirsLines: number
  /** A marker with no conflict around it (a conflict half resolved): only its own line is blanked. */
  stray?: boolean
}

interface Line {
  start: number
  /** Where its text ends, before its line ending. */
  end: number
  text: string
}

function splitLines(text: string): Line[] {
  const lines: Line[] = []
  const pattern = /\r\n|\r|\n/gu
  let start = 0
  for (const match of text.matchAll(pattern)) {
    lines.push({start, end: match.index, text: text.slice(start, match.index)})
    start = match.index + match[0].length
  }
  lines.push({start, end: text.length, text: text.slice(start)})
  return lines
}

/** A marker line: seven (or more, as Git writes for a conflict within a conflict) of one character, then a space and a name, or nothing. */
const markers = {'<': /^(<{7,})(?:[ \t]+(.*?))?[ \t]*$/u, '|': /^(\|{7,})(?:[ \t]+(.*?))?[ \t]*$/u, '=': /^(={7,})(?:[ \t]+(.*?))?[ \t]*$/u, '>': /^(>{7,})(?:[ \t]+(.*?))?[ \t]*$/u}

function marker(line: string, char: keyof typeof markers): {size: number; name: string} | undefined {
  const match = markers[char].exec(line)
  if (!match) return undefined
  // `=======` has no name; `======= x` is no marker Git writes.
  if (char === '=' && match[2]) return undefined
  return {size: match[1]!.length, name: match[2] ?? ''}
}

/**
 * The conflicts of a text, and the text read as each conflict's first side: its marker lines, the
 * common ancestor and the second side blanked, their line endings kept.
 */
export function resolveMergeConflicts(text: string): {text: string; conflicts: MergeConflict[]} {
  // Fast path: most files have no marker at all.
  if (!/^(?:<{7}|>{7}|\|{7})/mu.test(text)) return {text, conflicts: []}
  const lines = splitLines(text)
  const conflicts: MergeConflict[] = []
  const blank = new Set<number>()
  for (let index = 0; index < lines.length; index++) {
    const open = marker(lines[index]!.text, '<')
    if (open) {
      // The conflict's other markers, of the same size, in order: `|||||||` (optional), `=======`, `>>>>>>>`.
      let base: number | undefined
      let middle: number | undefined
      let close: number | undefined
      for (let next = index + 1; next < lines.length && close === undefined; next++) {
        const line = lines[next]!.text
        if (marker(line, '<')?.size === open.size) break
        if (middle === undefined && base === undefined && marker(line, '|')?.size === open.size) base = next
        else if (middle === undefined && marker(line, '=')?.size === open.size) middle = next
        else if (middle !== undefined && marker(line, '>')?.size === open.size) close = next
      }
      if (middle !== undefined && close !== undefined) {
        for (let blanked = base ?? middle; blanked <= close; blanked++) blank.add(blanked)
        blank.add(index)
        conflicts.push({marker: lines[index]!.text.trim(), offset: index, ours: open.name, theirs: marker(lines[close]!.text, '>')!.name, oursLines: (base ?? middle) - index - 1, theirsLines: close - middle - 1})
        index = close
        continue
      }
    }
    // `<<<<<<<`, `|||||||` or `>>>>>>>` alone: what is left of a conflict resolved by half. A lone
    // `=======` is Markdown's underline of a heading, and no marker.
    const stray = open ?? marker(lines[index]!.text, '|') ?? marker(lines[index]!.text, '>')
    if (stray) {
      blank.add(index)
      conflicts.push({marker: lines[index]!.text.trim(), offset: index, ours: stray.name, theirs: '', oursLines: 0, theirsLines: 0, stray: true})
    }
  }
  // Each conflict's `offset` holds its line's index until the text as read is made.
  const offsets = new Map<number, number>()
  let read = ''
  let from = 0
  for (const index of [...blank].sort((a, b) => a - b)) {
    const line = lines[index]!
    read += text.slice(from, line.start)
    offsets.set(index, read.length)
    from = line.end
  }
  read += text.slice(from)
  for (const conflict of conflicts) conflict.offset = offsets.get(conflict.offset)!
  return {text: read, conflicts}
}

/** What the rule merge-conflict says of a conflict, at its `<<<<<<<` line. */
export function mergeConflictMessage(conflict: MergeConflict): string {
  const line = conflict.marker
  if (conflict.stray) return `Unexpected merge-conflict marker \`${line}\` with no conflict around it, expected the conflict resolved: what is left of one resolved by half; delete this line (it is read as an empty line until then) and check the lines around it`
  const name = (side: string) => (side ? `\`${side}\`` : 'a version with no name')
  const lines = (count: number) => `${count} line${count === 1 ? '' : 's'}`
  return `Unexpected merge conflict between ${name(conflict.ours)} (${lines(conflict.oursLines)}) and ${name(conflict.theirs)} (${lines(conflict.theirsLines)}), expected one version of these lines: keep the right one and delete the other with the marker lines (\`<<<<<<<\`, \`=======\`, \`>>>>>>>\`); the first side is read until the conflict is resolved`
}

declare module 'vfile' {
  interface DataMap {
    /** Set by the load stage on a file with Git's conflict markers (load/merge-conflicts.ts); the file's value is its first side. */
    mergeConflicts: MergeConflict[]
    /** The file as written, markers and both sides, when its value is its first side: what a finding's code frame shows (same lines). */
    asWritten: string
  }
}

/** The text a finding's code frame shows: the file as written (a conflict's markers, not the empty lines read in their place). */
export function shownText(file: VFile): string {
  return file.data.asWritten ?? String(file.value)
}
