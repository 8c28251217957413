import {afterAll, describe, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'
import {editionHtml} from '../helpers/two-editions.js'

/** On paper a link is its text alone: `print.links: address` (the default) prints its address after it. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const chapter = [
  '# Introduction',
  '',
  'Un constat [@enquete-2024] sur la :term[sextorsion] : voir [le guide](https://example.org/guide), <https://example.org/alertes>,',
  '[example.org](https://www.example.org/), [écrivez-nous](mailto:contact@example.org), [le guide][g] et [l’introduction](#intro).',
  '',
  '[g]: https://example.org/guide-2',
  ''
].join('\n')

async function render(mode: 'web' | 'print', links?: 'address' | 'text'): Promise<string> {
  const config = baseProject['rapporteur.yaml'] + (links ? `print: {links: ${links}}\n` : '')
  const dir = await writeProject({'rapporteur.yaml': config, 'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('the project does not load')
  const edition = await renderEdition(result.model, 'full', {mode, pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return edition.main.map((node) => toHtml(node)).join('\n')
}

describe('print.links', () => {
  test('address (the default): after the text, inside the link; an address shown as text is marked as one', async () => {
    const html = await render('print')
    expect(html).toContain('<a href="https://example.org/guide">le guide<span class="rp-link-address"> (https://example.org/guide)</span></a>')
    expect(html).toContain('<a href="https://example.org/guide-2">le guide<span class="rp-link-address"> (https://example.org/guide-2)</span></a>')
    expect(html).toContain('<a href="https://example.org/alertes" class="rp-link-address">https://example.org/alertes</a>')
    expect(html).toContain('<a href="https://www.example.org/" class="rp-link-address">example.org</a>')
    expect(html).toContain('écrivez-nous<span class="rp-link-address"> (contact@example.org)</span></a>')
    expect(html).toMatch(/<a href="#intro">l’introduction<\/a>/u)
  })

  test('text: the text alone, as on the web page', async () => {
    const [print, web] = [await render('print', 'text'), await render('web')]
    for (const html of [print, web]) {
      expect(html).not.toContain('rp-link-address')
      expect(html).toContain('<a href="https://example.org/guide">le guide</a>')
    }
  })
})

describe('links to an id of the other edition, or of none', () => {
  test('on the web page, an id only the synthesis has leads to its page; an id no edition has stays as written', async () => {
    const html = await editionHtml({
      'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion] : [le point](#point-cle), [le sommaire de Word](#_Toc222).\n',
      'synthese.md': '# Synthèse\n\n## Le point clé {#point-cle}\n\nTexte.\n'
    }, 'full', made)
    expect(html).toContain('<a href="synthese.html#point-cle">le point</a>')
    expect(html).toContain('<a href="#_Toc222">le sommaire de Word</a>')
  })
})
