import {crossReferencePrefix, otherCrossReferencePrefix} from '../../parse/attributes/attach.js'
import {characterEntities} from 'character-entities'
import {nameToEmoji} from 'gemoji'
import {hasMisquotedAttributes} from '../../parse/attributes/misquoted.js'

/**
 * Syntax of Pandoc, Quarto and other Markdown tools (Obsidian, MkDocs, GitHub) that rapporteur
 * does not support, as writers bring it: how to recognise it in a block's source (inline code,
 * maths and link addresses already blanked out), and what to write instead. Kept as data, apart
 * from the rule, so that the list can grow without touching the logic.
 */
export interface UnsupportedSyntax {
  id: string
  /** Global, Unicode: each match is one finding, at the match. */
  pattern: RegExp
  /** Whether a match is what the syntax means (a known name), when the pattern alone cannot say. */
  when?: (match: RegExpMatchArray) => boolean
  /** `Unexpected …, expected …`, with `$&` for the text matched; or made from the match. */
  message: string | ((match: RegExpMatchArray) => string)
}

export const inlineSyntaxes: readonly UnsupportedSyntax[] = [
  {id: 'example-list', pattern: /^\(@[\w-]*\)\s/gmu, message: 'Unexpected example list `$&`, expected a numbered list (`1.`)'},
  // Pandoc's `mark` extension (off by default there), Obsidian's and Typora's highlight.
  {id: 'mark', pattern: /(?<![=\\])==(?=[^\s=])(?:[^=\n]|=(?!=))*?[^\s=]==(?!=)/gu, message: 'Unexpected highlight `$&`, expected `[texte]{.mark}`, Pandoc’s span for it (printed as `<mark>`): `==` prints as written'},
  {id: 'inline-note', pattern: /\^\[/gu, message: 'Unexpected `^[` that opens no note (empty, not closed by a `]` in its paragraph, or longer than 5,000 characters), expected `^[the note’s text]`'},
  // `![Carte](Images/Carte Région.png)`: a space ends a link's address for Markdown, which then
  // prints the whole as written (a title in quotes after the space is fine).
  {id: 'address-with-space', pattern: /!?\[[^\]\n]*\]\((?![<\s])[^()\s"'<>]+(?:[ \t]+[^()\s"'<>]+)+\)/gu, message: (match) => `Unexpected ${match[0].startsWith('!') ? 'image' : 'link'} \`${match[0]}\` whose address holds a space, expected the address in angle brackets, \`${match[0].replace(/\]\((.*)\)$/su, '](<$1>)')}\` (or each space written \`%20\`): Markdown prints it as written`},
  // Obsidian's, Foam's and Logseq's links between notes, and embeds of a file.
  {id: 'wiki-embed', pattern: /!\[\[[^[\]\n]+\]\]/gu, message: 'Unexpected embed `$&` (Obsidian), expected an image in Markdown, `![alternative text](file.png)`: it prints as written, without the image'},
  {id: 'wiki-link', pattern: /(?<!!)\[\[[^[\]\n]+\]\]/gu, message: 'Unexpected wiki link `$&` (Obsidian), expected a Markdown link to a part of the report, `[texte](#id)`, or `:ref[#id]`: it prints as written'},
  // Obsidian's comment, hidden in its reading view; here it would be published. A lone `%%` opens or closes one across paragraphs.
  {id: 'obsidian-comment', pattern: /%%(?:[^%]|%(?!%))*%%|%%/gu, message: 'Unexpected Obsidian comment `$&`, expected an HTML comment, `<!-- … -->`, which the output leaves out: this text would be published as written'},
  // GitHub's and Slack's `:warning:`: a name gemoji knows, so that `:term[…]` or `12:30:15` never match.
  {
    id: 'emoji-shortcode',
    pattern: /(?<![\p{L}\p{N}_:]):([a-z0-9_+-]+):(?![\p{L}\p{N}_:])/gu,
    when: (match) => Object.hasOwn(nameToEmoji, match[1]!),
    message: (match) => `Unexpected emoji shortcode \`${match[0]}\`, expected the character itself, ${nameToEmoji[match[1]!]}, if the report's fonts have it (the build reports a character they lack), or a word: it prints as written`
  },
  // LaTeX in the prose (a paragraph of commands alone is reported apart, and left out): Pandoc
  // drops it from HTML as raw TeX; Markdown prints it as written. A command with an argument, a
  // `\\begin{…}` or `\\end{…}`, or one of the few writers type bare; never a Windows path's `\\Users`.
  {
    id: 'latex-command',
    pattern: /(?<![\\\w])\\(?:(?:begin|end)\{[A-Za-z*]+\}|[A-Za-z]+\*?(?:\{[^{}\n]*\}|\[[^\]\n]*\])+|(?:og|fg|ldots|dots|newline|linebreak|noindent|hfill|LaTeX|TeX|today|euro)\b(?:\{\})?)/gu,
    message: (match) => `Unexpected LaTeX \`${match[0]}\`, expected ${latexInstead(match[0])}: it prints as written`
  },
  // `&nbsp` without its `;`, or a name HTML does not have: Markdown prints either as written.
  {
    id: 'character-reference',
    pattern: /(?<!\\)&([A-Za-z][A-Za-z\d]{1,31})(;?)/gu,
    when: (match) => (match[2] ? !Object.hasOwn(characterEntities, match[1]!) : Object.hasOwn(characterEntities, match[1]!)),
    message: (match) => (match[2] ? `Unexpected character reference \`${match[0]}\`, expected one HTML names (\`&nbsp;\`, \`&eacute;\`) or the character itself: it prints as written` : `Unexpected \`${match[0]}\` without its \`;\`, expected \`${match[0]};\`: it prints as written`)
  }
]

/** A whole paragraph that means something to Pandoc or LaTeX and nothing here. */
export const blockSyntaxes: readonly UnsupportedSyntax[] = [
  // Pandoc's fancy lists, as a conversion from Word brings them: `a.  Sous-étape`, `b)`, `(c)`, `ii.`,
  // at the start of a paragraph (a list does not interrupt one, in Pandoc either: a hard-wrapped
  // line starting `p. 142]` is the paragraph's text); not `p.` or `v.` (page, versus).
  {id: 'lettered-list', pattern: /^[ \t]*(?:\((?:[a-oq-uw-z]|[ivx]{1,4})\)|(?:[a-oq-uw-z]|[ivx]{1,4})[.)])[ \t]+(?=\S)/gu, message: (match) => letteredMessage(match[0].trim(), 'it prints as a paragraph')},
  // A fence whose attributes hold quotes Markdown does not read is `attribute-quotes`'s, which says which.
  {id: 'fenced-div', pattern: /^:{3,}.*$/gmu, when: (match) => !hasMisquotedAttributes(match[0]), message: (match) => `Unexpected fence \`${match[0].trim()}\` that opens or closes nothing, expected \`::: {.class}\` (or \`:::name\` for a directive) on the line that opens a block, and \`:::\` alone on the line that closes it${/^:+[ \t]*$/u.test(match[0]) ? ': it is left out' : ''}`},
  // Definition lists are read (parse/definition-list.ts), but not every form Pandoc reads: a
  // definition line left in a paragraph is one of those (`~` as the marker, or in a list item or
  // a footnote). Only right after a one-line term, as Pandoc reads one: further down a paragraph,
  // a line starting with `: ` is a hard-wrapped sentence (French spaces its colons), and Pandoc
  // reads it as text too.
  {id: 'definition-list', pattern: /(?<=^[^\n]*\n[ \t]*)[:~][ \t]+\S[^\n]*|^[ \t]*~[ \t]+\S[^\n]*/gu, message: 'Unexpected definition `$&` read as text, expected a definition list as rapporteur reads it: the term on its own line, then `: définition` (not `~`), outside list items and footnotes'},
  {id: 'line-block', pattern: /^\|[ \t].*$/gmu, message: 'Unexpected line block `$&`, expected lines ending with a backslash (`\\`) for line breaks, or a table with a separator row'},
  // Python-Markdown's and MkDocs's admonitions (`???` folds one up in MkDocs Material).
  {id: 'admonition', pattern: /^(?:!!!|\?\?\?\+?)[ \t]+[\w-]+(?:[ \t]+"[^"\n]*")?/gmu, message: 'Unexpected admonition `$&` (MkDocs), expected a callout, `::: {.callout-note title="…"}` then its text and `:::`, or `> [!NOTE]`: it prints as a paragraph, marker and all (and its indented text as code, after a blank line)'},
  // PHP Markdown Extra's and MkDocs's abbreviations.
  {id: 'abbreviation', pattern: /^\*\[[^\]\n]+\]:.*$/gmu, message: 'Unexpected abbreviation `$&` (MkDocs, Markdown Extra), expected an entry in `glossary.yaml` and `:term[…]` where the text uses it: it prints as written'}
]

/**
 * What a lettered item says: what to write instead, how to keep its letter as written (a statute
 * quoted, whose `(a)` is part of the text), and what Markdown makes of it.
 */
function letteredMessage(marker: string, outcome: string): string {
  return `Unexpected lettered list item \`${marker}\`, expected a numbered list (\`1.\` or \`1)\`, printed 1, 2, 3 with its \`.\` or \`)\`) or a bullet list (\`-\`), or, to keep the letter as written (a law or a text quoted), \`${escapedMarker(marker)}\`, which prints \`${marker}\`: Markdown has no lists by letter or Roman numeral (Pandoc's fancy lists), so ${outcome}`
}

/** A lettered marker with the backslash that makes it text: `\(a)`, `a\)`, `ii\.`. */
function escapedMarker(marker: string): string {
  return marker.startsWith('(') ? `\\${marker}` : `${marker.slice(0, -1)}\\${marker.slice(-1)}`
}

/** A lettered item's marker at a line's start, after a quotation's `>`: `a)`, `b.`, `(c)`, `ii.`; not `p.` or `v.` (page, versus). */
const letteredLine = /^((?:[ \t]*>)*[ \t]*)(\((?:[a-oq-uw-z]|[ivx]{1,4})\)|(?:[a-oq-uw-z]|[ivx]{1,4})[.)])[ \t]+(?=\S)/u

/**
 * Lettered items on the lines of a paragraph after its first (which `lettered-list` reads), the
 * first of each run: Markdown joins them to the line above (`2. former les professionnels : a) les
 * enseignants ; b) …` on one line), where Pandoc reads a list. In a list item, any such line (a
 * list there needs no blank line before it, in Pandoc); elsewhere one after a line ending with
 * `:` or `;`, or followed by another: a hard-wrapped line starting `c. 1900` is text.
 */
export function letteredLines(source: string, inListItem: boolean): Array<{index: number; length: number; message: string}> {
  const found: Array<{index: number; length: number; message: string}> = []
  const lines = source.split('\n')
  const markers = lines.map((line) => letteredLine.exec(line))
  let offset = lines[0]!.length + 1
  for (let index = 1; index < lines.length; index++) {
    const marker = markers[index]
    const previous = lines[index - 1]!
    if (marker && !markers[index - 1] && (inListItem || /[:;][ \t]*$/u.test(previous) || markers[index + 1])) {
      found.push({index: offset + marker[1]!.length, length: marker[2]!.length, message: letteredMessage(marker[2]!, `this line is joined to the one above it${inListItem ? ' (a list under an item: `1.` indented as far as the item’s text)' : ''}`)})
    }
    offset += lines[index]!.length + 1
  }
  return found
}

/** Quarto's cross-reference prefixes, those rapporteur numbers (`@fig-x`, `@Fig-x`) and the others (`@eq-x`, `@thm-x`), as the parser knows them. */
export const quartoReference = new RegExp(`${crossReferencePrefix.source}|${otherCrossReferencePrefix.source}`, 'u')

/** What to write instead of a LaTeX command, by its name. */
function latexInstead(command: string): string {
  const name = /^\\([A-Za-z]+)/u.exec(command)?.[1] ?? ''
  if (/^(?:[a-z]*cite[a-z]*)$/u.test(name)) return 'a citation, `[@key]` (or `@key` in the sentence)'
  if (/^(?:ref|eqref|autoref|cref|Cref|pageref|nameref)$/u.test(name)) return '`:ref[#id]`, or `@fig-…`, `@tbl-…`, `@sec-…`'
  if (name === 'label') return '`{#id}` right after the heading, the image or the table caption'
  if (name === 'footnote') return 'an inline note, `^[the note’s text]`'
  if (name === 'emph' || name === 'textit') return '`*texte*`'
  if (name === 'textbf') return '`**texte**`'
  if (name === 'texttt') return '`` `code` ``'
  if (name === 'url') return 'the address itself, or `<https://…>`'
  if (name === 'href') return '`[texte](https://…)`'
  if (name === 'og' || name === 'fg') return '« and » themselves (or straight quotes, made French in print)'
  if (name === 'textsuperscript') return '`^texte^`'
  if (name === 'textsubscript') return '`~texte~`'
  if (name === 'includegraphics') return 'an image, `![caption](file.png)`'
  if (/^(?:chapter|section|subsection|subsubsection|paragraph)$/u.test(name)) return 'a Markdown heading, `#` to `####`'
  if (name === 'ldots' || name === 'dots') return '`…` (or `...`)'
  if (name === 'begin' || name === 'end') return 'Markdown: a pipe table, a list, a `::: {.class}` div or `$$…$$` maths'
  return 'Markdown'
}
