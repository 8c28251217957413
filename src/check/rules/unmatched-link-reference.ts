import type {Definition} from 'mdast'
import {positionFromOffsets} from '../../diagnostics/location.js'
import type {Located, MarkdownDocument} from '../../model/types.js'
import {eachNode} from '../each-node.js'
import {defineRule} from '../rule.js'
import {didYouMean} from '../../diagnostics/suggest.js'

/**
 * The end of a full or collapsed reference left as text, `][label]` or `][]`: the parser makes a
 * link of `[text][label]` only when its file defines `[label]: address`, so one without a
 * definition stays in a text node as written. Not after a backslash (`\]` is meant as text), nor
 * for a label starting with `^` (a footnote call: unmatched-footnote) or followed by `(` or `:`.
 */
const referenceEndAsText = /(?<!\\)\]\[([^\]\[^][^\][]*)?\](?![(:])/gu

export const unmatchedLinkReference = defineRule({
  id: 'unmatched-link-reference',
  severity: 'warning',
  summary: 'A link or image written by reference, `[text][label]`, has a definition `[label]: address` in its file.',
  docs: `Markdown lets a link name its address elsewhere: \`[le rapport][rapport-2024]\` in the
text, and a line \`[rapport-2024]: https://…\` anywhere in the same file (\`[le rapport][]\` uses
the text as the label; \`![Carte][carte]\` is an image). When the file has no definition of that
label, Markdown prints the whole thing as written, brackets and all, \`![Carte][carte]\` included,
without a word; a second definition of a label is left out, the first one counts. \`check\` reports
both at their place, with the closest label the file defines. Labels are compared as Markdown
compares them, whatever their case and spacing; a definition in another chapter does not count
(each file is read on its own).

A lone \`[texte]\` is not reported: brackets around words are ordinary prose (\`[sic]\`,
\`[…]\`), and Markdown prints them as written unless \`[texte]: …\` is defined. Write \`\\]\` for
a bracket that closes words followed by another bracket on purpose.`,
  examples: {
    ok: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024], selon [le rapport][Rapport 2024] et [Thorn][].\n\n[rapport 2024]: https://example.org/rapport\n[thorn]: https://example.org/thorn\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] [sic], écrit \\[texte\\]\\[x\\] en toutes lettres.\n'}
    ],
    notOk: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024], selon [le rapport][rapport-2024].\n\n[rapport-2023]: https://example.org/rapport\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Carte des signalements][carte]\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024], selon [le rapport][r].\n\n[r]: https://example.org/a\n[R]: https://example.org/b\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      for (const finding of unmatchedLinkReferences(document)) report(finding, finding.message)
    }
  }
})

/** The references left as text and the second definitions of one file, in file order. */
export function unmatchedLinkReferences(document: MarkdownDocument): Array<Located & {message: string}> {
  const text = String(document.file.value)
  const findings: Array<Located & {message: string; offset: number}> = []
  const definitions = new Map<string, Definition>()
  const asText: Array<{start: number; end: number; label: string}> = []
  eachNode(document.tree, (node) => {
    if (node.type === 'definition') {
      const first = definitions.get(node.identifier)
      if (!first) definitions.set(node.identifier, node)
      else {
        const start = node.position?.start.offset ?? 0
        const label = `[${node.label ?? node.identifier}]`
        const line = first.position?.start.line
        findings.push({
          file: document.path,
          position: text.startsWith(label, start) ? positionFromOffsets(document.file, start, start + label.length) : node.position!,
          offset: start,
          message: `Unexpected second definition of the link label \`${label}\`, expected one definition per label: the first${line ? ` (line ${line})` : ''} is the address, this one is left out`
        })
      }
    } else if (node.type === 'text' && node.value.includes('][')) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      // Matched in the source, where a backslash before the bracket still shows.
      for (const match of text.slice(start, end).matchAll(referenceEndAsText)) {
        const close = start + match.index
        const open = openingBracket(text, close)
        if (open === undefined) continue
        const from = open > 0 && text[open - 1] === '!' && text[open - 2] !== '\\' ? open - 1 : open
        asText.push({start: from, end: close + match[0].length, label: match[1] ?? text.slice(open + 1, close)})
      }
    }
  })
  for (const reference of asText) {
    if (definitions.has(identifier(reference.label))) continue
    const written = text.slice(reference.start, reference.end)
    const what = written.startsWith('!') ? 'image' : 'link'
    const known = [...definitions.values()].map((definition) => definition.label ?? definition.identifier)
    findings.push({
      file: document.path,
      position: positionFromOffsets(document.file, reference.start, reference.end),
      offset: reference.start,
      message: `Unexpected ${what} \`${oneLine(written)}\` whose label \`[${oneLine(reference.label)}]\` has no definition in this file, expected a line \`[${oneLine(reference.label)}]: address\` in ${document.path}${didYouMean(reference.label, known)}: it prints as written`
    })
  }
  return findings.sort((a, b) => a.offset - b.offset).map(({offset: _, ...finding}) => finding)
}

/** How micromark keys a label (micromark-util-normalize-identifier), lower-cased as mdast does. */
function identifier(label: string): string {
  return label.replace(/[\t\n\r ]+/gu, ' ').replace(/^ | $/gu, '').toLowerCase().toUpperCase().toLowerCase()
}

/**
 * The `[` that the `]` at `close` ends, brackets balanced and escaped ones skipped, within its
 * paragraph (a blank line stops the search); undefined when there is none.
 */
function openingBracket(text: string, close: number): number | undefined {
  let depth = 0
  for (let at = close - 1; at >= 0; at--) {
    const char = text[at]
    if (char === '\n' && /\n[\t ]*$/u.test(text.slice(Math.max(0, at - 80), at))) return undefined
    if ((char !== '[' && char !== ']') || escaped(text, at)) continue
    if (char === ']') depth++
    else if (depth === 0) return at
    else depth--
  }
  return undefined
}

/** Whether the character at `at` follows an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let slashes = 0
  for (let i = at - 1; i >= 0 && text[i] === '\\'; i--) slashes++
  return slashes % 2 === 1
}

function oneLine(value: string): string {
  return value.replace(/\s*\n\s*/gu, ' ')
}
