import {describe, expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** A number typed where rapporteur numbers: it would print twice, and drift. */
const findings = ruleFindings('hand-numbered')
const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>\n'

describe('hand-numbered', () => {
  test('a recommendation’s title, a figure’s and a table’s caption, at the text', async () => {
    const chapter = [
      '# Introduction',
      '',
      ':::recommendation{#rec-a axis=prevention}',
      '### R2 – Former les enquêteurs',
      'Texte [@enquete-2024] :term[sextorsion].',
      ':::',
      '',
      '![Graphique 1. Signalements par région](carte.svg){#fig-carte}',
      '',
      '| Région | Part |',
      '|---|---|',
      '| Nord | 12 % |',
      '',
      'Table: Tableau n° 4 : Signalements par région [@enquete-2024] {#tbl-regions}',
      ''
    ].join('\n')
    const result = await findings({'chapters/intro.md': chapter, 'chapters/carte.svg': svg})
    expect(result.map((line) => line.slice(0, line.indexOf(', expected')))).toEqual([
      'chapters/intro.md:4:1 Unexpected number typed in the title `R2 – Former les enquêteurs`',
      'chapters/intro.md:8:1 Unexpected number typed in the caption `Graphique 1. Signalements par région`',
      'chapters/intro.md:14:8 Unexpected number typed in the caption `Tableau n° 4 : Signalements par région [@enquete-2024]`'
    ])
  })

  test('a title about a number, or a figure without an id, is left as written', async () => {
    const chapter = '# Introduction\n\n:::recommendation{#rec-a axis=prevention}\n### Réduire de 30 % les délais\nTexte [@enquete-2024] :term[sextorsion].\n:::\n\n:::recommendation{#rec-b axis=prevention}\n### Recommandations du Conseil de l’Europe\nTexte [@enquete-2024].\n:::\n\n![Figure 2 : Signalements](carte.svg)\n\n![Carte des régions](carte.svg){#fig-carte}\n'
    expect(await findings({'chapters/intro.md': chapter, 'chapters/carte.svg': svg})).toEqual([])
  })
})
