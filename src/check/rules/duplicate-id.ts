import type {Position} from 'unist'
import type {Located} from '../../model/types.js'
import {reservedIds} from '../../model/reserved-ids.js'
import {defineRule} from '../rule.js'

export const duplicateId = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Ids of recommendations, stats, chapters, sources and glossary terms must be unique.',
  docs: `Ids are anchors in the HTML, targets of \`:ref\` and keys in exports: two things with one id
make links ambiguous. Recommendations, stats and chapters share one namespace (all can be
referenced); sources and glossary terms each have their own.

Nor may an id written by hand (\`## Constats {#main}\`, \`[texte]{#note-1}\`) be one
rapporteur gives an element of its own: \`main\` (the skip link's target), \`note-3\` and \`note-call-3\`
(the notes and their calls), \`notes-title\`, \`bibliographie\`, \`bibliography\`, \`bibliography-title\`,
\`toc-title-full\` and \`toc-title-synthesis\`, a glossary entry's \`term-<id>\`, a source's entry's
\`source-<id>\`, a chapter's or a recommendation's title \`<id>-title\`, a key figure's \`key-<id>\` and an
axis's heading \`axis-<id>-full\`. A link or a note call would land on the wrong one. A heading's automatic
id (from its text) keeps clear of them by itself: \`## Note 1\` is \`note-1-1\`.`,
  examples: {
    ok: [{'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enquete-2024}\ndes répondants.\n:::\n\n:::stat{#stat-b value="30 %" source=enquete-2024}\ndes parents.\n:::\n\n:term[sextorsion]\n'}],
    notOk: [
      {'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enquete-2024}\ndes répondants.\n:::\n\n:::stat{#stat-a value="30 %" source=enquete-2024}\ndes parents.\n:::\n\n:term[sextorsion]\n'},
      {'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage.\n- id: sextorsion\n  term: sextortion\n  definition: Chantage.\n'},
      {'chapters/intro.md': '## Principaux constats {#main}\n\nLa :term[sextorsion] progresse [@enquete-2024].\n'}
    ]
  },
  check({model, report}) {
    const namespaces: Array<[string, Array<Located & {id: string}>]> = [
      ['id', [...model.documents.map((document) => ({file: document.path, position: anchorPosition(model.anchors.get(document.id)), id: document.id})), ...model.recommendations, ...model.stats, ...model.explicitIds]],
      ['source id', model.sources.map((entry) => ({file: entry.file, position: entry.fields.id ?? entry.position, id: entry.value.id}))],
      ['glossary id', model.glossary.map((entry) => ({file: entry.file, position: entry.fields.id ?? entry.position, id: entry.value.id}))]
    ]
    for (const [label, items] of namespaces) {
      const first = new Map<string, Located>()
      for (const item of items) {
        const seen = first.get(item.id)
        if (!seen) first.set(item.id, item)
        else report(item, `Unexpected duplicate ${label} \`${item.id}\`, expected a unique one (first defined at ${seen.file}:${seen.position.start.line}:${seen.position.start.column})`, {related: {file: seen.file, place: seen.position, message: 'first defined here'}})
      }
    }
    // An id written by hand that rapporteur gives an element of its own.
    const reserved = reservedIds(model)
    for (const item of namespaces[0]![1]) {
      const owner = reserved.owner(item.id)
      if (owner) report(item, `Unexpected id \`${item.id}\`, expected one rapporteur does not give an element of its own: \`${item.id}\` is the id of ${owner}`)
    }
  }
})

function anchorPosition(anchor: Located | undefined): Position {
  return anchor?.position ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
}
