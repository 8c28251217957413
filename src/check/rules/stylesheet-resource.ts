import {defineRule} from '../rule.js'

export const stylesheetResource = defineRule({
  id: 'stylesheet-resource',
  severity: 'error',
  summary: "The project's stylesheets load nothing from the web, and no file of the project but its fonts.",
  docs: `A designer's habit is to load a web font with \`@import url("https://fonts.googleapis.com/…")\`, or a
background from a web address. The PDF is printed without a network: the request is refused, and
Paged.js stops on a stylesheet it cannot read, so the build would fail. The web page, for its part,
would depend on another site, and tell it who reads the report. \`check\` reports every address on the
web in \`theme/custom.css\` (and \`theme/styles/\`) at its place: put the font files in \`theme/fonts/\`
and name them with \`@font-face\` and \`url("fonts/…")\`, which the build copies (docs/designers.md).

A file of the project that a stylesheet names is copied only if it is a font of a \`fonts/\` folder:
an \`@import\` of another stylesheet or a \`url()\` of an image would name a file the pages do not
have. Put the rules in \`custom.css\` itself, and an image in the Markdown, whose images the build
copies. \`data:\` addresses and fragments are left alone; \`@font-face\` fonts are \`missing-font\`'s.`,
  examples: {
    ok: [
      {
        'theme/custom.css': '@font-face {\n  font-family: "Marianne";\n  src: url("fonts/Marianne-Regular.woff2") format("woff2");\n}\n\n:root { --rp-font-body: "Marianne", sans-serif; }\n',
        'theme/fonts/Marianne-Regular.woff2': 'wOF2'
      }
    ],
    notOk: [
      {'theme/custom.css': '@import url("https://fonts.googleapis.com/css2?family=Inter");\n\n:root { --rp-font-body: "Inter", sans-serif; }\n'},
      {'theme/custom.css': '@import "couleurs.css";\n\n.rp-cover { background-image: url("images/fond.png"); }\n'}
    ]
  },
  check({model, report}) {
    for (const resource of model.stylesheetResources) {
      if (resource.kind === 'web') {
        const stops = resource.stylesheet ? ', and Paged.js stops on a stylesheet it cannot read' : ''
        report(resource, `Unexpected address on the web \`${resource.address}\` in ${resource.file}, expected a file of the project (a font in \`theme/fonts/\`, named by \`url("fonts/…")\`): the PDF is printed without a network${stops}`)
      } else {
        const expected = resource.stylesheet ? 'its rules in this stylesheet' : 'a font of `theme/fonts/` (a logo goes in rapporteur.yaml, `logo:`, which the cover shows; another image in the Markdown, whose images the build copies)'
        report(resource, `Unexpected address \`${resource.address}\` in ${resource.file}, expected ${expected}: the build copies no other file a stylesheet names, so the pages would not find it`)
      }
    }
  }
})
