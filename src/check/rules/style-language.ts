import type {Element} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {defineRule} from '../rule.js'
import {primaryLanguage} from '../../render/typography/hast.js'

const config = (lang: string) => `title: Exemple\norganisation: Fondation Exemple\nlang: ${lang}\ndate: 2026-01\naxes:\n  - {id: prevention, label: Prévention}\ncitations: {csl: style.csl}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`
const style = (locale: string, words: string) => `<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0"${locale ? ` default-locale="${locale}"` : ''}>\n  <info><title>Exemple</title><id>exemple</id><updated>2026-01-01T00:00:00+00:00</updated></info>\n  <citation><layout suffix="."><text variable="title"/><text value="${words}" prefix=", "/><date variable="accessed" form="text" prefix=" "/></layout></citation>\n</style>\n`


export const styleLanguage = defineRule({
  id: 'style-language',
  severity: 'warning',
  summary: "A project's CSL style in another language than the report's would mix two languages in every note.",
  docs: `citeproc-js formats citations and the bibliography in the report's language (\`lang\` in
rapporteur.yaml): its terms ("accessed", "edited by", "p.") and its dates. But a CSL style may also
write words of its own (\`<text value="Consulté le"/>\`), in the language it was made for: a French
Chicago style in an English report printed "London : CPRE, July 2021. Consulté le September 15,
2026." A style whose \`default-locale\` names another language than the report's is reported at its
\`<style>\` element: use the style made for the report's language (the CSL repository has most styles
in several), or change the words it writes and its \`default-locale\`. A style without
\`default-locale\`, and rapporteur's own styles, are not reported.`,
  examples: {
    ok: [
      {'rapporteur.yaml': config('en-GB'), 'style.csl': style('en-US', 'accessed'), 'chapters/intro.md': 'A finding [@enquete-2024] on :term[sextorsion].\n'},
      {'rapporteur.yaml': config('fr'), 'style.csl': style('', 'consulté le'), 'chapters/intro.md': 'Un constat [@enquete-2024] sur la :term[sextorsion].\n'}
    ],
    notOk: [{'rapporteur.yaml': config('en-GB'), 'style.csl': style('fr-FR', 'Consulté le'), 'chapters/intro.md': 'A finding [@enquete-2024] on :term[sextorsion].\n'}]
  },
  check({model, report}) {
    const {citationStyle, config} = model
    if (!citationStyle.custom) return
    let root: Element | undefined
    try {
      root = fromXml(citationStyle.xml).children.find((node): node is Element => node.type === 'element')
    } catch {
      // A style that does not parse is the schema's finding.
      return
    }
    const locale = root?.attributes['default-locale']
    if (!root?.position || typeof locale !== 'string' || primaryLanguage(locale.replace('_', '-')) === primaryLanguage(config.lang)) return
    report({file: citationStyle.name, position: root.position}, `Unexpected \`default-locale="${locale}"\` in the CSL style, expected the report's language, \`${config.lang}\`: citeproc-js writes the terms and dates in \`${config.lang}\`, the words the style writes itself stay in \`${locale}\` (use the style made for \`${config.lang}\`, or translate its words and change its \`default-locale\`)`)
  }
})
