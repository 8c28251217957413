import {defineRule} from '../rule.js'

export const missingFont = defineRule({
  id: 'missing-font',
  severity: 'error',
  summary: "Every font file an @font-face of the project's theme names must be in its theme/fonts/ folder.",
  docs: `A project brings its own fonts in \`theme/fonts/\`, under any file name, and declares each
face with \`@font-face\` in \`theme/custom.css\` (\`url("fonts/<file>")\`) or in a stylesheet of
\`theme/styles/\` (\`url("../fonts/<file>")\`). The build copies the files those urls name beside the HTML
and the PDF embeds them. A file that is in none of the places looked at (\`theme/fonts/\`, then the
theme's own fonts, then, for a file named the @fontsource way such as
\`inter-latin-400-normal.woff2\`, that package when it is installed) would leave the text in a fallback
font: \`check\` says so at the url. A url elsewhere than \`fonts/\` is reported too, since the build
copies nothing else. \`rapporteur doctor\` lists every family of the theme with where its files come
from (docs/designers.md).`,
  examples: {
    ok: [
      {'theme/custom.css': '@font-face {\n  font-family: "Source Sans 3";\n  font-weight: 300;\n  src: url("fonts/source-sans-3-latin-300-normal.woff2") format("woff2");\n}\n\n:root { --rp-font-body: "Source Sans 3", sans-serif; }\n'}
    ],
    notOk: [
      {'theme/custom.css': '@font-face {\n  font-family: "Marianne";\n  src: url("fonts/Marianne-Regular.woff2") format("woff2");\n}\n\n:root { --rp-font-body: "Marianne", sans-serif; }\n'},
      {'theme/custom.css': '@font-face {\n  font-family: "Marianne";\n  src: url("Marianne-Regular.woff2") format("woff2");\n}\n'}
    ]
  },
  check({model, report}) {
    for (const problem of model.fontProblems) report(problem, problem.message)
  }
})
