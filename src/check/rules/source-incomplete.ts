import type {Source, SourceType} from '../../model/schemas/sources.js'
import {defineRule} from '../rule.js'

/** The fields each type of source needs beyond the common ones, and why. */
export const requiredFields: Partial<Record<SourceType, ReadonlyArray<keyof Source>>> = {
  webpage: ['url'],
  article: ['publisher'],
  'press-release': ['publisher'],
  book: ['publisher']
}

export const sourceIncomplete = defineRule({
  id: 'source-incomplete',
  severity: 'warning',
  summary: 'Sources must have the fields their type needs (a web page its `url`…).',
  docs: `A reader must be able to find a source again. Beyond \`id\`, \`type\`, \`title\`, \`author\` and \`date\`:
a \`webpage\` needs its \`url\`; an \`article\` its \`publisher\` (the journal or outlet); a \`press-release\`
its \`publisher\`; a \`book\` its \`publisher\`. A web page should also say when it was \`accessed\`.`,
  examples: {
    ok: [{'sources.yaml': '- id: enquete-2024\n  type: webpage\n  title: Enquête\n  author: Observatoire\n  date: 2024\n  url: https://example.org/enquete\n  accessed: 2026-01-10\n'}],
    notOk: [{'sources.yaml': '- id: enquete-2024\n  type: webpage\n  title: Enquête\n  author: Observatoire\n  date: 2024\n'}]
  },
  check({model, report}) {
    for (const entry of model.sources) {
      const missing = (requiredFields[entry.value.type] ?? []).filter((field) => entry.value[field] === undefined)
      if (entry.value.type === 'webpage' && entry.value.url && !entry.value.accessed) missing.push('accessed')
      if (missing.length === 0) continue
      report({file: entry.file, position: entry.fields.type ?? entry.position}, `Unexpected ${entry.value.type} \`${entry.value.id}\` without ${missing.map((field) => `\`${field}\``).join(' and ')}, expected the fields a ${entry.value.type} needs`)
    }
  }
})
