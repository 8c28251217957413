import {defineRule} from '../rule.js'

export const rawHtml = defineRule({
  id: 'raw-html',
  severity: 'error',
  summary: 'Raw HTML is refused unless the project opts in with `check.html: true`.',
  docs: `Raw HTML bypasses the format: it is not checked, not accessible by construction and not
paginated predictably. Use Markdown or a directive instead. HTML comments (\`<!-- … -->\`) are allowed:
they are notes for writers and never printed. A project that needs HTML sets \`check: {html: true}\`.`,
  examples: {
    ok: [{'chapters/intro.md': 'Texte [@enquete-2024] :term[sextorsion].\n\n<!-- note pour la relecture -->\n'}],
    notOk: [{'chapters/intro.md': 'Texte <span style="color:red">rouge</span> [@enquete-2024] :term[sextorsion].\n'}]
  },
  check({model, report}) {
    if (model.config.check.html) return
    for (const html of model.html) report(html, 'Unexpected raw HTML, expected Markdown or a directive (or `check.html: true` in rapporteur.yaml)')
  }
})
