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
  {id: 'shortcode', pattern: /\{\{<\s*[\w-]+[^>]*>\}\}/gu, message: 'Unexpected Quarto shortcode `$&`, expected plain Markdown (list an included file in `editions.<name>.files` in rapporteur.yaml)'},
  {id: 'image-attributes', pattern: /(?<=!\[[^\]]*\]\([^)]*\))\{[^}\n]*\}/gu, message: 'Unexpected image attributes `$&`, expected the image alone: `![Description](assets/image.png)` (its size comes from the theme)'},
  {id: 'span-attributes', pattern: /(?<=[^)!]\])\{[#.][^}\n]*\}/gu, message: 'Unexpected span attributes `$&`, expected plain text, or a directive such as `:term[…]`'},
  {id: 'heading-attributes', pattern: /\{[#.-][^}\n]*\}\s*$/gu, message: 'Unexpected heading attributes `$&`, expected the heading alone (rapporteur gives each chapter an id from its file name or front matter `id`, for `:ref[#id]`)'},
  {id: 'math', pattern: /\$\$[^$]+\$\$|(?<![\\$\w])\$(?=[^\s$\d])[^$\n]*[^\s$\\]\$(?![\w$])/gu, message: 'Unexpected TeX maths `$&`, expected the formula in words or Unicode (H₂O, 10⁶, ≤), or as an image'},
  {id: 'example-list', pattern: /^\(@[\w-]*\)\s/gmu, message: 'Unexpected example list `$&`, expected a numbered list (`1.`)'}
]

/** A whole paragraph that means something to Pandoc or LaTeX and nothing here. */
export const blockSyntaxes: readonly UnsupportedSyntax[] = [
  {id: 'fenced-div', pattern: /^:{3,}\s*(?:\{[^}\n]*\}|[\w-]+\s*\{[^}\n]*\}|\S*)\s*$/gmu, message: 'Unexpected Pandoc fenced div `$&`, expected a directive: `:::callout{title="…"}` … `:::` (see docs/format.md)'},
  // Definition lists are read (parse/definition-list.ts), but not every form Pandoc reads: a
  // definition line left in a paragraph is one of those (`~` as the marker, or in a list item or
  // a footnote).
  {id: 'definition-list', pattern: /(?<=^[ \t]*)[:~][ \t]+\S.*$/gmu, message: 'Unexpected definition `$&` read as text, expected a definition list as rapporteur reads it: the term on its own line, then `: définition` (not `~`), outside list items and footnotes'},
  {id: 'line-block', pattern: /^\|[ \t].*$/gmu, message: 'Unexpected line block `$&`, expected lines ending with a backslash (`\\`) for line breaks, or a table with a separator row'},
  {id: 'latex-command', pattern: /^\\(?:newpage|pagebreak|clearpage|tableofcontents|appendix|noindent)\b.*$/gmu, message: 'Unexpected LaTeX command `$&`, expected nothing: chapters start on a new page, and the theme\'s print CSS places breaks'}
]

/** Quarto's cross-reference prefixes: `@fig-x`, `@tbl-x`, `@sec-x`, `@eq-x`, `@lst-x`. */
export const quartoReference = /^(?:fig|tbl|sec|eq|lst|thm|lem)-/u
