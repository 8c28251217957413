import type {FootnoteDefinition, Nodes} from 'mdast'
import {positionFromOffsets} from '../../diagnostics/location.js'
import type {Located, MarkdownDocument} from '../../model/types.js'
import {eachNode} from '../each-node.js'
import {defineRule} from '../rule.js'

/**
 * `[^label]` left as text: the parser reads a call only when its file defines the label, so a
 * call without a definition stays in a text node as written. Not after a backslash (`\[^x]` is
 * meant as text), nor before `(`, `[` or `:` (a link's text, a reference, a definition).
 */
const callAsText = /(?<!\\)\[\^([^\]\s]+)\](?![([:])/gu

export const unmatchedFootnote = defineRule({
  id: 'unmatched-footnote',
  severity: 'warning',
  summary: 'Each footnote call `[^label]` has one definition `[^label]: …` in its file, and each definition a call.',
  docs: `A footnote is a call in the text, \`[^1]\`, and a definition on a line of its own, \`[^1]: the
note's text\`, in the same file (as in Pandoc and GFM; the label is any word). When they do not pair
up, Markdown drops something without a word, and so would the report:
- a call whose file has no definition of its label prints as written, \`[^1]\` in the text (a
  definition in another chapter does not count: each file is read on its own);
- a definition no call uses is left out of the output, its text with it;
- a second definition of a label is left out: the first is the note's text;
- a second call of a label prints the first call's number again, pointing back to a note that, in
  print, may be pages before, and notes citing the same source after it read "ibid." of another one.

\`check\` reports each at its place. Labels are compared as Markdown compares them, whatever their
case. Write \`\\[^1]\` for the characters themselves.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse[^1], écrit \\[^1] en toutes lettres.\n\n[^1]: Selon une enquête [@enquete-2024].\n'}],
    notOk: [
      {'chapters/intro.md': 'La :term[sextorsion] progresse[^1] [@enquete-2024].\n\n[^2]: Selon une enquête.\n'},
      {'chapters/intro.md': 'La :term[sextorsion] progresse[^1].\n\n[^1]: Selon une enquête [@enquete-2024].\n[^1]: Selon une autre.\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      for (const finding of unmatchedFootnotes(document)) report(finding, finding.message)
    }
  }
})

/** The footnote calls and definitions of one file that do not pair up, in file order. */
export function unmatchedFootnotes(document: MarkdownDocument): Array<Located & {message: string}> {
  const text = String(document.file.value)
  const findings: Array<Located & {message: string; offset: number}> = []
  const definitions = new Map<string, FootnoteDefinition>()
  const called = new Set<string>()
  const asText: Array<{label: string; start: number; end: number}> = []
  const firstCall = new Map<string, Nodes>()
  eachNode(document.tree, (node) => {
    if (node.type === 'footnoteReference') {
      called.add(node.identifier)
      const first = firstCall.get(node.identifier)
      if (!first) firstCall.set(node.identifier, node)
      else if (node.position?.start.offset !== undefined) {
        const line = first.position?.start.line
        findings.push({file: document.path, position: node.position, offset: node.position.start.offset, message: `Unexpected second call of the footnote \`[^${node.label ?? node.identifier}]\`${line ? ` (first at line ${line})` : ''}, expected one call a note: it prints the first call's number again, its note where the first call is (in print, maybe pages before); write a second note, or refer to the first in words`})
      }
    }
    else if (node.type === 'footnoteDefinition') {
      const first = definitions.get(node.identifier)
      if (!first) definitions.set(node.identifier, node)
      else {
        const line = first.position?.start.line
        findings.push({...at(node), message: `Unexpected second definition of the footnote \`[^${node.label ?? node.identifier}]\`, expected one definition per label: the first${line ? ` (line ${line})` : ''} is the note's text, this one is left out`})
      }
    } else if (node.type === 'text' && node.value.includes('[^')) {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      if (start === undefined || end === undefined) return
      // Matched in the source, where a backslash before the bracket still shows.
      for (const match of text.slice(start, end).matchAll(callAsText)) asText.push({label: match[1]!, start: start + match.index, end: start + match.index + match[0].length})
    }
  })
  for (const call of asText) {
    // As mdast-util-gfm-footnote keys a label (micromark's normalizeIdentifier, then lower case).
    const identifier = call.label.toLowerCase().toUpperCase().toLowerCase()
    if (definitions.has(identifier)) continue
    const position = positionFromOffsets(document.file, call.start, call.end)
    findings.push({file: document.path, position, offset: call.start, message: `Unexpected footnote call \`[^${call.label}]\` with no definition in this file, expected a line \`[^${call.label}]: the note's text\` in ${document.path}: it prints as written`})
  }
  for (const [identifier, definition] of definitions) {
    if (called.has(identifier)) continue
    findings.push({...at(definition), message: `Unexpected footnote \`[^${definition.label ?? identifier}]\` that no call uses, expected a call \`[^${definition.label ?? identifier}]\` in the text of ${document.path}: the note is left out`})
  }
  return findings.sort((a, b) => a.offset - b.offset).map(({offset: _, ...finding}) => finding)

  function at(node: Nodes): Located & {offset: number} {
    const position = node.position ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
    // The label only (`[^1]:`), not the whole definition.
    const start = position.start.offset ?? 0
    const label = node.type === 'footnoteDefinition' ? `[^${node.label ?? node.identifier}]` : ''
    return {file: document.path, position: label && text.startsWith(label, start) ? positionFromOffsets(document.file, start, start + label.length) : position, offset: start}
  }
}
