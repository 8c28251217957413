import {toHtml} from 'hast-util-to-html'
import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/** Raw HTML in a chapter, printed where the project allows it (`check.html: true`). */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const allowed = {...baseProject, 'rapporteur.yaml': `${baseProject['rapporteur.yaml']}check: {html: true}\n`}

async function render(chapter: string, options: {html: boolean; mode?: 'web' | 'print'}) {
  const dir = await writeProject({'chapters/intro.md': chapter}, options.html ? allowed : baseProject)
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const findings = result.files.flatMap((file) => file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`))
  const edition = await renderEdition(result.model, 'full', {mode: options.mode ?? 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return {html: edition.main.map((node) => toHtml(node)).join(''), findings}
}

const chapter = [
  '# Introduction',
  '',
  'Un mot <b>gras</b>, <span lang="en" class="x">in English</span> et <abbr title="Intelligence artificielle">IA</abbr> [@enquete-2024] :term[sextorsion].<!-- relu -->',
  '',
  '<div class="encadre">Un bloc <em>HTML</em>.</div>',
  ''
].join('\n')

test('with `check.html: true`, inline tags around Markdown text and blocks are printed, comments are not', async () => {
  const {html, findings} = await render(chapter, {html: true})
  expect(findings).toEqual([])
  expect(html).toContain('<p>Un mot <b>gras</b>, <span lang="en" class="x">in English</span> et <abbr title="Intelligence artificielle">IA</abbr> <a class="rp-note-call"')
  expect(html).toContain('<div class="encadre">Un bloc <em>HTML</em>.</div>')
  expect(html).not.toContain('relu')
  // rapporteur's own elements keep every attribute, and nothing of the marking that told them apart.
  expect(html).toMatch(/<a class="rp-term" href="[^"]*#term-sextorsion">sextorsion<\/a>/u)
  expect(html).not.toContain('data-rp-own')
})

test('in print, the chapter read with its HTML keeps its notes’ citations, its maths and its lines', async () => {
  const {html} = await render(`${chapter}\nLa formule $a^2$ et une note[^1].\n\n[^1]: Selon <i>l’enquête</i> [@enquete-2024].\n`, {html: true, mode: 'print'})
  // The citations are formatted once every chapter is rendered, into elements reading the HTML replaces.
  expect(html).toContain('<span class="rp-footnote" data-note="1"><span class="rp-cite">Observatoire')
  expect(html).toContain('<span class="rp-footnote" data-note="2">Selon <i>l’enquête</i> <span class="rp-cite"><i>ibid.</i></span></span>')
  expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>a</mi><mn>2</mn></msup></mrow>')
  expect(html).toContain('<p data-line="3">Un mot <b>gras</b>')
})

test('without it, `raw-html` is an error and nothing of the HTML is printed but its text', async () => {
  const {html, findings} = await render(chapter, {html: false})
  expect(findings).toEqual(['3:8 raw-html', '3:15 raw-html', '3:21 raw-html', '3:57 raw-html', '3:68 raw-html', '3:110 raw-html', '5:1 raw-html'])
  expect(html).not.toContain('<b>')
})

test('scripts, styles, frames, event attributes and `javascript:` are left out, and reported', async () => {
  const hostile = [
    '# Introduction',
    '',
    'Texte <a href="https://example.org" onclick="suivre()">web</a> et <a href="javascript:void(0)">code</a> [@enquete-2024] :term[sextorsion].',
    '',
    '<script>document.title = "x"</script>',
    '',
    '<style>p {color: red}</style>',
    '',
    '<iframe src="https://example.org"></iframe>',
    ''
  ].join('\n')
  const {html, findings} = await render(hostile, {html: true})
  expect(findings).toEqual(['3:7 raw-html', '3:67 raw-html', '5:1 raw-html', '7:1 raw-html', '9:1 raw-html'])
  expect(html).toContain('Texte <a href="https://example.org">web</a> et <a>code</a>')
  for (const left of ['<script', 'document.title', '<style', 'color: red', '<iframe', 'onclick', 'javascript']) expect(html).not.toContain(left)
})

test('a link or an image to a file of this computer is printed as its text, in print too, and reported', async () => {
  const local = '# Introduction\n\nVoir <a href="annexe.pdf">l’annexe</a>, <img src="carte.png" alt="la carte"> et <img src="https://example.org/c.png" alt="web"> [@enquete-2024] :term[sextorsion].\n'
  const {html, findings} = await render(local, {html: true, mode: 'print'})
  // The web image is kept, and is an error of its own (below).
  expect(findings).toEqual(['3:6 local-link', '3:41 local-link', '3:81 missing-image'])
  expect(html).toContain('Voir <span>l’annexe</span>, la carte et <img src="https://example.org/c.png" alt="web">')
  // The print still marks its own blocks with their Markdown line, for the preflight.
  expect(html).toContain('<p data-line="3">Voir')
})

test('Pandoc’s raw HTML block, ```{=html}, is printed as raw HTML is, its scripts reported at their line; without `check.html: true` it is left out', async () => {
  const fenced = '# Introduction\n\nTexte [@enquete-2024] :term[sextorsion].\n\n```{=html}\n<p class="chapeau">Un <em>chapeau</em>.</p>\n<script>x()</script>\n```\n'
  const allowed = await render(fenced, {html: true})
  expect(allowed.findings).toEqual(['7:1 raw-html'])
  expect(allowed.html).toContain('<p class="chapeau">Un <em>chapeau</em>.</p>')
  expect(allowed.html).not.toContain('x()')
  const refused = await render(fenced, {html: false})
  expect(refused.findings).toEqual(['5:1 unsupported-syntax'])
  expect(refused.html).not.toContain('chapeau')
})

test('an image on the web in raw HTML is an error, as in Markdown: the PDF is printed without a network', async () => {
  const {findings} = await render('# Introduction\n\nUne carte <img src="https://example.org/c.png" alt="carte"> et <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="point"> [@enquete-2024] :term[sextorsion].\n', {html: true})
  expect(findings).toEqual(['3:11 missing-image'])
})

test('`<br>` in a table cell or a paragraph is a line break, raw HTML allowed or not; alone on its line it is raw HTML', async () => {
  const chapter = '# Introduction\n\n| Pays | Note |\n|---|---|\n| France | Une ligne<br>une autre<BR/>et <br /> la fin |\n\nUn paragraphe<br>coupé [@enquete-2024] :term[sextorsion].\n\n<br>\n'
  const {html, findings} = await render(chapter, {html: false})
  // A break is followed by a line ending, as Markdown's own.
  expect(html.replaceAll('\n', '')).toContain('<td>Une ligne<br>une autre<br>et <br>la fin</td>')
  expect(html.replaceAll('\n', '')).toContain('Un paragraphe<br>coupé')
  // The block `<br>` stays raw HTML: refused here.
  expect(findings).toEqual(['9:1 raw-html'])
})

test('every other file raw HTML loads, local or on the web, is reported: a video and its poster, a srcset, a background', async () => {
  const chapter = '# Introduction\n\nTexte [@enquete-2024] :term[sextorsion].\n\n<video src="clip.mp4" poster="https://example.org/p.jpg"></video>\n\n<p style="background: url(fond.png)">Fond</p>\n\n<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" srcset="carte@2x.png 2x" alt="carte">\n'
  const {findings} = await render(chapter, {html: true})
  expect(findings.sort()).toEqual(['5:1 local-link', '5:1 missing-image', '7:1 local-link', '9:1 local-link'])
})
