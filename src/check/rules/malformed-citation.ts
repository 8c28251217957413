import type {Nodes, Parent} from 'mdast'
import type {Position} from 'unist'
import {visitParents} from 'unist-util-visit-parents'
import {location} from 'vfile-location'
import type {Citation} from '../../parse/citation/types.js'
import {splitLocator} from '../../parse/citation/index.js'
import {connectorAtEnd} from '../../parse/citation/connector.js'
import {defineRule} from '../rule.js'

/** Sources of the examples: two, so that a citation of two works reads as one. */
const sources = `- id: enquete-2024
  type: survey
  title: Enquête nationale
  author: Observatoire
  date: 2024
- id: rapport-2023
  type: report
  title: Rapport annuel
  author: Observatoire
  date: 2023
`

/** Longest bracket looked at around a key, in characters. */
const maxBracket = 300

export const malformedCitation = defineRule({
  id: 'malformed-citation',
  severity: 'warning',
  summary: 'Bracketed text that looks like a citation but is not one, with what was probably meant.',
  docs: `A citation that does not follow Pandoc's syntax is not an error of the parser: it stays text
printed as written, becomes a link, or cites fewer works than meant (\`[@a, @b]\` cites \`a\`, with
\`@b\` in its suffix). This rule finds brackets that hold a key and did not make the citation they
seem meant to be, and says what was probably meant:

- \`[@a, @b]\`, \`[@a et @b]\`, \`[@a and @b]\`: works are separated by \`;\`: \`[@a; @b]\`.
- \`[@a; p. 12]\`: the locator belongs to its work, after a comma: \`[@a, p. 12]\`.
- \`[@ a]\`, where \`a\` is a key of the registry: no space after \`@\`: \`[@a]\`.
- \`cité[@doe][^2]\`: a bracket right before \`[\`, \`(\` or \`{\` is read as a link, so the citation
  glued to a footnote call is lost: \`cité[@doe] [^2]\`.
- \`[@a](https://…)\`, \`[see @a](https://…)\`: a key of the registry in the text of a link is not a
  citation of that work.

It is a warning, not an error: it guesses from the look of the text, and a bracket may hold an
\`@\` for another reason (a handle in a link's text is left alone when no source has that key).
E-mail addresses and \`\\@\` are never reported.`,
  examples: {
    ok: [
      {
        'sources.yaml': sources,
        'chapters/intro.md':
          'Un constat [@enquete-2024; @rapport-2023, p. 3] sur la :term[sextorsion], repris par @rapport-2023 [p. 12, cité par @enquete-2024].\n\nÉcrire à [contact@exemple.org](mailto:contact@exemple.org) ou [\\@FondationExemple](https://exemple.org/fondation).\n'
      }
    ],
    notOk: [
      {'sources.yaml': sources, 'chapters/intro.md': 'Un constat [@enquete-2024, @rapport-2023] sur la :term[sextorsion].\n'},
      {'sources.yaml': sources, 'chapters/intro.md': 'Un constat [@enquete-2024 et @rapport-2023] sur la :term[sextorsion].\n'},
      {'sources.yaml': sources, 'chapters/intro.md': 'Un constat [@enquete-2024; p. 12] sur la :term[sextorsion]. [@rapport-2023]\n'},
      {'sources.yaml': sources, 'chapters/intro.md': 'Un constat [@ enquete-2024] sur la :term[sextorsion]. [@rapport-2023]\n'},
      {
        'sources.yaml': sources,
        'chapters/intro.md': 'Un constat cité[@enquete-2024][^1] sur la :term[sextorsion]. [@rapport-2023]\n\n[^1]: Une note.\n'
      },
      {'sources.yaml': sources, 'chapters/intro.md': 'Un constat [@enquete-2024](https://exemple.org) sur la :term[sextorsion]. [@rapport-2023]\n'}
    ]
  },
  check({model, report}) {
    const known = new Set(model.sources.map((entry) => entry.value.id))

    for (const document of model.documents) {
      const source = String(document.file.value)
      const place = location(document.file)
      const at = (start: number, end: number) => {
        const position: Position = {start: place.toPoint(start) ?? {line: 1, column: 1}, end: place.toPoint(end) ?? {line: 1, column: 1}}
        return {file: document.path, position}
      }
      const offsets = (node: {position?: Position | undefined}) => [node.position?.start.offset, node.position?.end.offset] as const
      /** Brackets already reported, by the offset of their `[`. */
      const reported = new Set<number>()

      visitParents(document.tree, (node, ancestors) => {
        if (node.type === 'citation') {
          suffixKeys(node)
          if (node.syntax === 'bracketed') return
          const link = ancestors.findLast(isLink)
          if (link) linkText(node, link)
          else failedBracket(node)
          return
        }
        if (node.type === 'text' && !ancestors.some(isLink)) spaceAfterAt(node)
      })

      /** `[@a, @b]`, `[@a et @b]`: a key in the suffix of another, with only a connector between. */
      function suffixKeys(node: Citation): void {
        const [start, end] = offsets(node)
        if (start === undefined || end === undefined) return
        const edits: Array<{from: number; to: number}> = []
        const nested: string[] = []
        for (const item of node.items) {
          let from = item.position.end.offset ?? start
          for (const inner of citationsIn(item.suffixChildren)) {
            const [innerStart, innerEnd] = offsets(inner)
            if (innerStart === undefined || innerEnd === undefined || innerStart < from) continue
            const between = source.slice(from, innerStart)
            const connector = connectorAtEnd.exec(between)!
            // Only a connector, after the key or after its locator: `, citing @b` is a real suffix.
            // (After the `@a` of `@a [p. 3, @b]`, the text starts with the bracket.)
            if (splitLocator(between.slice(0, connector.index).replace(/^\s*\[/, '')).suffix === '') {
              edits.push({from: from + connector.index, to: innerStart})
              nested.push(`@${inner.items[0]!.key}`)
            } else {
              const key = `@${inner.items[0]!.key}`
              report(at(innerStart, innerEnd), `Unexpected citation \`${key}\` among the words of the suffix of \`@${item.key}\`, expected it outside the brackets (\`[@${item.key}], ${source.slice(from, innerStart).replace(/^[\s,]*/u, '')}${key}\`) or as a work of its own (\`[@${item.key}; ${key}]\`): a citation inside a citation is printed as written, \`${key}\``)
            }
            from = innerEnd
          }
        }
        if (edits.length === 0) return
        let suggestion = source.slice(start, end)
        for (const edit of edits.reverse()) {
          suggestion = suggestion.slice(0, edit.from - start) + '; ' + suggestion.slice(edit.to - start)
        }
        reported.add(start)
        report(at(start, end), `Unexpected ${list(nested)} in the suffix of \`@${node.items[0]!.key}\`: the works of a citation are separated by \`;\`, expected \`${suggestion}\`, as it is printed`)
      }

      /** `[@a](url)`, `[see @a](url)`: a key of the registry in the text of a link. */
      function linkText(node: Citation, link: Nodes): void {
        const key = node.items[0]!.key
        if (!known.has(key)) return
        const [start, end] = offsets(link)
        if (start === undefined || end === undefined || reported.has(start)) return
        reported.add(start)
        const text = source.slice(start, end)
        const whole = /^\[\s*-?@[^\]\s]+\s*\]/.exec(text)
        const meant = whole ? `expected \`${whole[0]}\` apart from the link: a bracket right before \`(\` or \`[\` is read as a link` : `expected the citation \`[@${key}]\` outside the text of the link`
        report(at(start, end), `Unexpected citation key \`@${key}\` in the text of a link, which does not cite it: ${meant}`)
      }

      /** `[@a; p. 12]`, `cité[@doe][^2]`: a bracket around an in-text key that made no citation. */
      function failedBracket(node: Citation): void {
        const [start, end] = offsets(node)
        if (start === undefined || end === undefined) return
        const open = openingBracket(start)
        const close = closingBracket(end)
        if (open === undefined || close === undefined || reported.has(open)) return
        const bracket = source.slice(open, close + 1)
        const next = source.slice(close + 1, close + 3)
        let meant: string | undefined
        if (next.startsWith('[^')) {
          const call = /^\[\^[^\]\s]+\]/.exec(source.slice(close + 1))?.[0] ?? '[^…]'
          meant = `a citation glued to the footnote call \`${call}\` is read as a link, expected \`${bracket} ${call}\``
        } else if (/^[[({]/.test(next)) {
          meant = `a bracket right before \`${next[0]}\` is read as a link or a span, not a citation, expected a space between them: \`${bracket} ${next[0]}…\``
        } else {
          const fixed = withoutKeylessItems(bracket)
          if (fixed !== bracket) meant = `every item between \`;\` needs its key, and a locator follows its key after a comma: expected \`${fixed}\``
        }
        if (!meant) return
        reported.add(open)
        report(at(open, close + 1), `Unexpected \`${bracket}\`, which is not a citation: ${meant}`)
      }

      /** `[@ a]`: a space after `@`. */
      function spaceAfterAt(node: Nodes): void {
        const [start, end] = offsets(node)
        if (start === undefined || end === undefined) return
        const text = source.slice(start, end)
        for (const match of text.matchAll(/\[([^[\]@]*?)@[ \t\u00a0]+([\p{L}\p{N}_][^[\]\s;,]*)([^[\]]*)\]/gu)) {
          const offset = start + match.index
          // Only a key of the registry: `[contact @ exemple.org]` is an address written for people.
          if (source[offset - 1] === '\\' || reported.has(offset) || !known.has(match[2]!)) continue
          reported.add(offset)
          const meant = `[${match[1]}@${match[2]}${match[3]}]`
          report(at(offset, offset + match[0].length), `Unexpected space after \`@\` in \`${match[0]}\`, which is not a citation: expected \`${meant}\``)
        }
      }

      /** The `[` before an in-text key, on its paragraph, with no bracket between. */
      function openingBracket(from: number): number | undefined {
        for (let index = from - 1; index >= 0 && from - index <= maxBracket; index--) {
          const char = source[index]
          if (char === ']') return undefined
          if (char === '\n' && source[index - 1] === '\n') return undefined
          if (char === '[') return source[index - 1] === '\\' ? undefined : index
        }
        return undefined
      }

      /** The `]` after an in-text key, on its paragraph, with no `[` between. */
      function closingBracket(from: number): number | undefined {
        for (let index = from; index < source.length && index - from <= maxBracket; index++) {
          const char = source[index]
          if (char === '[') return undefined
          if (char === '\n' && source[index + 1] === '\n') return undefined
          if (char === ']') return source[index - 1] === '\\' ? undefined : index
        }
        return undefined
      }
    }
  }
})

function isLink(node: Nodes | Parent): boolean {
  return node.type === 'link' || node.type === 'linkReference'
}

/** In-text citations among phrasing nodes, at any depth. */
function citationsIn(nodes: readonly Nodes[]): Citation[] {
  const found: Citation[] = []
  for (const node of nodes) {
    if (node.type === 'citation') {
      if (node.syntax === 'in-text') found.push(node)
    } else if ('children' in node) found.push(...citationsIn(node.children))
  }
  return found
}

/**
 * A bracket with its keyless items put right: `[@a; p. 12]` → `[@a, p. 12]`, `[@a;]` → `[@a]`.
 * Items are split at `;`; an item without an `@key` joins the one before it, after a comma.
 */
function withoutKeylessItems(bracket: string): string {
  const items = bracket.slice(1, -1).split(';')
  const kept: string[] = []
  for (const item of items) {
    const hasKey = /(?:^|[^\p{L}\p{N}.])-?@[\p{L}\p{N}_{]/u.test(item)
    if (hasKey || kept.length === 0) kept.push(item)
    else if (item.trim()) kept[kept.length - 1] = kept[kept.length - 1]!.trimEnd() + ', ' + item.trim()
  }
  return '[' + kept.join(';') + ']'
}

function list(keys: string[]): string {
  return keys.map((key) => `\`${key}\``).join(', ')
}
