import type {ReportModel} from '../model/types.js'
import type {Row} from './format.js'
import {firstById} from '../model/registry/first-by-id.js'

/** What `rapporteur export` can produce; each is a list of flat records (one CSV row each). */
export const exportKinds = ['recommendations', 'stats', 'sources', 'citations', 'figures'] as const
export type ExportKind = (typeof exportKinds)[number]

const at = (item: {file: string; position: {start: {line: number; column: number}}}) => ({file: item.file, line: item.position.start.line, column: item.position.start.column})

/** The model's content as flat records, for spreadsheets, websites and press kits. */
export function exportRows(model: ReportModel, kind: ExportKind): Row[] {
  const sourceTitle = new Map([...firstById(model.sources)].map(([id, entry]) => [id, entry.value.title ?? null]))
  const axisLabel = new Map(model.config.axes.map((axis) => [axis.id, axis.label]))
  switch (kind) {
    case 'recommendations':
      return model.recommendations.map((item) => ({
        id: item.id,
        number: item.number,
        label: item.number > 0 ? `R${item.number}` : '',
        axis: item.axis,
        axisLabel: axisLabel.get(item.axis) ?? null,
        title: item.title ?? null,
        actors: item.actors ?? null,
        ...at(item)
      }))
    case 'stats':
      return model.stats.map((item) => ({
        id: item.id,
        value: item.value,
        text: item.text,
        source: item.source,
        sourceTitle: sourceTitle.get(item.source) ?? null,
        locator: item.locator ?? null,
        key: item.key,
        ...at(item)
      }))
    case 'sources': {
      const counts = new Map<string, number>()
      for (const key of [...model.citations.map((citation) => citation.key), ...model.stats.map((stat) => stat.source)]) counts.set(key, (counts.get(key) ?? 0) + 1)
      // Citations go to the first entry of an id (duplicate-id reports the others): a later one has no uses.
      const first = firstById(model.sources)
      return model.sources.map((entry) => ({
        id: entry.value.id,
        type: entry.value.type,
        kind: entry.value.kind ?? null,
        title: entry.value.title ?? null,
        author: entry.value.author.join('; '),
        date: entry.value.date ?? null,
        publisher: entry.value.publisher ?? null,
        container: entry.value.container ?? null,
        url: entry.value.url ?? null,
        accessed: entry.value.accessed ?? null,
        note: entry.value.note ?? null,
        uses: first.get(entry.value.id) === entry ? (counts.get(entry.value.id) ?? 0) : 0,
        ...at(entry),
        // The whole CSL-JSON item: every field the registry holds, as styles read it.
        csl: entry.value.csl
      }))
    }
    case 'citations':
      return model.citations.map((item) => ({key: item.key, locator: item.locator, prefix: item.prefix, suffix: item.suffix, ...at(item)}))
    case 'figures':
      return model.figures.map((item) => ({
        figure: item.text,
        status: item.status,
        sources: item.keys.join('; '),
        // What the archived copy of the source says: found, not-on-page, not-found, no-archive, not-checked.
        inSource: item.inSource?.status ?? 'not-checked',
        inSourcePages: item.inSource && 'pages' in item.inSource ? item.inSource.pages.join('; ') : null,
        waiverReason: item.waiverReason ?? null,
        sentence: item.sentence,
        chapter: item.chapter ?? null,
        ...at(item)
      }))
  }
}
