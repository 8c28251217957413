import type {RefUse} from '../../model/types.js'
import {defineRule} from '../rule.js'
import {closestKnown, didYouMean} from '../../diagnostics/suggest.js'
import {fragmentId} from '../../model/address.js'
import {isPageFragment, linkTargets, printedId} from '../../model/link-targets.js'

export const brokenRef = defineRule({
  id: 'broken-ref',
  severity: 'error',
  summary: 'Every `:ref[#id]`, `@fig-x` and `[texte](#id)` must point to something the report holds, and every `see:` of the glossary to an entry.',
  docs: `\`:ref[#rec-campagne]\` renders as "recommandation 3" with a link; a target that does not exist
would print as a dead reference. Quarto's cross-references (\`@fig-carte\`, \`@tbl-regions\`, \`@sec-methode\`) are
checked the same way: they point at a figure (\`![Légende](carte.png){#fig-carte}\`), a table (\`: Légende {#tbl-regions}\`)
or a heading (\`## Méthode {#sec-methode}\`; every heading also has an id made from its text). A link into the
report, \`[la méthode](#méthode)\` (or \`[la méthode][m]\` with \`[m]: #méthode\`, or \`<a href="#méthode">\` in raw HTML
with \`check.html: true\`), may point at any of those, or at anything else given an id: a span
(\`[texte]{#id}\`), a div (\`::: {#id}\`), an image, a link or code with \`{#id}\`, an element of raw HTML, a
glossary entry (\`#term-<id>\`) or a source's entry in the bibliography (\`#source-<id>\`); \`#\`, \`#top\` and
the notes' \`#note-3\` are not checked. Unlike \`:ref\`, such a link prints its own text: in the other
edition's PDF it is text alone, on the web it leads to the other edition's page. A glossary entry's
\`see: [id, …]\` links to other entries: each must be the id of one. Fix the id (the message suggests the
closest) or add the target.`,
  examples: {
    ok: [
      {'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\nVoir :ref[#rec-a] et :ref[#intro]. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\n| Région | Part |\n|---|---|\n| Nord | 12 % |\n\n: Signalements par région [@enquete-2024] {#tbl-regions}\n\nVoir le @tbl-regions et la @sec-methode. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': '## Méthode\n\n::: {#encadre}\nLa :term[sextorsion] progresse [@enquete-2024].\n:::\n\nVoir [la méthode](#méthode), [l’encadré](#encadre), [la source](#source-enquete-2024) et [le haut de la page](#top).\n'}
    ],
    notOk: [
      {'chapters/intro.md': ':::recommendation{#rec-a axis=prevention}\n### Agir\nTexte.\n:::\n\nVoir :ref[#rec-b]. [@enquete-2024] :term[sextorsion]\n'},
      {'chapters/intro.md': '## Méthode {#sec-methode}\n\n![Carte des signalements](carte.png){#fig-carte}\n\nVoir @fig-carto et la @sec-method. [@enquete-2024] :term[sextorsion]\n'},
      {'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage à la diffusion d’images intimes.\n  see: [grooming]\n'},
      {'chapters/intro.md': '## Méthode\n\nLa :term[sextorsion] progresse [@enquete-2024] : voir [la méthode](#methode) et [l’encadré][e].\n\n[e]: #encadre\n'}
    ]
  },
  check({model, report}) {
    const targets = new Set([...model.recommendations.map((item) => item.id), ...model.stats.map((item) => item.id), ...model.anchors.keys()])
    for (const ref of model.refs) {
      if (targets.has(ref.target)) continue
      // `@sec-qui-sont-ils` for `## Qui sont-ils`: the heading's id is its slug, which `@` cannot
      // name (Quarto's cross-references need the prefix); the id without it is no good advice.
      const section = ref.node.type === 'crossReference' && ref.target.startsWith('sec-') ? closestKnown(ref.target.slice(4), [...model.anchors].filter(([, anchor]) => anchor.kind === 'section').map(([id]) => id)) : undefined
      if (section) {
        const label = model.anchors.get(section)!.label
        report(ref, `Unexpected reference \`${written(ref)}\`, expected the id of a section: the heading “${label}” has the id \`${section}\`, which \`@\` cannot name; give the heading \`{#${ref.target}}\` (\`## ${label} {#${ref.target}}\`), or write \`:ref[#${section}]\``)
        continue
      }
      // `::: {#fig-x}`: an id the HTML has, on a div that is no figure (`unsupported-syntax` says so there).
      const element = model.explicitIds.find((item) => item.id === ref.target)
      if (element) {
        report(ref, `Unexpected reference \`${written(ref)}\`, expected the id of a recommendation, a stat, a chapter, a section, a figure or a table: \`${ref.target}\` is the id of an element that is none of these (${element.file}:${element.position.start.line})`)
        continue
      }
      report(ref, `Unexpected reference \`${written(ref)}\`, expected the id of a recommendation, a stat, a chapter, a section, a figure or a table${didYouMean(ref.target, targets)}`)
    }
    // A link into the report: to anything the HTML gives an id, in this edition or the other.
    const ids = new Set(linkTargets(model).map((target) => target.id))
    // Raw HTML is printed as written: its link to the bibliography's other spelling would lead nowhere.
    const htmlIds = new Set([...ids].filter((id) => printedId(id, model.config.lang) === id))
    const links = [...model.links, ...(model.config.check.html ? model.html.flatMap((html) => html.facts.filter((fact) => fact.kind === 'fragment-link')).map((fact) => ({...fact, url: `#${fact.name}`, raw: true})) : [])]
    for (const link of links) {
      if (!link.url.startsWith('#')) continue
      const id = fragmentId(link.url)
      const known = 'raw' in link ? htmlIds : ids
      if (isPageFragment(id) || known.has(id)) continue
      report(link, `Unexpected link to \`${link.url}\`, expected the id of a chapter, a section, a figure, a table, a recommendation, a stat or an element given \`{#id}\`: nothing in the report has this id${didYouMean(id, known)}`)
    }
    // A glossary entry's `see:` links to other entries in the glossary the report prints.
    const terms = new Set(model.glossary.map((entry) => entry.value.id))
    for (const entry of model.glossary) {
      for (const id of entry.value.see) {
        if (!terms.has(id)) report({file: entry.file, position: entry.fields.see ?? entry.position}, `Unexpected \`${id}\` in \`see\` of the glossary entry \`${entry.value.id}\`, expected the id of a glossary entry${didYouMean(id, terms)}`)
      }
    }
  }
})

/** As the writer wrote it: `#rec-b` in `:ref[…]`, `@fig-x` (or `@Fig-x`) for a Quarto cross-reference. */
function written(ref: RefUse): string {
  return ref.node.type === 'crossReference' ? ref.node.value.replace(/^-/u, '') : `#${ref.target}`
}
