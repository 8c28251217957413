/**
 * What `unsupported-syntax` says of text pasted from a spreadsheet or from Word: Markdown reads
 * both as one paragraph, cells or items run together.
 */

/**
 * Cells copied from Excel, LibreOffice or Google Sheets and pasted as text: a line a row, a tab
 * between cells. Two rows or more with a tab between two cells: its first such line, where it starts.
 */
function pastedTable(source: string): {line: string; index: number; columns: number} | undefined {
  let first: {line: string; index: number; columns: number} | undefined
  let rows = 0
  let offset = 0
  for (const line of source.split('\n')) {
    if (/\S\t+\S/u.test(line)) {
      rows++
      first ??= {line, index: offset, columns: line.trim().split('\t').length}
    }
    offset += line.length + 1
  }
  return rows >= 2 ? first : undefined
}

/** A row that starts with the bullet or number Word writes before a list item, then a tab: `•`, `o`, `▪`, `-`, `1.`, `a)`. */
const wordBullet = /^[ \t]*(?:[•◦▪▫■□●○‣⁃∙·o§\-–—*]|\d{1,3}[.)]|[a-z][.)])\t/u

/** A pasted row as a pipe table's: `| Région | Part |`. */
function pipeRow(line: string): string {
  return `| ${line.trim().split('\t').map((cell) => cell.trim()).join(' | ')} |`
}

/** A paste in a paragraph's source, where its first row starts, and what to say of it; undefined for none. */
export function pastedText(source: string): {index: number; length: number; message: string} | undefined {
  const pasted = pastedTable(source)
  if (!pasted) return undefined
  const cells = pasted.line.trim().split('\t')
  // `•⇥Texte`: a list pasted from Word keeps its bullets as characters and a tab after each.
  const message = wordBullet.test(pasted.line)
    ? `Unexpected list pasted from Word (\`${cells[0]}\` and a tab before each item), expected a Markdown list: \`- ${cells.slice(1).join(' ').trim()}\`, one item a line (\`1.\` for a numbered one; two spaces more for a sub-item): it prints as one paragraph, its bullets with it`
    : `Unexpected table pasted from a spreadsheet (cells apart by tabs), expected a pipe table: \`${pipeRow(pasted.line)}\`, then \`|${'---|'.repeat(pasted.columns)}\`, one row a line: it prints as one paragraph, its cells run together`
  return {index: pasted.index, length: pasted.line.length, message}
}
