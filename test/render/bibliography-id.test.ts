import {afterAll, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/** The bibliography the full edition ends with has its id in the report's language; a link to either spelling reaches it. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const chapter = '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion] : voir [les sources](#bibliography) et [la bibliographie](#bibliographie).\n'
const synthesis = '# Synthèse\n\nVoir [les sources](#bibliographie).\n'

async function render(lang: string) {
  const config = String(baseProject['rapporteur.yaml'])
    .replace('lang: fr', `lang: ${lang}`)
    .replace('output: rapport}', 'output: rapport}\n  synthesis: {title: Synthèse, files: [synthese.md], output: synthese}')
  const dir = await writeProject({'rapporteur.yaml': config, 'chapters/intro.md': chapter, 'synthese.md': synthesis})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('the project does not load')
  const brokenRefs = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'broken-ref').map((message) => message.reason)
  const pageOf = {full: 'rapport.html', synthesis: 'synthese.html'}
  const html = async (edition: 'full' | 'synthesis') => (await renderEdition(result.model, edition, {mode: 'web', pageOf})).main.map((node) => toHtml(node)).join('\n')
  return {brokenRefs, full: await html('full'), synthesis: await html('synthesis')}
}

test('English: `bibliography`, and links to `#bibliographie` lead to it', async () => {
  const {brokenRefs, full, synthesis} = await render('en')
  expect(brokenRefs).toEqual([])
  expect(full).toContain('<section class="rp-chapter rp-back-matter" id="bibliography">')
  expect(full).not.toContain('id="bibliographie"')
  expect(full).toContain('<a href="#bibliography">les sources</a>')
  expect(full).toContain('<a href="#bibliography">la bibliographie</a>')
  expect(synthesis).toContain('<a href="rapport.html#bibliography">les sources</a>')
})

test('French: `bibliographie`, as before, and links to `#bibliography` lead to it', async () => {
  const {brokenRefs, full, synthesis} = await render('fr')
  expect(brokenRefs).toEqual([])
  expect(full).toContain('<section class="rp-chapter rp-back-matter" id="bibliographie">')
  expect(full).toContain('<a href="#bibliographie">les sources</a>')
  expect(full).toContain('<a href="#bibliographie">la bibliographie</a>')
  expect(synthesis).toContain('<a href="rapport.html#bibliographie">les sources</a>')
})

test('raw HTML, printed as written, must name the id printed: its link to the other spelling is a broken-ref', async () => {
  const config = String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: en') + 'check: {html: true}\n'
  const dir = await writeProject({'rapporteur.yaml': config, 'chapters/intro.md': '# Introduction\n\nA finding [@enquete-2024] on :term[sextorsion]: <a href="#bibliographie">sources</a>, <a href="#bibliography">sources</a>.\n'})
  made.push(dir)
  const result = await check(dir)
  const found = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'broken-ref').map((message) => `${message.line}:${message.column} ${message.reason}`)
  expect(found).toEqual(['3:49 Unexpected link to `#bibliographie`, expected the id of a chapter, a section, a figure, a table, a recommendation, a stat or an element given `{#id}`: nothing in the report has this id, did you mean `bibliography`?'])
})
