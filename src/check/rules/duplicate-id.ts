import type {Position} from 'unist'
import type {Located} from '../../model/types.js'
import {defineRule} from '../rule.js'

export const duplicateId = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  summary: 'Ids of recommendations, stats, chapters, sources and glossary terms must be unique.',
  docs: `Ids are anchors in the HTML, targets of \`:ref\` and keys in exports: two things with one id
make links ambiguous. Recommendations, stats and chapters share one namespace (all can be
referenced); sources and glossary terms each have their own.`,
  examples: {
    ok: [{'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enquete-2024}\ndes répondants.\n:::\n\n:::stat{#stat-b value="30 %" source=enquete-2024}\ndes parents.\n:::\n\n:term[sextorsion]\n'}],
    notOk: [
      {'chapters/intro.md': ':::stat{#stat-a value="12 %" source=enquete-2024}\ndes répondants.\n:::\n\n:::stat{#stat-a value="30 %" source=enquete-2024}\ndes parents.\n:::\n\n:term[sextorsion]\n'},
      {'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage.\n- id: sextorsion\n  term: sextortion\n  definition: Chantage.\n'}
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
  }
})

function anchorPosition(anchor: Located | undefined): Position {
  return anchor?.position ?? {start: {line: 1, column: 1}, end: {line: 1, column: 1}}
}
