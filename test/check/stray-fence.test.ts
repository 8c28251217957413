import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
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
      reason: 'Unexpected fence `:::` that opens or closes nothing: the fence `:::` on line 8 closed `:::recommendation{#rec-a axis=prevention}` (1:1), not `::: {lang=fr}` (line 6) inside it, which has as many colons; expected more colons on the outer block, `::::recommendation{#rec-a axis=prevention}` and `::::` to close it, so that `:::` closes the inner one',
      related: {line: 1, column: 1, offset: 0}
    }])
  })

  test('with no block before it, the message stays the general one', async () => {
    const found = await stray('Texte [@enquete-2024] :term[sextorsion].\n\n:::\n')
    expect(found.map((finding) => finding.reason)).toEqual(['Unexpected fence `:::` that opens or closes nothing, expected `::: {.class}` (or `:::name` for a directive) on the line that opens a block, and `:::` alone on the line that closes it'])
  })
})
