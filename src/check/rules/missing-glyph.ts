import type {Nodes} from 'mdast'
import type {Position} from 'unist'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import {parseYaml, positionOfPath} from '../../parse/yaml.js'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {uncoveredPattern, type FontCoverage} from '../../model/glyphs.js'
import {defineRule} from '../rule.js'

/** Nodes whose text is not printed in the body or heading font: code, maths, raw HTML. */
const otherFont: ReadonlySet<string> = new Set(['code', 'inlineCode', 'math', 'inlineMath', 'html'])

export const missingGlyph = defineRule({
  id: 'missing-glyph',
  severity: 'warning',
  summary: "A character the theme's fonts cannot print is printed in another font, or as an empty box: say where.",
  docs: `The theme's fonts print Latin scripts: the default theme's faces cover Western and Central European
letters, punctuation, the euro sign and a few symbols. An emoji (\`⚠️\`), an arrow (\`→\`), a
mathematical sign (\`≥\`, \`≤\`), a check mark (\`✓\`), a ligature pasted from a PDF (\`ﬁ\`, for which
the message gives \`fi\`), or a letter of another script is
printed in some other font of the machine that builds the PDF, which looks out of place and changes
from one machine to the next, or as an empty box where it has none. The print's preflight notices
the fallback font in the PDF (\`preflight-missing-glyph\`) but cannot say which character; this rule
says where each is in the Markdown, before any build. The fonts are known by the \`unicode-range\` of
the theme's \`@font-face\` rules for the first family of \`--rp-font-body\` (text) and
\`--rp-font-heading\` (headings): a font with no such rule (one of the machine), or a face without a
range, is not checked. Code and maths are not checked (they have their own fonts). Write the word
(\`au moins\` for \`≥\`), a character the font has, or add a font that has it to the theme
(\`@font-face\` in \`theme/custom.css\`, docs/designers.md). Each character is reported once per file,
at its first place, with how many times the file has it. The glossary's terms and definitions are
checked too, at their field; so are the attributes blocks print (a stat's \`value\`, a viewpoint's
\`author\` and \`role\`, a recommendation's \`actors\`, and a callout's \`title\`, a Quarto callout's
too, in the heading font), what the notes and the bibliography print of each source cited (its title,
journal or website, publisher, names… in the text font, at the field in the registry), and what
\`rapporteur.yaml\` prints on the cover and in the running heads: the title, subtitle and editions'
titles (heading font), the organisation, authors and axes' labels (text font).`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024] : « 40 % » — c’est 1 € sur 5… `→ ≥` et $x \\geq 2$.\n'}],
    notOk: [
      {'chapters/intro.md': '## Les chiffres ⚠️\n\nLa :term[sextorsion] progresse [@enquete-2024] → chez les 15 ans et plus (≥ 15 ans), ≥ 10 % des cas.\n'},
      {'chapters/intro.md': ':::viewpoint{author="Dr Ōtsuka ✓" role="Psychiatre"}\nLa :term[sextorsion] progresse.\n:::\n\nUn constat [@enquete-2024].\n'},
      {'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête nationale → 2024\n  author: Observatoire\n  date: 2024\n', 'chapters/intro.md': '::: {.callout-note title="Agir → vite"}\nLa :term[sextorsion] progresse [@enquete-2024].\n:::\n'},
      {'rapporteur.yaml': 'title: Protéger les enfants → agir\norganisation: Fondation Exemple\nlang: fr\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n'}
    ]
  },
  check({model, report}) {
    const {body, heading} = model.glyphCoverage
    if (!body && !heading) return
    /** Each character of a printed string `font` lacks, once, at the place given. */
    const reportMissing = (text: string, font: FontCoverage, kind: 'heading' | 'text', place: {file: string; position: Position}) => {
      const characters = new Set<string>()
      missing(text, font, (character) => characters.add(character))
      for (const character of characters) report(place, message(character, font, kind, ''))
    }
    const checkAttributes = (node: ContainerDirective | LeafDirective | TextDirective, file: string) => {
      const places = (node.data as {position?: {attributes?: Record<string, Position | undefined>}} | undefined)?.position?.attributes
      for (const [name, value] of Object.entries(node.attributes ?? {})) {
        // A box's title is set in the heading font, as a heading is.
        const [font, kind] = name === 'title' && heading ? [heading, 'heading' as const] : [body, 'text' as const]
        if (!printedAttributes.has(name) || !value || !font) continue
        reportMissing(value, font, kind, {file, position: places?.[name] ?? node.position!})
      }
    }
    // Quarto's `::: {.callout-note title="…"}`: its title too, on the div's first line.
    const checkCalloutTitle = (node: Nodes, file: string) => {
      const title = node.type === 'fencedDiv' && node.attributes.classes.some((name) => name.startsWith('callout')) ? node.attributes.pairs.title : undefined
      const font = heading ?? body
      if (!title || !font) return
      reportMissing(title, font, heading ? 'heading' : 'text', {file, position: node.position!})
    }
    for (const document of model.documents) {
      const source = String(document.file.value)
      // Per character: its first place and how often the file has it.
      const found = new Map<string, {start: number; count: number; font: FontCoverage; node: 'heading' | 'text'}>()
      const visit = (node: Nodes, font: FontCoverage | undefined, kind: 'heading' | 'text') => {
        if (otherFont.has(node.type)) return
        // The attributes a block prints, at the attribute as written (one walk of the tree for both).
        if (node.type === 'containerDirective' || node.type === 'leafDirective' || node.type === 'textDirective') checkAttributes(node, document.path)
        if (node.type === 'fencedDiv') checkCalloutTitle(node, document.path)
        if (node.type === 'heading') [font, kind] = [heading, 'heading']
        if (node.type === 'text' && font) missing(node.value, font, (character) => {
          const seen = found.get(character)
          if (seen) return void seen.count++
          // The character's place in the source, not in the value (`\\`, `&nbsp;` change offsets).
          const from = node.position?.start.offset ?? 0
          const at = source.indexOf(character, from)
          found.set(character, {start: at === -1 || at > (node.position?.end.offset ?? 0) ? from : at, count: 1, font, node: kind})
        })
        if ('children' in node) for (const child of node.children as Nodes[]) visit(child, font, kind)
      }
      visit(document.tree, body, 'text')
      for (const [character, {start, count, font, node}] of found) {
        report({file: document.path, position: positionFromOffsets(document.file, start, start + character.length)}, message(character, font, node, count > 1 ? ` (${count} times in this file)` : ''))
      }
    }
    // rapporteur.yaml's words on the cover, in the running heads and the axes' legends.
    const configFile = model.files.get(model.configFile)
    if (configFile) {
      const source = parseYaml(configFile)
      const {config} = model
      const printed: Array<[PropertyKey[], string | undefined, FontCoverage | undefined, 'heading' | 'text']> = [
        [['title'], config.title, heading, 'heading'],
        [['subtitle'], config.subtitle, heading, 'heading'],
        ...(['full', 'synthesis'] as const).map((name): [PropertyKey[], string | undefined, FontCoverage | undefined, 'heading'] => [['editions', name, 'title'], config.editions[name]?.title, heading, 'heading']),
        [['organisation'], config.organisation, body, 'text'],
        ...(config.authors ?? []).map((author, index): [PropertyKey[], string, FontCoverage | undefined, 'text'] => [['authors', index], author, body, 'text']),
        ...config.axes.map((axis, index): [PropertyKey[], string, FontCoverage | undefined, 'text'] => [['axes', index, 'label'], axis.label, body, 'text'])
      ]
      for (const [at, value, font, kind] of printed) {
        if (!value || !font) continue
        reportMissing(value, font, kind, {file: configFile.path, position: positionOfPath(source, at)})
      }
    }
    if (!body) return
    // What the notes and the bibliography print of each source cited, in the text font, at its field.
    const cited = new Set([...model.citations.map((citation) => citation.key), ...model.stats.map((stat) => stat.source)])
    for (const entry of model.sources) {
      if (!cited.has(entry.value.id)) continue
      for (const [field, text] of printedSourceText(entry.value.csl as Record<string, unknown>)) {
        reportMissing(text, body, 'text', {file: entry.file, position: (entry.fields as Record<string, Position | undefined>)[field] ?? entry.position})
      }
    }
    // The glossary prints in the text font too, where `::glossary` stands: each term and definition, at its field.
    for (const entry of model.glossary) {
      for (const field of ['term', 'definition'] as const) {
        reportMissing(entry.value[field], body, 'text', {file: entry.file, position: entry.fields[field] ?? entry.position})
      }
    }
  }
})

/** The CSL variables a style prints as text (the names apart), whose glyphs the text font must have. */
const printedVariables = ['title', 'title-short', 'container-title', 'collection-title', 'publisher', 'publisher-place', 'event-title', 'genre', 'medium', 'authority', 'edition', 'section', 'archive'] as const
const nameVariables = ['author', 'editor', 'translator', 'container-author', 'collection-editor', 'interviewer', 'recipient'] as const

/** A source's printed texts, each with the field it is written under. */
function printedSourceText(csl: Record<string, unknown>): Array<[string, string]> {
  const texts: Array<[string, string]> = []
  for (const field of printedVariables) if (typeof csl[field] === 'string') texts.push([field, csl[field]])
  for (const field of nameVariables) {
    const names = csl[field]
    if (!Array.isArray(names)) continue
    for (const name of names as Array<Record<string, unknown>>) {
      const parts = ['literal', 'family', 'given', 'non-dropping-particle', 'dropping-particle', 'suffix'].map((part) => name?.[part]).filter((part): part is string => typeof part === 'string')
      if (parts.length > 0) texts.push([field, parts.join(' ')])
    }
  }
  return texts
}

/** Directive attributes the blocks print (the others are ids, keys and settings). */
const printedAttributes: ReadonlySet<string> = new Set(['value', 'author', 'role', 'actors', 'title'])

function message(character: string, font: FontCoverage, kind: 'heading' | 'text', times: string): string {
  const code = character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
  return `Unexpected character \`${character}\` (U+${code}) that the ${kind} font, ${font.family}, does not cover${times}, expected ${instead(character)}: the PDF would print it in another font of the machine, or as an empty box`
}

/** Call `found` with each character of `text` (NFC) that `font` does not cover, in order. */
function missing(text: string, font: FontCoverage, found: (character: string) => void): void {
  let pattern = patterns.get(font)
  if (!pattern) patterns.set(font, (pattern = uncoveredPattern(font)))
  for (const match of text.normalize('NFC').matchAll(pattern)) found(match[0])
}

const patterns = new WeakMap<FontCoverage, RegExp>()

/**
 * What to write: the plain letters of a compatibility character (`ﬁ` → `fi`, as text copied from
 * a PDF brings it; `²` is covered and never asked), else a word or a character the font has.
 */
function instead(character: string): string {
  const plain = character.normalize('NFKC')
  return plain !== character && plain.trim() ? `\`${plain}\`` : 'a word or a character it has'
}
