import path from 'node:path'
import type {Element, Nodes, Root} from 'hast'
import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import Mustache from 'mustache'
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import type {Theme} from '../../src/load/theme.js'
import type {ReportModel} from '../../src/model/types.js'
import type {EditionName} from '../../src/model/schemas/config.js'
import {splitParts} from '../../src/print/split-parts.js'
import {renderDocumentWithTree, templateView} from '../../src/render/document.js'
import {renderEdition} from '../../src/render/edition.js'
import {relocateImages} from '../../src/render/relocate.js'
import {stylesheetsFor} from '../../src/render/stylesheets.js'
import {typography} from '../../src/render/typography/index.js'

/**
 * The print cuts a long document into parts from the tree renderDocumentWithTree hands it instead of
 * parsing the HTML it wrote (print/split-parts.ts): that tree must be what the parse gives, and the
 * parts the same, byte for byte, or the pages would change with the way the document was read.
 */
const projects = {
  sample: path.join(import.meta.dirname, '../../report'),
  // Pandoc and Quarto habits: divs, spans, figures, tables, cross-references, maths.
  quarto: path.join(import.meta.dirname, '../projects/quarto-habits')
}

async function load(dir: string): Promise<{model: ReportModel; theme: Theme}> {
  const checked = await check(dir)
  if (!checked.ok || !checked.theme) throw new Error(`${dir} does not load`)
  return {model: checked.model, theme: checked.theme}
}

/** An edition rendered for print, and the transform the build gives its document (api/build-editions.ts). */
async function renderedForPrint(model: ReportModel, edition: EditionName) {
  const pageOf = {full: `${model.config.editions.full.output}.html`, synthesis: `${model.config.editions.synthesis?.output ?? 'synthese'}.html`}
  const print = await renderEdition(model, edition, {mode: 'print', pageOf})
  const transform = (tree: Root) => {
    typography(model.config.lang, {hyphenate: true})(tree)
    relocateImages(tree, '../')
  }
  return {print, transform}
}

/** The print HTML rendered by Mustache in one go, `main` given as its HTML (as renderDocument did before it had a tree). */
async function renderedWhole({model, theme}: {model: ReportModel; theme: Theme}, edition: EditionName): Promise<string> {
  const {print, transform} = await renderedForPrint(model, edition)
  const body: Root = {type: 'root', children: [print.toc ?? h('template'), ...print.main]}
  transform(body)
  const [toc, ...main] = body.children as Element[]
  const view = templateView(model, print, {mode: 'print', stylesheets: stylesheetsFor('print', print, theme)}, print.toc ? toHtml(toc!) : '', main.map((node) => toHtml(node)).join('\n'))
  return Mustache.render(theme.templates['document.html'], view, {cover: theme.templates['cover.html'], backCover: theme.templates['back-cover.html']})
}

/** The print HTML of an edition as the build writes it (api/build-editions.ts), with its tree. */
async function printDocument({model, theme}: {model: ReportModel; theme: Theme}, edition: EditionName, templates?: Partial<Theme['templates']>) {
  const {print, transform} = await renderedForPrint(model, edition)
  const withTemplates = templates ? {...theme, templates: {...theme.templates, ...templates}} : theme
  return renderDocumentWithTree(model, print, withTemplates, {mode: 'print', stylesheets: stylesheetsFor('print', print, withTemplates), transform})
}

/**
 * A tree without its source positions (the parse has them, the renderer's trees mostly not), its
 * numbers as strings (`data-line` is a number in the renderer's tree, a string once parsed: the
 * same attribute), its texts joined (the renderer may leave two texts side by side, or an empty
 * one, where the parse has one text).
 */
function comparable<T extends Nodes>(node: T): T {
  const copy = {...node} as T & {position?: unknown; children?: Nodes[]; content?: Nodes}
  delete copy.position
  if (copy.children) copy.children = mergeTexts(copy.children.map(comparable))
  if (copy.content) copy.content = comparable(copy.content)
  if (copy.type === 'element') copy.properties = Object.fromEntries(Object.entries(copy.properties).map(([key, value]) => [key, typeof value === 'number' ? String(value) : value]))
  return copy
}

function mergeTexts(children: Nodes[]): Nodes[] {
  const merged: Nodes[] = []
  for (const child of children) {
    const last = merged.at(-1)
    if (child.type === 'text' && last?.type === 'text') merged[merged.length - 1] = {...last, value: last.value + child.value}
    else if (!(child.type === 'text' && child.value === '')) merged.push(child)
  }
  return merged
}

const chapters = (html: string) => html.match(/<section class="rp-chapter[ "]/g)?.length ?? 0

describe('renderDocumentWithTree', () => {
  for (const [name, dir] of Object.entries(projects)) {
    test(`${name}: the tree is the parse of the HTML, and the parts cut from it are the same bytes`, async () => {
      const loaded = await load(dir)
      for (const edition of ['full', 'synthesis'] as const) {
        if (!loaded.model.config.editions[edition]) continue
        const {html, tree} = await printDocument(loaded, edition)
        const given = tree()
        expect(given, `${name} ${edition}`).toBeDefined()
        expect(comparable(given!)).toEqual(comparable(fromHtml(html)))
        // Handed over once: the trees are the edition's own, numbered by whoever takes them.
        expect(tree()).toBeUndefined()
        // Small parts, so that these documents are cut (at every chapter, for the sample).
        for (const partChars of [2_000, 8_000]) {
          const parsed = splitParts(html, {partChars, workers: 2}).parts
          const again = await printDocument(loaded, edition)
          const cut = splitParts(again.html, {partChars, workers: 2, tree: again.tree}).parts
          if (edition === 'full' && partChars === 2_000) expect(cut.length, `${name} ${edition}`).toBeGreaterThan(1)
          expect(cut).toEqual(parsed)
        }
      }
    })
  }

  test('a template that does not place main once in a block gets no tree, and the same HTML', async () => {
    const loaded = await load(projects.sample)
    const reference = (await printDocument(loaded, 'synthesis')).html
    const template = loaded.theme.templates['document.html']
    const cases: Record<string, string> = {
      twice: template.replace('{{{main}}}', '{{{main}}}<div hidden>{{{main}}}</div>'),
      // The parser would close the paragraph before the first section: the tree would not be its parse.
      'in a paragraph': template.replace('{{{main}}}', '<p>{{{main}}}</p>'),
      absent: template.replace('{{{main}}}', ''),
      // Escaped by Mustache: the chapters' markup shown as text, as Mustache renders it.
      escaped: template.replace('{{{main}}}', '{{main}}')
    }
    for (const [what, changed] of Object.entries(cases)) {
      const {html, tree} = await printDocument(loaded, 'synthesis', {'document.html': changed})
      expect(tree(), what).toBeUndefined()
      if (what === 'twice') expect(chapters(html)).toBe(2 * chapters(reference))
      if (what === 'absent') expect(chapters(html)).toBe(0)
      if (what === 'escaped') expect(html).toContain('&lt;section class&#x3D;&quot;rp-chapter')
      expect(html).not.toContain('rapporteur-main-content')
    }
    // The default template: the HTML is what Mustache renders with main itself in place.
    expect(reference).toBe(await renderedWhole(loaded, 'synthesis'))
    expect((await printDocument(loaded, 'full')).html).toBe(await renderedWhole(loaded, 'full'))
  })

  test('splitParts parses the HTML when the tree is not given, or not available', () => {
    const section = (index: number) => `<section class="rp-chapter" id="c${index}"><h1>C${index}</h1><p>${'x'.repeat(30_000)}</p></section>`
    const html = `<!doctype html><html><head><title>T</title></head><body><main>${[1, 2, 3, 4].map(section).join('\n')}</main></body></html>`
    const parsed = splitParts(html, {partChars: 40_000})
    expect(parsed.parts.length).toBeGreaterThan(1)
    expect(splitParts(html, {partChars: 40_000, tree: () => undefined})).toEqual(parsed)
    const tree: Root = fromHtml(html)
    expect(splitParts(html, {partChars: 40_000, tree: () => tree})).toEqual(parsed)
  })
})
