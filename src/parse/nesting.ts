/** How deep blocks may nest (blockquotes, lists, in any mix): deeper input is refused, not parsed. */
export const maxNesting = 100

const marker = /^(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/u

/**
 * The first line whose blocks nest deeper than `limit` (`> > > …`, lists indented hundreds of
 * levels), with the column where the limit is passed. The Markdown parser and every tree walk
 * after it recurse per level: 10,000 levels overflow the stack, so such a file is refused
 * before it is parsed.
 */
export function tooDeep(text: string, limit = maxNesting): {line: number; column: number; depth: number} | undefined {
  let line = 0
  for (const content of text.split(/\r\n|\r|\n/u)) {
    line++
    // A cheap first look: a line shorter than the limit cannot nest deeper than it.
    if (content.length < limit) continue
    let depth = 0
    let at = 0
    let indent = 0
    for (;;) {
      // Indentation before the first marker nests lists (two columns a level); after it, spacing.
      while (at < content.length && (content[at] === ' ' || content[at] === '\t')) {
        if (depth === 0) indent += content[at] === '\t' ? 4 : 1
        at++
      }
      const found = marker.exec(content.slice(at, at + 12))
      if (!found) break
      depth++
      at += found[0].length
    }
    depth += Math.floor(indent / 2)
    if (depth > limit) return {line, column: 1, depth}
  }
  return undefined
}
