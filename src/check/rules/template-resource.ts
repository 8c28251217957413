import {defineRule} from '../rule.js'

export const templateResource = defineRule({
  id: 'template-resource',
  severity: 'error',
  summary: "The project's templates load the theme's files through `{{#stylesheets}}`, not by addresses of their own.",
  docs: `A project can replace a template of its theme (\`theme/templates/document.html\`, \`cover.html\`,
\`back-cover.html\`). The web page is written to the output folder and the print HTML to its
\`.print/\` folder, so an address a template writes itself (\`<link rel="stylesheet"
href="assets/extra.css">\`, \`<img src="logo.png">\`) names two different files, and the build writes
neither: the web page would show without it and the print reports it (\`print-request-failed\`).
\`check\` says so at the address, wherever the template writes it: an attribute that loads a file
(\`href\`, \`src\`, \`poster\`, an \`<object>\`'s \`data\`), each address of a \`srcset\`, and a
\`url()\` or \`@import\` in a \`style\` attribute or element. Rules of your own go in \`theme/custom.css\` or a \`theme/styles/\`
file, which \`{{#stylesheets}}\` links from both places; an image goes in the report's Markdown,
whose images the build copies and links for each page (docs/designers.md). An address on the web
(\`https://…\`, \`//cdn…\`) is reported too: the PDF is printed without a network, and Paged.js stops on a
stylesheet it cannot read (a web font's \`<link>\`: put its files in \`theme/fonts/\`, see
\`stylesheet-resource\`). Other schemes (\`data:\`, \`mailto:\`), fragments (\`#main\`) and Mustache
values (\`{{href}}\`) are not files and are left alone.`,
  examples: {
    ok: [
      {'theme/templates/cover.html': '<header class="rp-cover">\n  <h1 class="rp-cover__title">{{title}}</h1>\n  <p><a href="#main">{{labels.skip}}</a></p>\n</header>\n'}
    ],
    notOk: [
      {'theme/templates/cover.html': '<header class="rp-cover">\n  <img src="logo.png" alt="Logo de la fondation">\n  <h1 class="rp-cover__title">{{title}}</h1>\n</header>\n'},
      {'theme/templates/back-cover.html': '<footer class="rp-back-cover" style="background: url(papier.jpg)">\n  <p>{{organisation}}</p>\n</footer>\n'},
      {'theme/templates/document.html': '<!doctype html>\n<html lang="{{lang}}">\n<head>\n  <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Inter">\n  {{#stylesheets}}<link rel="stylesheet" href="{{href}}">{{/stylesheets}}\n</head>\n<body class="{{bodyClass}}">{{{main}}}</body>\n</html>\n'}
    ]
  },
  check({model, report}) {
    for (const resource of model.templateAddresses) {
      const expected = resource.stylesheet ? "the theme's stylesheets only, through `{{#stylesheets}}` (rules of your own go in `theme/custom.css`)" : 'no file of its own (a logo: `logo:` in rapporteur.yaml, which a cover template shows as `{{logo}}`; other images go in the Markdown)'
      const why = resource.web
        ? `the PDF is printed without a network${resource.stylesheet ? ', and Paged.js stops on a stylesheet it cannot read' : ''}`
        : 'the web page (`dist/`) and the print (`dist/.print/`) read it from two folders, and the build writes no file there'
      report(resource, `Unexpected address${resource.web ? ' on the web' : ''} \`${resource.address}\` in a template, expected ${expected}: ${why}`)
    }
  }
})
