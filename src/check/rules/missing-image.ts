import {imageKey} from '../../render/images.js'
import type {SvgReading} from '../../model/types.js'
import {defineRule} from '../rule.js'

export const missingImage = defineRule({
  id: 'missing-image',
  severity: 'error',
  summary: 'Every image the text names must be an image file in the report folder.',
  docs: `An image is looked for beside the Markdown file that names it first, as Quarto does
(\`![Carte](img/carte.png)\` in \`chapters/partie-1/intro.md\` is \`chapters/partie-1/img/carte.png\`), then from
the report folder (\`assets/carte.png\`), as Pandoc run from there would. A file found in neither, a file
that is not an image, an image browsers do not show (TIFF, HEIC, PSD, JPEG 2000: export it as PNG or
JPEG), or a file outside the report folder would leave a
broken image in the PDF and the web page: \`check\` says so at the image, with where it looked. Images on
the web (\`https://…\`) are refused too, in Markdown and in raw HTML (\`<img src="https://…">\` or any
other file it loads from the web, with \`check.html: true\`): the PDF is printed without a network, so download the image into the project.

An SVG is shown as an image, and a browser loads nothing an image names outside itself: a bitmap
Inkscape or Illustrator *linked* rather than embedded (\`<image href="photo.jpg">\`), a symbol of
another file (\`<use href="icons.svg#logo">\`), a stylesheet or a font by \`url()\`. Each would be missing
from the web page and the PDF, so \`check\` names them, with their line in the SVG: embed them (Inkscape:
*Extensions › Images › Embed Images*; Illustrator: *Embed* in the Links panel), or export the picture
as PNG. An SVG whose XML does not parse is shown as nothing at all, and reported too.`,
  examples: {
    ok: [{'chapters/intro.md': '![Logo de la fondation](logo.svg)\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>\n'}],
    notOk: [
      {'chapters/intro.md': '![Carte des signalements](img/carte.png)\n\nTexte [@enquete-2024] :term[sextorsion].\n'},
      {'chapters/intro.md': '![Carte des signalements](carte.png)\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/carte.png': 'pas une image\n'},
      {'chapters/intro.md': '![Carte des signalements](https://example.org/carte.png)\n\nTexte [@enquete-2024] :term[sextorsion].\n'},
      // A TIFF of 40 × 30 pixels: its header and the two tags that give its size.
      {'chapters/intro.md': '![Photo](photo.tif)\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/photo.tif': 'II*\0\x08\0\0\0\x02\0\0\x01\x03\0\x01\0\0\0\x28\0\0\0\x01\x01\x03\0\x01\0\0\0\x1e\0\0\0\0\0\0\0'},
      {'chapters/intro.md': '![Affiche de la campagne](affiche.svg)\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/affiche.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 50">\n  <image xlink:href="photo-campagne.jpg" width="100" height="50"/>\n</svg>\n'},
      {'chapters/intro.md': '![Logo de la fondation](logo.svg)\n\nTexte [@enquete-2024] :term[sextorsion].\n', 'chapters/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">\n  <rect width="10" height="10">\n</svg>\n'}
    ]
  },
  check({model, report}) {
    // An `<img>` of raw HTML (printed only with `check.html: true`) is printed from the web too.
    if (model.config.check.html) {
      for (const fact of model.html.flatMap((html) => html.facts)) {
        if (fact.kind === 'remote-image') report(fact, `Unexpected image on the web \`${fact.name}\`, expected a file in the report folder (the PDF is printed without a network)`)
        else if (fact.kind === 'remote-resource') report(fact, `Unexpected file on the web \`${fact.name}\` loaded by raw HTML, expected an image in the report folder, named in Markdown (the PDF is printed without a network)`)
      }
    }
    for (const image of model.images) {
      const found = model.imageFiles.get(imageKey(image.file, image.url))
      if (found?.svg) reportSvg(found.path ?? image.url, found.svg, (message) => report(image, message))
      if (!found?.problem) continue
      const where = found.tried.map((place) => `\`${place}\``).join(' or ')
      const message = {
        missing: `Unexpected missing image \`${image.url}\`, expected a file at ${where}${image.url.includes('\\') ? ` (a path is written with \`/\`, as on the web: \`${image.url.replaceAll('\\', '/')}\`)` : ''}${found.closest ? `, did you mean \`${found.closest}\`?${found.closest.toLowerCase() === found.tried.find((place) => place.toLowerCase() === found.closest!.toLowerCase())?.toLowerCase() ? ' (names are read letter case and all, as on the web)' : ''}` : ''}`,
        'not-an-image': `Unexpected \`${found.path}\`, expected a PNG, JPEG, GIF, WebP or SVG image`,
        unsupported: `Unexpected ${(found.format ?? 'image').toUpperCase()} image \`${found.path}\`, expected a PNG, JPEG, GIF, WebP, AVIF or SVG image: browsers do not show ${(found.format ?? 'this format').toUpperCase()}, so it would be missing from the HTML and the PDF (export it as PNG or JPEG)`,
        // The reason names the file (`\`../logo.png\` is outside the report folder`), and may say what it expected.
        refused: `Cannot use the image: ${(found.reason ?? `\`${image.url}\``).replace(/, expected a file$/u, '')}, expected a file inside the report folder`,
        remote: `Unexpected image on the web \`${image.url}\`, expected a file in the report folder (the PDF is printed without a network)`
      }[found.problem]
      report(image, message)
    }
  }
})

/** Files an SVG links to, which the image will not show, or XML the browser cannot read at all. */
function reportSvg(name: string, svg: SvgReading, say: (message: string) => void): void {
  if (svg.malformed) {
    say(`Unexpected SVG \`${name}\` whose XML does not parse (line ${svg.malformed.line}, column ${svg.malformed.column}: ${svg.malformed.reason}), expected a well-formed SVG: browsers show nothing for it`)
    return
  }
  if (svg.links.length === 0) return
  const shown = svg.links.slice(0, 3).map((link) => `\`${link.href}\` (line ${link.line})`)
  const more = svg.links.length > 3 ? ` and ${svg.links.length - 3} more` : ''
  say(`Unexpected file${svg.links.length > 1 ? 's' : ''} ${shown.join(', ')}${more} linked from the SVG \`${name}\`, expected ${svg.links.length > 1 ? 'them' : 'it'} embedded: an SVG shown as an image loads nothing outside itself, so ${svg.links.length > 1 ? 'they' : 'it'} would be missing from the HTML and the PDF`)
}
