import {defineRule} from '../rule.js'
import {unescapedAddress} from '../../model/address.js'
import {isFrench} from '../../render/typography/french-spacing.js'

/** Alternative texts that say nothing of what an image shows, lowercased, punctuation gone. */
const vague: ReadonlySet<string> = new Set([
  'image', 'une image', 'l image', 'photo', 'une photo', 'photographie', 'graphique', 'un graphique', 'figure', 'illustration', 'schéma', 'schema', 'capture', 'capture d écran', 'carte', 'diagramme', 'logo', 'icône', 'icone',
  'picture', 'a picture', 'an image', 'the image', 'chart', 'a chart', 'graph', 'diagram', 'screenshot', 'map', 'icon', 'img', 'alt', 'alt text', 'placeholder'
])

/** What Word and PowerPoint write when they describe an image themselves. */
const generated = /description (?:générée automatiquement|automatically generated)/iu

export const imageAltText = defineRule({
  id: 'image-alt-text',
  severity: 'warning',
  summary: 'An image’s alternative text must say what it shows: not its file name, a word like “image”, or Word’s generated description.',
  docs: `Screen-reader users hear the alternative text instead of seeing the image, and it is the PDF's
\`Alt\` of its figure. \`![IMG_2034](IMG_2034.jpg)\`, \`![graphique](carte.png)\` or \`![image](…)\` tell
them nothing. Word and PowerPoint write an alternative text of their own ("Une image contenant texte,
capture d’écran… Description générée automatiquement", "… Description automatically generated"),
which survives a conversion to Markdown and describes the picture, not what it means for the
report. Such texts are reported: write what the image shows, as the sentence around it would say it
(\`![Signalements par région en 2024 : le Nord en tête](carte.png)\`). A figure's caption is its
alternative text unless \`fig-alt\` gives another: the one read is the one checked. An image without any
alternative text is \`image-without-alt\`'s.`,
  examples: {
    ok: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Signalements par région en 2024](carte.png)\n', 'chapters/carte.png': ''}],
    notOk: [{'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![carte_regions-2024](img/carte_regions-2024.png)\n\n![Graphique](img/carte_regions-2024.png)\n\n![Une image contenant texte, capture d’écran, Police. Description générée automatiquement](img/carte_regions-2024.png)\n', 'chapters/img/carte_regions-2024.png': ''}]
  },
  check({model, report}) {
    for (const image of model.images) {
      const alt = image.alt?.trim()
      if (!alt) continue
      const words = plain(alt)
      const file = image.url.split(/[?#]/u)[0]!.split('/').pop() ?? ''
      const name = plain(unescapedAddress(file))
      const stem = plain(unescapedAddress(file.replace(/\.[a-z\d]+$/iu, '')))
      if (words === name || words === stem) report(image, `Unexpected alternative text \`${alt}\`, the image's file name, expected what the image shows: screen readers read it instead of the image`)
      else if (vague.has(words)) report(image, `Unexpected alternative text \`${alt}\`, expected what the image shows (\`${isFrench(model.config.lang) ? 'Signalements par région en 2024' : 'Reports by region in 2024'}\`), not what it is: screen readers read it instead of the image`)
      else if (generated.test(alt)) report(image, `Unexpected alternative text written by Word or PowerPoint (\`${alt.length > 60 ? `${alt.slice(0, 57)}…` : alt}\`), expected what the image shows for the report: it describes the picture, not its meaning`)
    }
  }
})

/** Lowercased, apostrophes and punctuation to spaces, spaces collapsed: `Capture d’écran` → `capture d écran`. */
function plain(text: string): string {
  return text.toLowerCase().replace(/[\p{P}\p{S}_]+/gu, ' ').replace(/\s+/gu, ' ').trim()
}
