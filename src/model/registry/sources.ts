import type {VFile} from 'vfile'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {parseYaml} from '../../parse/yaml.js'
import {sourceSchema, type Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {cslFieldOf, fromCsl, type CslItem} from './csl.js'
import {validateEntries, yamlPlaces} from './entries.js'

/** Read the sources registry, whichever of the three formats it is written in. */
export async function readSources(file: VFile, problems: SchemaProblem[], rejected: string[] = []): Promise<Array<Entry<Source>>> {
  const path = file.path
  if (path.endsWith('.bib')) return readBibtex(file, problems, rejected)
  const source = parseYaml(file)
  for (const error of source.errors) problems.push({file: file.path, ...error})
  if (source.data === undefined) return []
  if (path.endsWith('.json')) {
    const items = Array.isArray(source.data) ? (source.data as CslItem[]).map((item) => fromCsl(item)) : source.data
    return validateEntries(items, sourceSchema, path, yamlPlaces(source, cslFieldOf), problems, rejected)
  }
  return validateEntries(source.data, sourceSchema, path, yamlPlaces(source), problems, rejected)
}

/** BibTeX goes through citation-js (loaded only when a project uses BibTeX: it is large). */
async function readBibtex(file: VFile, problems: SchemaProblem[], rejected: string[]): Promise<Array<Entry<Source>>> {
  const {plugins} = await import('@citation-js/core')
  await import('@citation-js/plugin-bibtex')
  const text = String(file.value)
  let items: CslItem[]
  try {
    items = plugins.input.chain(text, {forceType: '@biblatex/text', generateGraph: false}) as CslItem[]
  } catch (error) {
    problems.push({file: file.path, position: positionFromOffsets(file, 0, 0), message: `Cannot parse BibTeX: ${(error as Error).message}`})
    return []
  }
  // citation-js gives no positions: place each entry at its `@type{key` line.
  const placeOf = (path: ReadonlyArray<PropertyKey>) => {
    const id = typeof path[0] === 'number' ? items[path[0]]?.id : undefined
    const at = id === undefined ? 0 : Math.max(0, text.search(new RegExp(`@\\w+\\s*\\{\\s*${escape(String(id))}\\s*,`)))
    return positionFromOffsets(file, at, text.indexOf('\n', at) === -1 ? text.length : text.indexOf('\n', at))
  }
  return validateEntries(items.map((item) => fromCsl(item)), sourceSchema, file.path, placeOf, problems, rejected)
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
