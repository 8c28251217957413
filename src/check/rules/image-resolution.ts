import {lengthToPoints, pageSizePoints} from '../../model/schemas/page-size.js'
import type {Config} from '../../model/schemas/config.js'
import {imageKey} from '../../render/images.js'
import {defineRule} from '../rule.js'

/** What printers ask of photographs and charts at their printed size. */
const minimumDpi = 300
/** CSS pixels: 96 to the inch, 0.75 pt each, as Chromium prints them. */
const pointsPerPixel = 0.75

export const imageResolution = defineRule({
  id: 'image-resolution',
  severity: 'warning',
  summary: 'A raster image must have at least 300 pixels per inch at the size it is printed.',
  docs: `A chart or a photograph printed larger than its pixels allow comes out blurred. The printed width is
the image's \`width\` attribute (\`{width=70%}\` of the text width, \`{width=8cm}\`), else its own width at 96
pixels to the inch, never wider than the text. Below 300 pixels per inch at that width, \`check\` says so at
the image, with what it measured; the fix is a larger export of the image (or a vector one: SVG has no
resolution), or a smaller \`width\`. The PDF's preflight measures the same after layout, with the page.`,
  examples: {
    ok: [{'chapters/intro.md': '![Carte des signalements](carte.gif){width=8mm}\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/carte.gif': 'GIF89ad\u00002\u0000\n'}],
    notOk: [{'chapters/intro.md': '![Carte des signalements](carte.gif){width=70%}\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/carte.gif': 'GIF89ad\u00002\u0000\n'}]
  },
  check({model, report}) {
    const textWidth = textWidthPoints(model.config.print)
    for (const image of model.images) {
      const found = model.imageFiles.get(imageKey(image.file, image.url))
      if (!found?.width || found.problem || found.format === 'svg') continue
      const printed = printedWidth(image.width, found.width, textWidth)
      const dpi = found.width / (printed / 72)
      if (dpi >= minimumDpi) continue
      const size = `${(printed / 72 * 2.54).toFixed(1)} cm`
      report(image, `Unexpected image \`${image.url}\` at ${Math.round(dpi)} pixels per inch (${found.width} pixels printed ${size} wide), expected at least ${minimumDpi}: a larger export, an SVG, or a smaller \`width\``)
    }
  }
})

/** The width the image takes in print, in points. */
function printedWidth(attribute: string | undefined, pixels: number, textWidth: number): number {
  const percent = attribute ? /^(\d+(?:\.\d+)?)%$/u.exec(attribute.trim()) : null
  if (percent) return (textWidth * Number(percent[1])) / 100
  const length = attribute ? (lengthToPoints(attribute) ?? (/^\d+(?:\.\d+)?$/u.test(attribute.trim()) ? Number(attribute) * pointsPerPixel : undefined)) : undefined
  return Math.min(length ?? pixels * pointsPerPixel, textWidth)
}

function textWidthPoints(print: Config['print']): number {
  const [width] = pageSizePoints(print.size)
  return width - (lengthToPoints(print.margins.inside) ?? 0) - (lengthToPoints(print.margins.outside) ?? 0)
}
