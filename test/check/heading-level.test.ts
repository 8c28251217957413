import {expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** heading-level's findings on a project with these files: file, line, column, message's start. */
const findings = ruleFindings('heading-level', {length: 48})

test('going back up any number of levels is fine; a title in the front matter stands for the `#`', async () => {
  const intro = '# Introduction\n\n## A\n\n### B\n\n#### C\n\n## D\n\nLa :term[sextorsion] progresse [@enquete-2024].\n'
  const other = '---\ntitle: Autre\n---\n\n## Une section\n\n### Une sous-section\n'
  expect(await findings({'chapters/intro.md': intro, 'chapters/other.md': other})).toEqual([])
})

test('a second `#`, and a skip after it, a skip in a list item, and one after a front-matter title', async () => {
  const intro = '# Introduction\n\nLa :term[sextorsion] progresse [@enquete-2024].\n\n# Partie 2\n\n### Trop bas\n\n- ##### Dans une liste\n'
  const other = '---\ntitle: Autre\n---\n\n### Une section\n'
  expect(await findings({'chapters/intro.md': intro, 'chapters/other.md': other})).toEqual([
    'chapters/intro.md:5:1 Unexpected second level-1 heading `# Partie 2` i',
    'chapters/intro.md:7:1 Unexpected level-3 heading `### Trop bas` after ',
    'chapters/intro.md:9:3 Unexpected level-5 heading `##### Dans une liste',
    'chapters/other.md:5:1 Unexpected level-3 heading `### Une section` aft'
  ])
})

test('a recommendation’s title is printed at its level whatever it is written at, and is not the heading the next one follows', async () => {
  const intro = '# Introduction\n\n:::recommendation{#rec-a axis=prevention}\n#### Agir\nSensibiliser [@enquete-2024] à la :term[sextorsion].\n:::\n\n## Ensuite\n\n### Enfin\n'
  expect(await findings({'chapters/intro.md': intro})).toEqual([])
})

test('a second `#`, reported, still has an id: a link to it is no broken reference', async () => {
  const intro = '# Introduction\n\nLa :term[sextorsion] progresse [@enquete-2024]. Voir [la partie 2](#partie-2).\n\n# Partie 2\n\nTexte.\n'
  expect(await ruleFindings('broken-ref')({'chapters/intro.md': intro})).toEqual([])
  expect(await findings({'chapters/intro.md': intro})).toHaveLength(1)
})
