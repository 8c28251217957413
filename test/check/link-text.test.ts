import {describe, expect, test} from 'vitest'
import {baseProject} from '../helpers/project.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/** A link's text is what a screen reader lists and what paper keeps: it must say where the link leads. */
const findings = ruleFindings('link-text')
const base = 'La :term[sextorsion] progresse [@enquete-2024].\n\n'

describe('link-text', () => {
  test('a vague text, whatever its case and punctuation, and a link with no text, at the link', async () => {
    expect(await findings({'chapters/intro.md': `${base}Voir [Cliquez ici !](https://example.org/a), [le lien][l], [](https://example.org/b) et [![](logo.png)](https://example.org/c).\n\n[l]: https://example.org/d\n`, 'chapters/logo.png': ''})).toEqual([
      "chapters/intro.md:3:6 Unexpected link text `Cliquez ici !`, expected words that say where it leads (the document's or the page's name): screen readers list a page's links by their text alone, and the printed page shows only the text",
      "chapters/intro.md:3:46 Unexpected link text `le lien`, expected words that say where it leads (the document's or the page's name): screen readers list a page's links by their text alone, and the printed page shows only the text",
      'chapters/intro.md:3:60 Unexpected link to `https://example.org/b` without text, expected words that say where it leads: a screen reader reads the address, and the printed page shows nothing',
      'chapters/intro.md:3:89 Unexpected link to `https://example.org/c` without text, expected words that say where it leads: a screen reader reads the address, and the printed page shows nothing'
    ])
  })

  test('the report’s language: English phrases in an English report', async () => {
    const english = baseProject['rapporteur.yaml']!.replace('lang: fr', 'lang: en-GB')
    const result = await findings({'rapporteur.yaml': english, 'chapters/intro.md': `${base}See [here](https://example.org/a), [Read more…](https://example.org/b) and [the 2024 survey](https://example.org/c).\n`})
    expect(result.map((line) => line.slice(0, line.indexOf(',')))).toEqual(['chapters/intro.md:3:5 Unexpected link text `here`', 'chapters/intro.md:3:36 Unexpected link text `Read more…`'])
  })

  test('links that say where they lead, into the report, or whose text is the address are not reported', async () => {
    expect(await findings({'chapters/intro.md': `${base}Voir [le rapport 2024 de l’Arcom](https://example.org/a), <https://example.org/b>, [ici](#intro), [ici, en ligne, le guide](https://example.org/c) et [![Logo de la fondation](logo.png)](https://example.org).\n`, 'chapters/logo.png': ''})).toEqual([])
  })
})
