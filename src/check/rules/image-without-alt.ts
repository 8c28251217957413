import {defineRule} from '../rule.js'

export const imageWithoutAlt = defineRule({
  id: 'image-without-alt',
  severity: 'error',
  summary: 'Every image needs a text alternative.',
  docs: `Screen-reader users hear the alternative text instead of seeing the image: \`![Carte des
signalements par région](assets/carte.png)\`. A purely decorative image belongs in the theme's CSS,
not in the text.`,
  examples: {
    ok: [{'chapters/intro.md': '![Logo de la fondation](assets/logo.png)\n\nTexte [@enquete-2024] :term[sextorsion].\n'}],
    notOk: [{'chapters/intro.md': '![](assets/logo.png)\n\nTexte [@enquete-2024] :term[sextorsion].\n'}]
  },
  check({model, report}) {
    for (const image of model.images) {
      if (!image.alt?.trim()) report(image, `Unexpected image \`${image.url}\` without alternative text, expected \`![description](${image.url})\``)
    }
  }
})
