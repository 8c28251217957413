import {createHash} from 'node:crypto'
import type {Element, ElementContent} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {h} from 'hastscript'
import {CannotRunError} from '../load/cannot-run.js'
import type {Source, SourceType} from '../model/schemas/sources.js'

const cslType: Record<SourceType, string> = {
  report: 'report',
  survey: 'report',
  article: 'article',
  law: 'legislation',
  dataset: 'dataset',
  webpage: 'webpage',
  interview: 'interview',
  'press-release': 'report',
  book: 'book',
  hearing: 'hearing'
}

const genre: Partial<Record<SourceType, Record<string, string>>> = {
  survey: {fr: 'enquête', en: 'survey'},
  'press-release': {fr: 'communiqué de presse', en: 'press release'}
}

/** Our source as CSL-JSON; authors stay literal (organisations and people are not told apart). */
export function toCsl(source: Source, lang: string): Record<string, unknown> {
  const parts = (date: string) => [date.split('-').map(Number)]
  return {
    id: source.id,
    type: cslType[source.type],
    genre: genre[source.type]?.[lang.startsWith('fr') ? 'fr' : 'en'],
    title: source.title,
    author: source.author.map((name) => ({literal: name})),
    issued: {'date-parts': parts(source.date)},
    publisher: source.publisher,
    URL: source.url,
    accessed: source.accessed ? {'date-parts': parts(source.accessed)} : undefined,
    page: source.pages,
    note: undefined
  }
}

export interface BibliographyOptions {
  lang: string
  /** A project's own CSL style (XML text); the default is APA in the report's language. */
  cslXml?: string
  title: string
}

/**
 * The cited sources formatted with a CSL style through citation-js (loaded only when building:
 * it is large), in the report's language (fr-FR and en-US locales are bundled with it).
 */
export async function renderBibliography(sources: readonly Source[], options: BibliographyOptions): Promise<Element> {
  // citation-js takes ~50 ms warm but ~1 s on a process's first call (bench:build: 1.06 s for 168
  // sources); the web and print renders, and each preview
  // rebuild, ask for the same list. The copy matters: typography edits the tree in place.
  const key = JSON.stringify([sources, options])
  let cached = cache.get(key)
  if (!cached) {
    cached = formatBibliography(sources, options)
    cache.set(key, cached)
    if (cache.size > 16) cache.delete(cache.keys().next().value!)
  }
  return structuredClone(await cached)
}

const cache = new Map<string, Promise<Element>>()

async function formatBibliography(sources: readonly Source[], options: BibliographyOptions): Promise<Element> {
  const {Cite, plugins} = await import('@citation-js/core')
  await import('@citation-js/plugin-csl')
  let template = 'apa'
  if (options.cslXml) {
    // citation-js caches an engine per style name: a name from the content means an edited style
    // (in preview) or another project's style is never formatted with a stale engine.
    template = `rapporteur-${createHash('sha1').update(options.cslXml).digest('hex').slice(0, 16)}`
    plugins.config.get('@csl').styles.add(template, options.cslXml)
  }
  const lang = options.lang.toLowerCase().startsWith('fr') ? 'fr-FR' : 'en-US'
  let html = ''
  try {
    if (sources.length > 0) html = new Cite(sources.map((source) => toCsl(source, options.lang))).format('bibliography', {format: 'html', template, lang})
  } catch (error) {
    // Only a project's own style can fail here: say so, rather than report a bug in rapporteur.
    if (!options.cslXml) throw error
    throw new CannotRunError(`Cannot format the bibliography with the CSL style of \`citations.csl\`: ${(error as Error).message}`, 'Check that the file is a valid CSL 1.0 style (for example one from the Zotero style repository), or remove `citations.csl` to use the default.')
  }
  const entries = fromHtml(html, {fragment: true})
  const items: ElementContent[] = []
  for (const entry of collectEntries(entries.children as ElementContent[])) {
    const id = String(entry.properties.dataCslEntryId ?? '')
    items.push(h('li', {id: `source-${id}`}, entry.children))
  }
  return h('section.rp-bibliography', {ariaLabelledby: 'bibliography-title'}, [h('h2', {id: 'bibliography-title'}, options.title), h('ol.rp-bibliography__list', items)])
}

function collectEntries(nodes: readonly ElementContent[]): Element[] {
  return nodes.flatMap((node) => {
    if (node.type !== 'element') return []
    if (node.properties.dataCslEntryId !== undefined) return [node]
    return collectEntries(node.children)
  })
}
