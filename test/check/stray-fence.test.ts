import {afterAll, describe, expect, test} from 'vitest'
import {toHtml} from 'hast-util-to-html'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** A `:::` left over after a block nested in another with as many colons: said with the block the fence before it closed. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function stray(chapter: string) {
  const dir = await writeProject({'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  return result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unsupported-syntax').map((message) => ({at: `${file.path}:${message.line}:${message.column}`, reason: message.reason, related: (message as {related?: {place: {start: {line: number; column: number}}}}).related?.place.start})))
}

describe('a fence that opens or closes nothing', () => {
  test('after a div nested in a recommendation with as many colons: the fence before it closed the recommendation, which needs more colons', async () => {
    const found = await stray(':::recommendation{#rec-a axis=prevention}\n### Agir\n\nTexte [@enquete-2024] :term[sextorsion].\n\n::: {lang=fr}\nTexte en français.\n:::\n\nSuite.\n:::\n')
    expect(found).toEqual([{
      at: 'chapters/intro.md:11:1',
      reason: 'Unexpected fence `:::` that opens or closes nothing: the fence `:::` on line 8 closed `:::recommendation{#rec-a axis=prevention}` (1:1), not `::: {lang=fr}` (line 6) inside it, which has as many colons; expected more colons on the outer block, `::::recommendation{#rec-a axis=prevention}` and `::::` to close it, so that `:::` closes the inner one; this one is left out',
      related: {line: 1, column: 1, offset: 0}
    }])
  })

  test('the stray `:::` is not printed: its paragraph keeps its other lines, and one of nothing else is left out', async () => {
    const dir = await writeProject({'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\n\nTexte [@enquete-2024] :term[sextorsion].\n\n::: {lang=fr}\nTexte en français.\n:::\n\nSuite.\n:::\n\n:::\n\nFin.\n'})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    for (const mode of ['web', 'print'] as const) {
      const html = (await renderEdition(result.model, 'full', {mode, pageOf: {full: 'rapport.html', synthesis: 'synthese.html'}})).main.map((node) => toHtml(node)).join('')
      expect(html).not.toContain(':::')
      expect(html).toMatch(/<p[^>]*>Suite\.<\/p>/u)
      expect(html).toMatch(/<p[^>]*>Fin\.<\/p>/u)
      expect(html).not.toMatch(/<p[^>]*><\/p>/u)
    }
  })

  test('with no block before it, the message stays the general one', async () => {
    const found = await stray('Texte [@enquete-2024] :term[sextorsion].\n\n:::\n')
    expect(found.map((finding) => finding.reason)).toEqual(['Unexpected fence `:::` that opens or closes nothing, expected `::: {.class}` (or `:::name` for a directive) on the line that opens a block, and `:::` alone on the line that closes it: it is left out'])
  })
})
