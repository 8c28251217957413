import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Sub- and superscripts and definition lists, rendered in an edition. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function htmlOf(chapter: string, mode: 'web' | 'print' = 'web'): Promise<string> {
  const dir = await writeProject({'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const edition = await renderEdition(result.model, 'full', {mode, pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return edition.main.map((node) => toHtml(node)).join('')
}

describe('sub- and superscripts', () => {
  test('`<sub>` and `<sup>`, with inline Markdown inside; `~~` is still struck', async () => {
    const html = await htmlOf('# Intro\n\nH~2~O, 10^6^ cas, le 1^er^ mai, x^*n*^ et ~~barré~~ sur la :term[sextorsion].\n')
    expect(html).toContain('<p>H<sub>2</sub>O, 10<sup>6</sup> cas, le 1<sup>er</sup> mai, x<sup><em>n</em></sup> et <del>barré</del> sur la ')
  })
})

describe('definition lists', () => {
  test('compact: `<dl>`, `<dt>` and `<dd>` without paragraphs; several definitions per term', async () => {
    const html = await htmlOf('# Intro\n\nSextorsion\n: Chantage à la diffusion d’images intimes.\n: Voir la :term[sextorsion].\n')
    // (mdast-util-definition-list's handlers end a compact definition with a line ending.)
    expect(html).toMatch(/<dl>\n<dt>Sextorsion<\/dt>\n<dd>Chantage à la diffusion d’images intimes\.\n<\/dd>\n<dd>Voir la <a class="rp-term" [^>]*>sextorsion<\/a>\.\n<\/dd>\n<\/dl>/)
  })

  test('loose: each definition holds its paragraphs', async () => {
    const html = await htmlOf('# Intro\n\nTerme\n\n:   Premier paragraphe.\n\n    Second paragraphe sur la :term[sextorsion].\n')
    expect(html).toMatch(/<dt>Terme<\/dt>\n<dd>\n<p>Premier paragraphe\.<\/p>\n<p>Second paragraphe sur la <a[^>]*>sextorsion<\/a>\.<\/p>\n<\/dd>/)
  })

  test('in print, the list, its terms and definitions carry their Markdown line', async () => {
    const html = await htmlOf('# Intro\n\nTerme\n: Définition sur la :term[sextorsion].\n', 'print')
    expect(html).toMatch(/<dl data-line="3">\n<dt data-line="3">Terme<\/dt>\n<dd data-line="4">/)
  })

  test('a note in a definition is numbered with the others', async () => {
    const html = await htmlOf('# Intro\n\nUn constat[^1] sur la :term[sextorsion].\n\nTerme\n: Définition^[Une note.].\n\n[^1]: Première.\n')
    expect([...html.matchAll(/data-note="(\d)"/g)].map((match) => match[1])).toEqual(['1', '2'])
  })
})
