import {toHtml} from 'hast-util-to-html'
import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Generated headings take the level below the heading they stand under, whatever the writer typed. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function render(chapter: string) {
  const dir = await writeProject({'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const edition = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  // The base project's second axis has no recommendation here: `empty-axis` is not what these test.
  const findings = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId !== 'empty-axis').map((message) => `${message.line}:${message.column} ${message.ruleId}`))
  return {html: edition.main.map((node) => toHtml(node)).join(''), findings}
}

const box = (id: string, title: string) => `:::recommendation{#${id} axis=prevention}\n${title}\nSensibiliser [@enquete-2024] à la :term[sextorsion].\n:::\n`

test('a recommendation’s title is one level below the heading its box stands under, and the next box’s too', async () => {
  const {html, findings} = await render(['# Introduction', '', box('rec-a', '### Agir tôt'), box('rec-b', '#### Agir ensemble'), '## Détection', '', box('rec-c', '### Repérer'), '', '::recommendations', ''].join('\n'))
  expect(findings).toEqual([])
  expect(html).toContain('<h2 id="rec-a-title" class="rp-recommendation__title">Agir tôt</h2>')
  expect(html).toContain('<h2 id="rec-b-title" class="rp-recommendation__title">Agir ensemble</h2>')
  expect(html).toContain('<h3 id="rec-c-title" class="rp-recommendation__title">Repérer</h3>')
  // The list of recommendations by axis, under the `##`.
  expect(html).toContain('<h3 class="rp-axis__title" id="axis-prevention-full">Prévention</h3>')
})
