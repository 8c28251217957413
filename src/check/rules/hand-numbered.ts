import type {Nodes} from 'mdast'
import {toString} from 'mdast-util-to-string'
import type {Located} from '../../model/types.js'
import {eachNode} from '../each-node.js'
import {defineRule} from '../rule.js'
import {labelsFor} from '../../render/labels.js'

/** `Recommandation 3 :`, `Recommendation 3.`, `R3 –`: a recommendation's number typed in its title. */
const recommendationNumber = /^(?:recommandation|recommendation|rec\.?|r)\s*n?°?\s*\d+\s*(?:[:.–—-]\s*|$)/iu
/** `Figure 2 :`, `Graphique 2.`, `Carte 1 –`: a figure's. */
const figureNumber = /^(?:figure|fig\.?|graphique|graphe|carte|illustration|image|chart|map)\s*n?°?\s*\d+\s*[:.–—-]\s*/iu
/** `Tableau 1 :`, `Table 1.`: a table's. */
const tableNumber = /^(?:tableau|table|tab\.?)\s*n?°?\s*\d+\s*[:.–—-]\s*/iu

export const handNumbered = defineRule({
  id: 'hand-numbered',
  severity: 'warning',
  summary: 'Recommendations, and figures and tables with an id, are numbered by rapporteur: a number typed in their title prints twice.',
  docs: `rapporteur numbers the recommendations in reading order (R1, R2… and "Recommandation 3 · Prévention"
above the title), and the figures and tables that have an id ("Figure 2 : " and "Tableau 1 : " before
the caption). A title that starts with its own number, as a report written in a word processor has it
(\`### Recommandation 3 : Former les enquêteurs\`, \`![Figure 2 : Signalements par région](carte.png){#fig-carte}\`,
\`: Tableau 1 : Signalements {#tbl-regions}\`), prints the number twice, and the typed one goes wrong as
soon as a recommendation or a figure is added before it. Write the title alone; to point at one,
\`:ref[#rec-id]\` or \`@fig-carte\` print the number rapporteur gave it. A figure or a table without an id is
not numbered: its caption is left as written.`,
  examples: {
    ok: [{'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Former les enquêteurs\nTexte [@enquete-2024] :term[sextorsion].\n:::\n\n![Recommandations en 2024](carte.svg)\n', 'chapters/carte.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>\n'}],
    notOk: [
      {'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Recommandation 3 : Former les enquêteurs\nTexte [@enquete-2024] :term[sextorsion].\n:::\n\n![Figure 2 : Signalements par région](carte.svg){#fig-carte}\n\n| Région | Part |\n|---|---|\n| Nord | 12 % |\n\n: Tableau 1 : Signalements par région [@enquete-2024] {#tbl-regions}\n', 'chapters/carte.svg': '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 2"></svg>\n'}
    ]
  },
  check({model, report}) {
    // What rapporteur prints, in the report's language: "Recommendation 3 · Prevention", "Figure 2: ".
    const labels = labelsFor(model.config.lang)
    const plain = (text: string) => text.replace(/[\u00A0\u202F]/gu, ' ')
    const axis = model.config.axes[0]?.label ?? labels.recommendation
    const say = (at: Located, title: string, what: string, printed: string) =>
      report(at, `Unexpected number typed in the ${what} \`${title.trim()}\`, expected the ${what === 'title' ? 'title' : 'caption'} alone: rapporteur numbers ${printed}, so it would print twice`)
    for (const recommendation of model.recommendations) {
      const heading = recommendation.node.children.find((child) => child.type === 'heading')
      if (heading && recommendationNumber.test(toString(heading).trim())) say({file: recommendation.file, position: heading.position ?? recommendation.position}, toString(heading), 'title', `recommendations ("${labels.recommendation} 3 · ${axis}" above the title)`)
    }
    for (const document of model.documents) {
      eachNode(document.tree, (node: Nodes) => {
        if (node.type === 'paragraph' && node.data?.figure) {
          const image = node.children.find((child) => child.type === 'image')
          if (image?.data?.attributes?.id && figureNumber.test(image.alt?.trim() ?? '')) say({file: document.path, position: image.position ?? node.position!}, image.alt ?? '', 'caption', `figures with an id ("${plain(`${labels.figure} 2${labels.captionSeparator}`)}" before the caption)`)
        }
        if (node.type === 'table' && node.data?.attributes?.id && node.data.caption) {
          // As written, citations and all.
          const [first, last] = [node.data.caption[0], node.data.caption.at(-1)]
          const caption = String(document.file.value).slice(first?.position?.start.offset ?? 0, last?.position?.end.offset ?? 0)
          if (tableNumber.test(caption.trim())) say({file: document.path, position: first?.position ?? node.position!}, caption, 'caption', `tables with an id ("${plain(`${labels.table} 1${labels.captionSeparator}`)}" before the caption)`)
        }
      })
    }
  }
})
