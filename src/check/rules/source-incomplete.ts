import type {Source, SourceKind} from '../../model/schemas/sources.js'
import type {Entry} from '../../model/types.js'
import {defineRule} from '../rule.js'

type Need = 'title' | 'author' | 'date' | 'url' | 'accessed' | 'publisher' | 'container'

/** What each kind of source needs beyond a title, an author and a date, so a reader can find it. */
const needsOfKind: Partial<Record<SourceKind, Need[]>> = {
  webpage: ['url', 'accessed'],
  article: ['container'],
  'press-release': ['publisher'],
  book: ['publisher']
}

/** The field names a writer uses, per registry format: messages name what the file holds. */
const fieldNames: Record<'yaml' | 'json' | 'bib', Record<Need, string>> = {
  yaml: {title: 'title', author: 'author', date: 'date', url: 'url', accessed: 'accessed', publisher: 'publisher', container: 'container-title'},
  json: {title: 'title', author: 'author', date: 'issued', url: 'URL', accessed: 'accessed', publisher: 'publisher', container: 'container-title'},
  bib: {title: 'title', author: 'author', date: 'year` or `date', url: 'url', accessed: 'urldate', publisher: 'publisher', container: 'journaltitle` or `journal'}
}

export const sourceIncomplete = defineRule({
  id: 'source-incomplete',
  severity: 'warning',
  summary: 'Sources must have a title, an author, a date, and the fields their kind needs (a web page its `url`…).',
  docs: `A reader must be able to find a source again. Every source needs a \`title\`, an \`author\` and a
date (\`sources.yaml\` requires them; a CSL-JSON or BibTeX entry without them is reported here), except
that a law or a ruling needs no author.
Beyond those, a web page needs its \`url\` and the date it was \`accessed\`; an article the journal or
outlet it appeared in (\`container-title\`; \`journal\` in BibTeX); a press release and a book their
\`publisher\`. The message names the fields as the registry's format spells them.`,
  examples: {
    ok: [{'sources.yaml': '- id: enquete-2024\n  type: webpage\n  title: Enquête\n  author: Observatoire\n  date: 2024\n  url: https://example.org/enquete\n  accessed: 2026-01-10\n'}],
    notOk: [
      {'sources.yaml': '- id: enquete-2024\n  type: webpage\n  title: Enquête\n  author: Observatoire\n  date: 2024\n'},
      {'sources.json': '[{"id": "enquete-2024", "type": "report", "title": "Enquête"}]\n'}
    ]
  },
  check({model, report}) {
    for (const entry of model.sources) {
      const missing = missingOf(entry.value)
      if (missing.length === 0) continue
      const names = fieldNames[formatOf(entry)]
      const label = entry.file.endsWith('.bib') ? `@${entry.value.type}` : entry.value.type
      report({file: entry.file, position: entry.fields.type ?? entry.position}, `Unexpected ${label} \`${entry.value.id}\` without ${missing.map((need) => `\`${names[need]}\``).join(' and ')}, expected what a reader needs to find it again`)
    }
  }
})

function missingOf(source: Source): Need[] {
  const has: Record<Need, boolean> = {
    title: source.title !== undefined,
    author: source.author.length > 0,
    date: source.date !== undefined || source.csl.issued !== undefined,
    url: source.url !== undefined,
    accessed: source.accessed !== undefined,
    publisher: source.csl.publisher !== undefined || source.csl.authority !== undefined,
    container: source.csl['container-title'] !== undefined || source.csl.publisher !== undefined
  }
  // A law or a ruling is found by its title, number and date; its issuer is often not an author.
  const common: Need[] = source.kind === 'law' ? ['title', 'date'] : ['title', 'author', 'date']
  const needs: Need[] = [...common, ...(source.kind ? (needsOfKind[source.kind] ?? []) : [])]
  // A page without its address is one problem; when it was consulted only matters once it has one.
  return needs.filter((need) => !has[need] && !(need === 'accessed' && !has.url))
}

function formatOf(entry: Entry<Source>): 'yaml' | 'json' | 'bib' {
  return entry.file.endsWith('.bib') ? 'bib' : entry.file.endsWith('.json') ? 'json' : 'yaml'
}
