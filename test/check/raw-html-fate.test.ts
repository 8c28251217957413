import {expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** Where raw HTML is refused, the finding says what the output keeps of it (render/raw-html.ts). */
const findings = ruleFindings('raw-html')

test('a block of HTML is left out with its text; tags inside a paragraph lose only themselves', async () => {
  const chapter = 'La :term[sextorsion] progresse [@enquete-2024].\n\n<div class="encadre">\nTexte important.\n</div>\n\nUn texte <b>gras</b> ici.\n'
  const found = await findings({'chapters/intro.md': chapter})
  expect(found.map((line) => line.replace(/^.*rapporteur\.yaml\): /u, ''))).toEqual([
    'the block is left out of both editions, its text with it',
    'its tags are left out, the text between them kept',
    'its tags are left out, the text between them kept'
  ])
})
