import {describe, expect, test} from 'vitest'
import {ruleFindings} from '../helpers/rule-findings.js'

/** What a screen reader hears instead of the image must say what it shows. */
const findings = ruleFindings('image-alt-text')
const base = 'La :term[sextorsion] progresse [@enquete-2024].\n\n'

describe('image-alt-text', () => {
  test('the file name, a word that says what it is, Word’s own description; fig-alt is the one read', async () => {
    const chapter = `${base}![IMG 2034](photos/IMG_2034.jpg)\n\n![Capture d’écran](x.png)\n\n![Une image contenant texte, capture d’écran, Police\nDescription générée automatiquement](x.png)\n\n![Signalements par région](x.png){fig-alt="image"}\n\n![Graphique](x.png){fig-alt="Le Nord en tête des signalements en 2024"}\n`
    const result = await findings({'chapters/intro.md': chapter, 'chapters/x.png': '', 'chapters/photos/IMG_2034.jpg': ''})
    expect(result.map((line) => line.slice(0, line.indexOf(',')))).toEqual([
      'chapters/intro.md:3:1 Unexpected alternative text `IMG 2034`',
      'chapters/intro.md:5:1 Unexpected alternative text `Capture d’écran`',
      'chapters/intro.md:7:1 Unexpected alternative text written by Word or PowerPoint (`Une image contenant texte',
      'chapters/intro.md:10:1 Unexpected alternative text `image`'
    ])
  })

  test('a text that says what the image shows is not reported, even with a word of the list in it', async () => {
    expect(await findings({'chapters/intro.md': `${base}![Carte des signalements par région](carte.png)\n\n![Logo de la Fondation pour l’Enfance](logo.png)\n`, 'chapters/carte.png': '', 'chapters/logo.png': ''})).toEqual([])
  })
})
