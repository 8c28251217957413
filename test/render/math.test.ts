import type {Element, Root} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toHtml} from 'hast-util-to-html'
import {toText} from 'hast-util-to-text'
import {visit} from 'unist-util-visit'
import {afterAll, describe, expect, test} from 'vitest'
import {stylesheetsFor} from '../../src/render/stylesheets.js'
import {check} from '../../src/api/check.js'
import type {RenderMode} from '../../src/render/context.js'
import {renderEdition} from '../../src/render/edition.js'
import {typography} from '../../src/render/typography/index.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** TeX maths typeset by KaTeX at build time: KaTeX's HTML for the look, MathML for screen readers. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

/** Render a chapter, with the typography pass the build applies, and return the edition's main content. */
async function render(chapter: string, mode: RenderMode = 'web', checks: Record<string, string> = {}) {
  const dir = await writeProject({'chapters/intro.md': chapter, ...checks})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const edition = await renderEdition(result.model, 'full', {mode, pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  const tree: Root = {type: 'root', children: edition.main}
  typography('fr', {hyphenate: mode === 'print'})(tree)
  // Read back from the HTML, as the browser gets it.
  return {edition, tree: fromHtml(toHtml(tree), {fragment: true}), html: toHtml(tree)}
}

/** Elements under `node` (itself included) with a tag name and classes: `all(tree, 'span', 'rp-math')`. */
function all(node: Root | Element, tag: string | undefined, ...classes: string[]): Element[] {
  const found: Element[] = []
  visit(node, 'element', (element: Element) => {
    const names = (element.properties.className as string[] | undefined) ?? []
    if ((tag === undefined || element.tagName === tag) && classes.every((name) => names.includes(name))) found.push(element)
  })
  return found
}

function one(node: Root | Element, tag: string | undefined, ...classes: string[]): Element {
  const found = all(node, tag, ...classes)
  expect(found.length, `${tag ?? '*'}.${classes.join('.')}`).toBeGreaterThan(0)
  return found[0]!
}

describe('maths', () => {
  test('inline maths: KaTeX’s HTML and MathML, the TeX in an annotation', async () => {
    const {tree, edition} = await render('# Intro\n\nUn seuil $\\alpha = 0.05$ sur la :term[sextorsion] [@enquete-2024].\n')
    expect(edition.usesMath).toBe(true)
    const math = one(one(tree, 'p'), 'span', 'rp-math')
    const mathml = one(one(one(math, 'span', 'katex'), 'span', 'katex-mathml'), 'math')
    expect(mathml.properties.display).toBeUndefined()
    expect(one(mathml, 'annotation').properties.encoding).toBe('application/x-tex')
    expect(toText(one(mathml, 'annotation'))).toBe('\\alpha = 0.05')
    expect(toText(one(mathml, 'mi'))).toBe('α')
    expect(one(math, 'span', 'katex-html').properties.ariaHidden).toBe('true')
    expect(all(math, 'span', 'mord', 'mathnormal').length).toBeGreaterThan(0)
    // No dollar left in the text.
    expect(toText(one(tree, 'p'))).not.toContain('$')
  })

  test('display maths, as a block and in the text, with display MathML', async () => {
    const {tree} = await render('# Intro\n\nAvant.\n\n$$\n\\frac{a}{b}\n$$\n\nEt $$\\sum_{i=1}^n i$$ dans le texte.\n')
    const block = one(tree, 'div', 'rp-math', 'rp-math--display')
    one(one(block, 'span', 'katex-display'), 'span', 'katex')
    expect(one(block, 'math').properties.display).toBe('block')
    expect(toText(one(block, 'annotation'))).toBe('\\frac{a}{b}')
    const inText = one(all(tree, 'p')[1]!, 'span', 'rp-math', 'rp-math--display')
    one(inText, 'span', 'katex-display')
    expect(toText(one(inText, 'annotation'))).toBe('\\sum_{i=1}^n i')
  })

  test('a block carries its line in print, for the preflight', async () => {
    const {tree} = await render('# Intro\n\nAvant.\n\n$$\nx\n$$\n', 'print')
    expect(one(tree, 'div', 'rp-math').properties.dataLine).toBe('5')
  })

  test('typography leaves maths alone: no French spaces, typographic quotes or soft hyphens inside', async () => {
    const {tree} = await render("# Intro\n\nSoit $f'(x) : a ; b$ et $$\\text{transformation} -- x$$ « ici » ; fin.\n", 'print')
    const maths = all(tree, 'span', 'rp-math')
    expect(maths).toHaveLength(2)
    for (const math of maths) expect(toText(math)).not.toMatch(/[\u00A0\u202F\u00AD’–]/u)
    expect(toText(one(tree, 'annotation'))).toBe("f'(x) : a ; b")
    // The prose around it is still French.
    expect(toText(one(tree, 'p'))).toContain('\u202F;')
  })

  test('maths in a heading, a table, a note and a citation suffix is typeset too', async () => {
    const {html} = await render('# Le risque $\\alpha$\n\n| Seuil |\n| --- |\n| $p < 0.05$ |\n\nTexte[^1] [@enquete-2024, $n = 12$].\n\n[^1]: Avec $\\beta$.\n')
    for (const tex of ['\\alpha', 'p &#x3C; 0.05', '\\beta']) expect(html).toContain(`<annotation encoding="application/x-tex">${tex}</annotation>`)
  })

  test('money is text, and an edition without maths needs no KaTeX', async () => {
    const {html, edition} = await render('# Intro\n\nUn don de 10 $ ou 5 €, $5 and $10 [@enquete-2024] :term[sextorsion].\n')
    expect(edition.usesMath).toBe(false)
    expect(html).not.toContain('katex')
    expect(stylesheetsFor('web', edition).map((style) => style.href)).not.toContain('assets/katex/katex.min.css')
  })

  test('an edition with maths links KaTeX’s stylesheet, after the fonts, in web and print', () => {
    expect(stylesheetsFor('web', {usesMath: true}).slice(0, 2).map((style) => style.href)).toEqual(['assets/styles/fonts.css', 'assets/katex/katex.min.css'])
    expect(stylesheetsFor('print', {usesMath: true}).slice(0, 2).map((style) => style.href)).toEqual(['../assets/styles/fonts.css', '../assets/katex/katex.min.css'])
  })

  test('a formula KaTeX cannot typeset, with invalid-math turned off, prints as written', async () => {
    const config = `title: Exemple
organisation: Fondation Exemple
lang: fr
date: 2026-01
axes:
  - {id: prevention, label: Prévention}
editions:
  full: {title: Rapport, files: [chapters/intro.md], output: rapport}
check:
  rules: {invalid-math: off}
`
    const {tree} = await render('# Intro\n\nSoit $\\frac{1}{$ ici.\n', 'web', {'rapporteur.yaml': config})
    expect(toText(one(tree, 'code', 'rp-math', 'rp-math--error'))).toBe('$\\frac{1}{$')
  })
})
