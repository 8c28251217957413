import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {exportRows} from '../../src/export/tables.js'
import {renderEdition} from '../../src/render/edition.js'
import {toHtml} from 'hast-util-to-html'
import type {Element} from 'hast'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test("a title's CSL rich text (from BibTeX's \\emph, Zotero, CSL YAML) is formatted in citations, and read as its text where a summary prints it", async () => {
  const registry = JSON.stringify([{id: 'langland', type: 'book', title: 'Reading <i>Piers Plowman</i> with <span class="nocase">UNICEF</span>', author: [{family: 'Langland', given: 'William'}], issued: {'date-parts': [[2020]]}, publisher: 'Presses <b>universitaires</b>'}])
  const config = String(baseProject['rapporteur.yaml']).replace(/\n$/u, '\nsources: [sources.yaml, zotero.json]\n')
  const dir = await writeProject({'rapporteur.yaml': config, 'zotero.json': registry, 'chapters/intro.md': '# Intro\n\n:::stat{#s value="45 %" source=langland}\ndes lecteurs.\n:::\n\nLa :term[sextorsion] progresse [@enquete-2024] [@langland].\n'})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const row = (exportRows(result.model, 'sources') as Array<Record<string, unknown>>).find((entry) => entry.id === 'langland')
  expect(row).toMatchObject({title: 'Reading Piers Plowman with UNICEF', publisher: 'Presses universitaires'})
  const rendered = await renderEdition(result.model, 'full', {mode: 'web', pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  const html = toHtml({type: 'element', tagName: 'main', properties: {}, children: rendered.main} as Element)
  expect(html).toContain('Source\u00a0: William Langland, Reading Piers Plowman with UNICEF')
  expect(html).not.toContain('&#x3C;i>')
})
