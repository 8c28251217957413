import type {VFile} from 'vfile'
import {parseYaml} from '../../parse/yaml.js'
import {cslItemSchema, cslVariables, type CslItem} from '../schemas/csl.js'
import type {Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {validateEntries, yamlPlaces} from './entries.js'
import {sourceView} from './source-view.js'
import {UnreadFields} from './unread-fields.js'

/**
 * A CSL-JSON file (Zotero's "CSL JSON" export): every item validated against the CSL data schema
 * at its own place, kept whole. Keys that are not CSL variables are kept and reported as unread.
 */
export function readCslJson(file: VFile, problems: SchemaProblem[], unread: SchemaProblem[], rejected: string[]): Array<Entry<Source>> {
  const source = parseYaml(file)
  for (const error of source.errors) problems.push({file: file.path, ...error})
  if (source.data === undefined) return []
  const placeOf = yamlPlaces(source)
  const entries = validateEntries(source.data, cslItemSchema, file.path, placeOf, problems, rejected) as Array<Entry<CslItem>>
  const notes = new UnreadFields(file.path)
  for (const entry of entries) {
    for (const key of Object.keys(entry.value)) {
      // `file` is rapporteur's archived copy, read from sources.yaml only: say so rather than "no style prints it".
      if (!cslVariables.has(key)) notes.add(key, entry.fields[key] ?? entry.position, `Unexpected field \`${key}\` in entry \`${entry.value.id}\`, expected a CSL variable`, key === 'file' ? 'archived copies are read from sources.yaml only (docs/citations.md), so figures are not looked up in it' : 'it is kept, but no style prints it')
    }
  }
  unread.push(...notes.findings())
  return entries.map((entry) => ({...entry, value: sourceView(entry.value, entry.value.type)}))
}
