import {afterAll, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Quarto's capitalised cross-references (`@Fig-x`) and the kinds rapporteur does not number (`@eq-x`). */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function render(chapter: string) {
  const dir = await writeProject({'chapters/intro.md': chapter, 'chapters/carte.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>\n'})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('the project does not load')
  const messages = result.files.flatMap((file) => file.messages).map((message) => `${message.line}:${message.column} ${message.ruleId}`)
  const html = (await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})).main.map((node) => toHtml(node)).join('\n')
  return {messages, html}
}

test('`@Fig-x`, `@Tbl-x`, `@Sec-x` are the cross-references, with a capital', async () => {
  const {messages, html} = await render(
    '# Introduction\n\n## Méthode {#sec-methode}\n\nLa :term[sextorsion] [@enquete-2024].\n\n![Carte](carte.svg){#fig-carte}\n\n| a | b |\n|---|---|\n| c | d |\n\n: Données {#tbl-donnees}\n\n@Fig-carte le montre, @Tbl-donnees aussi ; @Sec-methode le dit, comme la @fig-carte.\n'
  )
  expect(messages.filter((message) => /unknown-source|broken-ref|unsupported-syntax/u.test(message))).toEqual([])
  expect(html).toContain('<a class="rp-ref" href="#fig-carte">Figure 1</a> le montre, <a class="rp-ref" href="#tbl-donnees">Tableau 1</a> aussi')
  expect(html).toMatch(/<a class="rp-ref" href="#sec-methode">Section «\s?Méthode\s?»<\/a> le dit, comme la <a class="rp-ref" href="#fig-carte">figure 1<\/a>/u)
})

test('`@eq-x`, `-@thm-x` are printed as written, not as notes, and reported where written', async () => {
  const {messages, html} = await render('# Introduction\n\nLa :term[sextorsion] [@enquete-2024].\n\n$$ x = 1 $$ {#eq-un}\n\nVoir @eq-un et [-@thm-a].\n')
  expect(html).toContain('Voir @eq-un et -@thm-a.</p>')
  expect(html).not.toContain('note-2')
  expect(messages).toEqual(['5:13 unsupported-syntax', '7:6 unsupported-syntax', '7:17 unsupported-syntax'])
})

test('shortcodes: `{{< meta title >}}` prints rapporteur.yaml’s title; the others are left out, each reported with a hint of its own', async () => {
  const dir = await writeProject({'chapters/intro.md': '# Introduction\n\nLa :term[sextorsion] [@enquete-2024] : {{< meta title >}}, {{< var org >}}, {{< meta author >}}.\n\n{{< pagebreak >}}\n\n{{< include a.qmd >}}\n'})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('the project does not load')
  const messages = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'unsupported-syntax').map((message) => `${message.line}:${message.column} ${message.reason}`)
  expect(messages).toEqual([
    "3:60 Unexpected Quarto shortcode `{{< var org >}}`, expected the text itself: rapporteur does not read Quarto's `_variables.yml`, so it is left out",
    "3:77 Unexpected Quarto shortcode `{{< meta author >}}`, expected the text itself: rapporteur prints `{{< meta … >}}` only for rapporteur.yaml's `title`, `subtitle`, `organisation`, not `author`, so it is left out",
    "5:1 Unexpected Quarto shortcode `{{< pagebreak >}}`, expected nothing: chapters start on a new page, and other breaks are the theme's print CSS (`break-before: page` in `theme/custom.css`); rapporteur has no page-break mark, so it is left out",
    '7:1 Unexpected Quarto shortcode `{{< include a.qmd >}}`, expected plain Markdown (list an included file in `editions.<name>.files` in rapporteur.yaml): it is left out'
  ])
  const html = (await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})).main.map((node) => toHtml(node)).join('\n')
  expect(html).toContain('Exemple, , .</p>')
})
