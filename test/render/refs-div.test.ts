import {afterAll, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Quarto's `::: {#refs}` places the bibliography as `::bibliography` does: one bibliography, no second heading. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function render(refs: string) {
  const dir = await writeProject({
    'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion], [les sources](#refs).\n',
    'chapters/sources.md': refs
  })
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('the project does not load')
  const messages = result.files.flatMap((file) => file.messages).map((message) => `${message.ruleId} ${message.reason}`)
  const html = (await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})).main.map((node) => toHtml(node)).join('\n')
  return {messages, html}
}

test('an empty `::: {#refs}` under `# Références` is the bibliography, titled by that heading, and the only one', async () => {
  const {messages, html} = await render('# Références {.unnumbered}\n\n::: {#refs}\n:::\n')
  expect(messages.filter((message) => /broken-ref|unsupported-syntax|unknown-directive/u.test(message))).toEqual([])
  expect(html).toContain('<section class="rp-bibliography" aria-labelledby="sources-title" id="refs"><ol class="rp-bibliography__list"><li id="source-enquete-2024">')
  expect(html.match(/rp-bibliography"/gu)).toHaveLength(1)
  expect(html).not.toContain('rp-back-matter" id="bibliographie"')
  expect(html).not.toContain('Bibliographie</h')
})

test('a `#refs` div with content: the content, then the bibliography, as Pandoc places it', async () => {
  const {html} = await render('# Références {.unnumbered}\n\n::: {#refs}\nLes sources citées.\n:::\n')
  expect(html).toMatch(/<div id="refs"><p>Les sources citées\.<\/p>\s*<section class="rp-bibliography"/u)
  expect(html.match(/rp-bibliography"/gu)).toHaveLength(1)
  expect(html).not.toContain('rp-back-matter" id="bibliographie"')
})
