import type {VFile} from 'vfile'
import {parseYaml} from '../../parse/yaml.js'
import {sourceEntrySchema, type Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {readBibtex} from './bibtex.js'
import {readCslJson} from './csl-json.js'
import {validateEntries, yamlPlaces} from './entries.js'
import {sourceFromYaml} from './from-yaml-entry.js'

/** What reading a registry found besides its entries. */
export interface RegistryFindings {
  /** Shapes that do not fit (`schema`). */
  problems: SchemaProblem[]
  /** Fields and entry types kept or skipped but never printed (`unread-field`). */
  unread: SchemaProblem[]
  /** Ids of entries dropped because they failed their schema. */
  rejected: string[]
}

/** Read the sources registry, whichever of the three formats it is written in, as whole CSL items. */
export async function readSources(file: VFile, lang: string, findings: RegistryFindings): Promise<Array<Entry<Source>>> {
  const {problems, unread, rejected} = findings
  if (file.path.endsWith('.bib')) return readBibtex(file, lang, problems, unread, rejected)
  if (file.path.endsWith('.json')) return readCslJson(file, problems, unread, rejected)
  const source = parseYaml(file)
  for (const error of source.errors) problems.push({file: file.path, ...error})
  if (source.data === undefined) return []
  const entries = validateEntries(source.data, sourceEntrySchema, file.path, yamlPlaces(source), problems, rejected)
  return entries.map((entry) => ({...entry, value: sourceFromYaml(entry.value, lang)}))
}
