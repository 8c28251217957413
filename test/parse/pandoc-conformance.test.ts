/**
 * Conformance with Pandoc's citation parser: 168 snippets from Pandoc's own tests and manual, with
 * what Pandoc 3 parses in each (`/work/shared/conformance/pandoc-cites/oracle.json`, read from
 * `../shared` beside the repository; see its README). Each snippet goes through `parseMarkdown`,
 * the project's full dialect (GFM, directives, front matter, citations); its citation items, in
 * document order, must match Pandoc's: key, mode, prefix, and locator with suffix as rendered text.
 *
 * The snippets that differ on purpose are listed in `differences`, each with its reason, and in
 * `src/parse/citation/README.md`.
 */
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import type {FootnoteDefinition, Nodes, PhrasingContent} from 'mdast'
import {toString} from 'mdast-util-to-string'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {locatorAndSuffix} from '../../src/parse/citation/index.js'
import {parseMarkdown} from '../../src/parse/markdown.js'

const folder = path.resolve(import.meta.dirname, '../../../shared/conformance/pandoc-cites')
const present = existsSync(path.join(folder, 'oracle.json'))

interface OracleItem {
  key: string
  mode: string
  prefix: string
  suffix: string
  inNote: boolean
}

/** Snippets where this parser and Pandoc disagree, on purpose or by limitation. */
const differences = new Map<string, string>([
  [
    '136-Markdown-hs-575.md',
    'Pandoc’s implicit header references are not part of the dialect: in `# Header` … `@cita [Header]`, `[Header]` is not a link, so it is the suffix of the in-text citation'
  ]
])

/** What is compared: the oracle's fields but `inNote`, which is collected and shown only. */
interface Compared {
  key: string
  mode: string
  prefix: string
  suffix: string
}

describe.skipIf(!present)(
  present ? 'Pandoc citation conformance' : 'Pandoc citation conformance: skipped, ../shared/conformance/pandoc-cites (beside the repository) is absent',
  () => {
    const oracle = present ? (JSON.parse(readFileSync(path.join(folder, 'oracle.json'), 'utf8')) as {snippets: Record<string, OracleItem[]>}) : {snippets: {}}
    const files = Object.keys(oracle.snippets).sort()
    const results = new Map<string, boolean>()

    test('the oracle has its 168 snippets', () => {
      expect(files).toHaveLength(168)
    })

    test.each(files)('%s', (file) => {
      const source = readFileSync(path.join(folder, file), 'utf8')
      const ours = collect(source).map(compared)
      const theirs = oracle.snippets[file]!.map(fromOracle)
      const same = JSON.stringify(ours) === JSON.stringify(theirs)
      results.set(file, same)
      const reason = differences.get(file)
      if (reason) {
        // Listed as different: keep the list honest once the parser catches up.
        expect(same, `${file} now matches Pandoc: remove it from the differences (${reason})`).toBe(false)
      } else {
        expect(ours, `${file}\n${source}`).toEqual(theirs)
      }
    })

    test('at least 167 of 168 snippets match Pandoc', () => {
      const matching = [...results.values()].filter(Boolean).length
      console.info(`Pandoc citation conformance: ${matching}/${files.length} snippets match`)
      expect(matching).toBeGreaterThanOrEqual(167)
    })
  }
)

/** Citation items of a document in Pandoc's order: a footnote's items where it is first called. */
function collect(source: string): Array<Compared & {inNote: boolean}> {
  const tree = parseMarkdown(new VFile(source))
  const definitions = new Map<string, FootnoteDefinition>()
  for (const node of tree.children) if (node.type === 'footnoteDefinition') definitions.set(node.identifier, node)
  const visited = new Set<string>()
  const items: Array<Compared & {inNote: boolean}> = []
  walk(tree, false)
  return items

  function walk(node: Nodes, inNote: boolean): void {
    if (node.type === 'footnoteDefinition') return
    if (node.type === 'citation') {
      for (const item of node.items) {
        items.push({
          key: item.key,
          mode: item.mode,
          prefix: render(item.prefixChildren),
          suffix: normalize(locatorAndSuffix(item, toString(item.suffixChildren))),
          inNote
        })
      }
      return
    }
    if (node.type === 'footnoteReference') {
      const definition = definitions.get(node.identifier)
      if (definition && !visited.has(node.identifier)) {
        visited.add(node.identifier)
        for (const child of definition.children) walk(child, true)
      }
      return
    }
    // An inline note's items are in a note, where Pandoc reads them (inline notes are in place).
    if ('children' in node) for (const child of node.children) walk(child, inNote || node.type === 'inlineNote')
  }
}

function compared({key, mode, prefix, suffix}: Compared): Compared {
  return {key, mode, prefix, suffix}
}

/**
 * Pandoc's suffix holds the locator with the comma before it (`, p. 33`); a locator in braces
 * (`{pp. iv, vi}`) keeps its braces there, for citeproc to take off. Read it as this parser
 * splits items: without the comma, braces taken off, locator and suffix joined again.
 */
function fromOracle(item: OracleItem): Compared {
  let suffix = withoutComma(normalize(item.suffix))
  const close = suffix.startsWith('{') ? closingBrace(suffix) : undefined
  if (close !== undefined) {
    const locator = normalize(suffix.slice(1, close))
    const rest = normalize(suffix.slice(close + 1))
    suffix = locator ? locatorAndSuffix({locator, suffix: rest}) : withoutComma(rest)
  }
  return {key: item.key, mode: item.mode, prefix: normalize(item.prefix), suffix}
}

function render(children: PhrasingContent[]): string {
  return normalize(toString(children))
}

/**
 * Fold what Pandoc's `smart` extension and rendering change: dashes from `--` and `---`, curly
 * quotes and apostrophes, the ellipsis, no-break spaces; then whitespace.
 */
function normalize(value: string): string {
  return value
    .replace(/---/g, '—')
    .replace(/--/g, '–')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/…/g, '...')
    .replace(/\s+/gu, ' ')
    .trim()
}

function withoutComma(value: string): string {
  return value.replace(/^,\s*/, '')
}

/** Index of the `}` closing the `{` at 0, with `{}` and `[]` balanced (citeproc's rule). */
function closingBrace(value: string): number | undefined {
  const stack: string[] = []
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!
    if (char === '{' || char === '[') stack.push(char === '{' ? '}' : ']')
    else if (char === '}' || char === ']') {
      if (stack.pop() !== char) return undefined
      if (stack.length === 0) return index
    }
  }
  return undefined
}
