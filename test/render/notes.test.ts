import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Citations and Markdown footnotes share one numbering per edition, in reading order. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function notesOf(chapter: string, mode: 'web' | 'print' = 'web') {
  const dir = await writeProject({'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('project did not load')
  const edition = await renderEdition(result.model, 'full', {mode, pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})
  return {notes: edition.notes.map((note) => toHtml({type: 'root', children: note.content})), html: edition.main.map((node) => toHtml(node)).join('')}
}

describe('notes', () => {
  test('a footnote with a word label keeps its text, and a second call reuses its number', async () => {
    const {notes, html} = await notesOf('# Intro\n\nUn constat[^methode] sur la :term[sextorsion] [@enquete-2024], déjà dit[^methode].\n\n[^methode]: Selon la méthode décrite en annexe.\n')
    expect(notes).toEqual(['Selon la méthode décrite en annexe.', '<span class="rp-cite">Observatoire, <i>Enquête nationale</i>, enquête, 2024.</span>'])
    expect([...html.matchAll(/data-note="(\d)"/g)].map((match) => match[1])).toEqual(['1', '2', '1'])
  })

  test('a citation inside a footnote stays in the note instead of making another one', async () => {
    const {notes} = await notesOf('# Intro\n\nLa :term[sextorsion] progresse.[^1]\n\n[^1]: Voir [@enquete-2024, p. 16].\n')
    expect(notes).toEqual(['Voir <span class="rp-cite">Observatoire, <i>Enquête nationale</i>, enquête, 2024, p.\u00A016.</span>'])
  })

  test('inline notes take their number among footnotes, in reading order, in web endnotes and print footnotes', async () => {
    const chapter = '# Intro\n\nLa :term[sextorsion] a[^1] b^[Une note *en ligne*.] c[^2].\n\n[^1]: Première.\n\n[^2]: Troisième.\n'
    const web = await notesOf(chapter)
    expect(web.notes).toEqual(['Première.', 'Une note <em>en ligne</em>.', 'Troisième.'])
    expect([...web.html.matchAll(/<a class="rp-note-call" href="#note-(\d)" id="note-call-(\d)"/g)].map((match) => [match[1], match[2]])).toEqual([['1', '1'], ['2', '2'], ['3', '3']])
    expect([...web.html.matchAll(/<li id="note-(\d)">(.*?) <a href="#note-call-\d"/g)].map((match) => [match[1], match[2]])).toEqual([
      ['1', 'Première.'],
      ['2', 'Une note <em>en ligne</em>.'],
      ['3', 'Troisième.']
    ])
    const print = await notesOf(chapter, 'print')
    expect([...print.html.matchAll(/<span class="rp-footnote" data-note="(\d)">(.*?)<\/span>/g)].map((match) => [match[1], match[2]])).toEqual([
      ['1', 'Première.'],
      ['2', 'Une note <em>en ligne</em>.'],
      ['3', 'Troisième.']
    ])
  })

  test('a citation inside an inline note stays in the note, and a citation before one makes its own note first', async () => {
    const inside = await notesOf('# Intro\n\nLa :term[sextorsion] progresse.^[Voir [@enquete-2024, p. 16].]\n')
    expect(inside.notes).toEqual(['Voir <span class="rp-cite">Observatoire, <i>Enquête nationale</i>, enquête, 2024, p.\u00A016.</span>'])
    const before = await notesOf('# Intro\n\nUn constat [@enquete-2024]^[Une remarque.] sur la :term[sextorsion].\n')
    expect(before.notes).toEqual(['<span class="rp-cite">Observatoire, <i>Enquête nationale</i>, enquête, 2024.</span>', 'Une remarque.'])
  })

  test('an in-text citation in an inline note keeps the author in the note', async () => {
    const {notes} = await notesOf('# Intro\n\nLa :term[sextorsion] progresse.^[Selon @enquete-2024, p. 3.]\n')
    expect(notes).toHaveLength(1)
    expect(notes[0]).toMatch(/^Selon .*Observatoire.*, p\. 3\.$/)
    expect(notes[0]).not.toContain('rp-note-call')
  })

  test('a note in an inline note stands in parentheses in it', async () => {
    const {notes} = await notesOf('# Intro\n\nLa :term[sextorsion]^[Une note ^[dans la note] ici, une autre^[glued].]\n')
    expect(notes).toEqual(['Une note (dans la note) ici, une autre (glued).'])
  })

  test('in print, the note itself stands at its call, for Paged.js to float to the page foot', async () => {
    const {html} = await notesOf('# Intro\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n', 'print')
    expect(html).toContain('<span class="rp-footnote" data-note="1"><span class="rp-cite">Observatoire, <i>Enquête nationale</i>, enquête, 2024.</span></span>')
  })
})

describe('numbered lists written `1)`', () => {
  test('keep their `)`: a class on the `<ol>` the stylesheet prints `2)` by, and the delimiter in a note\'s lines', async () => {
    const chapter = '# Intro\n\nLa :term[sextorsion] progresse [@enquete-2024].[^1]\n\n2) Un item avec parenthèse.\n3) Un autre.\n\n1. Un item avec point.\n   1) un sous-item.\n\n[^1]: Deux points :\n\n    1) premier ;\n    2) second.\n'
    const {notes, html} = await notesOf(chapter)
    expect(html).toContain('<ol start="2" class="rp-list-paren">')
    expect(html).toMatch(/<ol>\n<li>Un item avec point\.\n<ol class="rp-list-paren">/u)
    expect(notes.at(-1)).toContain('1) premier ;<br>\n2) second.')
  })
})
