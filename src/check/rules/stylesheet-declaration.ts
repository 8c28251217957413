import {defineRule} from '../rule.js'

export const stylesheetDeclaration = defineRule({
  id: 'stylesheet-declaration',
  severity: 'warning',
  summary: "What browsers would skip in the project's stylesheets: text they cannot read, an unknown at-rule or property, a value its grammar refuses.",
  docs: `A browser skips a declaration it cannot read without a word, and so does Paged.js: \`colr: #1e6b45\`,
\`color: #1e6b4\` or \`font-size: 12 pt\` in \`theme/custom.css\` leaves the page as it was, and the designer
wondering why. \`check\` reads the project's own stylesheets (\`theme/custom.css\`, \`theme/styles/\`) and
reports each such declaration at its place: an unknown property with the closest one, a value with the
grammar it should follow (\`<color>\`); so is text the CSS parser cannot read (\`font-size 12pt\`, where a
colon is expected: the browser drops the declaration, or the whole rule) and an at-rule CSS and paged
media do not have (\`@pgae\`), which it skips with everything inside; so is a media type or feature CSS
does not have (\`@media prnt\`, \`(min-widht: 40em)\`), for which the rules inside never apply. The grammar is CSS's, as MDN describes it, read by css-tree. Not
checked: custom properties (\`--rp-…\`), vendor prefixes (\`-webkit-…\`), a value with \`var()\` (known only
once resolved), \`content\`, and what paged media adds and Paged.js reads (\`size\`, \`marks\`, \`bleed\`,
\`string-set\`, \`footnote-display\`, \`float: footnote\`, \`position: running(…)\`, \`string()\`,
\`target-counter()\`…). A property newer than css-tree's grammar may be reported: turn the rule off for
it (\`--rule stylesheet-declaration=off\`).`,
  examples: {
    ok: [{'theme/custom.css': '@media print and (min-width: 10cm), screen and (prefers-color-scheme: dark) { h2 { color: #111; } }\n\n@media not print { h3 { color: #222; } }\n\n:root { --rp-color-accent: #1e6b45; }\n\nh1 { color: var(--rp-color-accent); font-size: 2.2rem; }\n\n.rp-footnote { float: footnote; }\n\n@page { size: A5; marks: crop; bleed: 3mm; @top-center { content: string(chapitre); } }\n\nh1 { string-set: chapitre content(text); }\n'}],
    notOk: [
      {'theme/custom.css': 'h1 { colr: #1e6b45; font-size: 12 pt; }\n\n.rp-stat__value { color: #1e6b4; }\n'},
      {'theme/custom.css': 'h1 { font-size 2rem; }\n\n@pgae { margin: 2cm; }\n'},
      {'theme/custom.css': '@media prnt {\n  h1 { color: #1e6b45; }\n}\n\n@media screen and (min-widht: 40em) {\n  main { max-width: 40em; }\n}\n'}
    ]
  },
  check({model, report}) {
    for (const declaration of model.stylesheetDeclarations) {
      if (declaration.problem === 'parse-error') report(declaration, `Unexpected CSS here, expected ${declaration.value.replace(/ is expected$/u, '').replace(/^./u, (first) => first.toLowerCase())}: browsers skip the declaration or the rule it stands in`)
      else if (declaration.problem === 'unknown-at-rule') report(declaration, `Unexpected at-rule \`${declaration.property}\`, which browsers skip with all it holds, expected one CSS or paged media has${declaration.closest}`)
      else if (declaration.problem === 'unknown-media-type') report(declaration, `Unexpected media type \`${declaration.property}\`, expected \`print\` (the PDF), \`screen\` (the web page) or \`all\`${declaration.closest}: no output matches it, so the rules inside never apply`)
      else if (declaration.problem === 'unknown-media-feature') report(declaration, `Unexpected media feature \`${declaration.property}\`, expected one of CSS${declaration.closest}: browsers take the query as false, so the rules inside never apply`)
      else if (declaration.problem === 'unknown-property') report(declaration, `Unexpected property \`${declaration.property}\`, which browsers skip, expected a CSS property${declaration.closest}`)
      else report(declaration, `Unexpected value \`${declaration.value}\` for \`${declaration.property}\`${declaration.syntax ? `, expected \`${declaration.syntax}\`` : ''}: browsers skip the declaration`)
    }
  }
})
