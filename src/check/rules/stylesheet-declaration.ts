import {defineRule} from '../rule.js'

export const stylesheetDeclaration = defineRule({
  id: 'stylesheet-declaration',
  severity: 'warning',
  summary: "A declaration of the project's stylesheets that browsers would skip: an unknown property or a value its grammar refuses.",
  docs: `A browser skips a declaration it cannot read without a word, and so does Paged.js: \`colr: #1e6b45\`,
\`color: #1e6b4\` or \`font-size: 12 pt\` in \`theme/custom.css\` leaves the page as it was, and the designer
wondering why. \`check\` reads the project's own stylesheets (\`theme/custom.css\`, \`theme/styles/\`) and
reports each such declaration at its place: an unknown property with the closest one, a value with the
grammar it should follow (\`<color>\`). The grammar is CSS's, as MDN describes it, read by css-tree. Not
checked: custom properties (\`--rp-…\`), vendor prefixes (\`-webkit-…\`), a value with \`var()\` (known only
once resolved), \`content\`, and what paged media adds and Paged.js reads (\`size\`, \`marks\`, \`bleed\`,
\`string-set\`, \`footnote-display\`, \`float: footnote\`, \`position: running(…)\`, \`string()\`,
\`target-counter()\`…). A property newer than css-tree's grammar may be reported: turn the rule off for
it (\`--rule stylesheet-declaration=off\`).`,
  examples: {
    ok: [{'theme/custom.css': ':root { --rp-color-accent: #1e6b45; }\n\nh1 { color: var(--rp-color-accent); font-size: 2.2rem; }\n\n.rp-footnote { float: footnote; }\n\n@page { size: A5; marks: crop; bleed: 3mm; @top-center { content: string(chapitre); } }\n\nh1 { string-set: chapitre content(text); }\n'}],
    notOk: [{'theme/custom.css': 'h1 { colr: #1e6b45; font-size: 12 pt; }\n\n.rp-stat__value { color: #1e6b4; }\n'}]
  },
  check({model, report}) {
    for (const declaration of model.stylesheetDeclarations) {
      if (declaration.problem === 'unknown-property') report(declaration, `Unexpected property \`${declaration.property}\`, which browsers skip, expected a CSS property${declaration.closest}`)
      else report(declaration, `Unexpected value \`${declaration.value}\` for \`${declaration.property}\`${declaration.syntax ? `, expected \`${declaration.syntax}\`` : ''}: browsers skip the declaration`)
    }
  }
})
