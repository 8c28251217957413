/**
 * Pandoc and Quarto syntax rapporteur does not support, as writers bring it: how to recognise it
 * in a block's source (inline code already blanked out), and what to write instead. Kept as data,
 * apart from the rule, so that the list can grow without touching the logic.
 */
export interface UnsupportedSyntax {
  id: string
  /** Global, Unicode: each match is one finding, at the match. */
  pattern: RegExp
  /** `Unexpected …, expected …`, with `$&` for the text matched. */
  message: string
}

export const inlineSyntaxes: readonly UnsupportedSyntax[] = [
  {id: 'example-list', pattern: /^\(@[\w-]*\)\s/gmu, message: 'Unexpected example list `$&`, expected a numbered list (`1.`)'},
  // Pandoc's `mark` extension (off by default there), Obsidian's and Typora's highlight.
  {id: 'mark', pattern: /(?<![=\\])==(?=[^\s=])(?:[^=\n]|=(?!=))*?[^\s=]==(?!=)/gu, message: 'Unexpected highlight `$&`, expected `[texte]{.mark}`, Pandoc’s span for it (printed as `<mark>`): `==` prints as written'},
  {id: 'inline-note', pattern: /\^\[/gu, message: 'Unexpected `^[` that opens no note (empty, not closed by a `]` in its paragraph, or longer than 5,000 characters), expected `^[the note’s text]`'}
]

/** A whole paragraph that means something to Pandoc or LaTeX and nothing here. */
export const blockSyntaxes: readonly UnsupportedSyntax[] = [
  {id: 'fenced-div', pattern: /^:{3,}.*$/gmu, message: 'Unexpected fence `$&` that opens or closes nothing, expected `::: {.class}` (or `:::name` for a directive) on the line that opens a block, and `:::` alone on the line that closes it'},
  // Definition lists are read (parse/definition-list.ts), but not every form Pandoc reads: a
  // definition line left in a paragraph is one of those (`~` as the marker, or in a list item or
  // a footnote). Only right after a one-line term, as Pandoc reads one: further down a paragraph,
  // a line starting with `: ` is a hard-wrapped sentence (French spaces its colons), and Pandoc
  // reads it as text too.
  {id: 'definition-list', pattern: /(?<=^[^\n]*\n[ \t]*)[:~][ \t]+\S[^\n]*|^[ \t]*~[ \t]+\S[^\n]*/gu, message: 'Unexpected definition `$&` read as text, expected a definition list as rapporteur reads it: the term on its own line, then `: définition` (not `~`), outside list items and footnotes'},
  {id: 'line-block', pattern: /^\|[ \t].*$/gmu, message: 'Unexpected line block `$&`, expected lines ending with a backslash (`\\`) for line breaks, or a table with a separator row'},
]

/** Quarto's cross-reference prefixes, as the parser knows them (`@fig-x`), and those it does not (`@thm-x`). */
export const quartoReference = /^(?:fig|tbl|sec|eq|lst|thm|lem)-/u
