import {imageKey} from '../../render/images.js'
import {defineRule} from '../rule.js'

const image = (svg: string) => ({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Signalements par région en 2024](carte.svg)\n', 'chapters/carte.svg': svg})

export const svgWithoutViewbox = defineRule({
  id: 'svg-without-viewbox',
  severity: 'warning',
  summary: 'An SVG image with neither a `viewBox` nor a width and height of its own is cropped to 300 × 150: say so.',
  docs: `An SVG says how large its drawing is by its \`viewBox\` (\`viewBox="0 0 1200 400"\`: the area
to show, and its shape), or by a width and a height in pixels or another unit. One that has neither,
as some chart tools export it (\`width="100%" height="100%"\` and no \`viewBox\`), has no size nor
shape when it is shown as an image: the browser gives it a box of 300 × 150 pixels and draws only
what falls inside, in the web page and the PDF alike, without a word. Each such SVG is reported once,
at its first use: add a \`viewBox\` to its \`<svg>\` element that covers the drawing
(\`viewBox="0 0 width height"\`, from the drawing program's page or artboard size), or give it a
width and a height in pixels, or export the chart as PNG at 300 dpi.`,
  examples: {
    ok: [
      image('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%" viewBox="0 0 1200 400"><rect width="1200" height="400"/></svg>\n'),
      image('<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><rect width="1200" height="400"/></svg>\n')
    ],
    notOk: [image('<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%">\n  <rect width="1200" height="400"/>\n</svg>\n')]
  },
  check({model, report}) {
    const seen = new Set<string>()
    for (const use of model.images) {
      const found = model.imageFiles.get(imageKey(use.file, use.url))
      const unsized = found?.svg?.unsized
      const name = found?.path ?? use.url
      if (!unsized || seen.has(name)) continue
      seen.add(name)
      const size = unsized.width || unsized.height ? `width="${unsized.width ?? ''}" height="${unsized.height ?? ''}"` : 'no width or height'
      report(use, `Unexpected SVG \`${name}\` without a \`viewBox\` (line ${unsized.line}: ${size}), expected a \`viewBox\` on its \`<svg>\` element (\`viewBox="0 0 width height"\` of the drawing) or a width and height in pixels: without either, the browser shows it in a 300 × 150 box and crops the rest`)
    }
  }
})
