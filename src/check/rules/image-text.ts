import {imageKey} from '../../render/images.js'
import {defineRule} from '../rule.js'

const image = (svg: string) => ({'chapters/intro.md': 'La :term[sextorsion] progresse [@enquete-2024].\n\n![Signalements par région en 2024](carte.svg)\n', 'chapters/carte.svg': svg})

export const imageText = defineRule({
  id: 'image-text',
  severity: 'warning',
  summary: "An SVG image's text is set in a font of the machine that shows it, never in the report's: say so.",
  docs: `A Markdown image is shown through \`<img>\`, and an SVG shown that way is a sealed document: it
cannot use the report's fonts (the theme's, or those of \`theme/fonts/\`), nor load any of its own
from a file. Its text (\`<text>\`, as a chart exported from a spreadsheet or drawn in Inkscape has) is
set in a font installed on the machine that builds the PDF or shows the web page: another one on
another machine, often without the characters the text needs, and in the PDF a font the theme does
not have, which the build reports as a fallback font (\`preflight-missing-glyph\`). Each SVG with text
is reported once, at its first use: convert the text to outlines in the drawing program (Inkscape:
*Path › Object to Path*; Illustrator: *Create Outlines*), or export the chart as PNG at 300 dpi.`,
  examples: {
    ok: [image('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0h10v10z"/></svg>\n')],
    notOk: [image('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20">\n  <text x="0" y="15" font-family="Arial">Nord : 42</text>\n</svg>\n')]
  },
  check({model, report}) {
    const seen = new Set<string>()
    for (const use of model.images) {
      const found = model.imageFiles.get(imageKey(use.file, use.url))
      const text = found?.svg?.text
      const name = found?.path ?? use.url
      if (!text || seen.has(name)) continue
      seen.add(name)
      report(use, `Unexpected text in the SVG \`${name}\` (line ${text.line}), expected it as outlines, or the chart as a PNG: an image cannot use the report's fonts, so its text is set in a font of the machine that prints it, another on another machine, and a fallback font in the PDF`)
    }
  }
})
