import type {VFile} from 'vfile'
import {parseYaml} from '../../parse/yaml.js'
import {cslDateVariables, cslItemSchema, cslTextVariables, cslVariables, type CslItem} from '../schemas/csl.js'
import type {Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {withLanguageTag} from './csl-language.js'
import {richTextItem} from './csl-rich-text.js'
import {pandocDate} from './csl-yaml-dates.js'
import {validateEntries, yamlPlaces, type PlaceOf} from './entries.js'
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
  return readCslItems(source.data, file.path, yamlPlaces(source), {problems, unread, rejected})
}

/**
 * Pandoc's CSL YAML (`references:` and a list of CSL items, as `pandoc refs.bib -s -t markdown`
 * or Better BibTeX writes it): the items read as CSL-JSON's, at their places under `references`,
 * with what Pandoc reads besides: dates as text, a number or a list of maps (`csl-yaml-dates.ts`),
 * and Markdown in text (`title: Le logement en *outre-mer*`) as CSL's rich text.
 */
export function readCslYaml(references: unknown, file: string, placeOf: PlaceOf, findings: {problems: SchemaProblem[]; unread: SchemaProblem[]; rejected: string[]}): Array<Entry<Source>> {
  const items = Array.isArray(references) ? references.map(asPandocReads) : references
  return readCslItems(items, file, (path, keyOnly) => placeOf(['references', ...path], keyOnly), findings)
}

const textVariables: ReadonlySet<string> = new Set(cslTextVariables)

function asPandocReads(item: unknown): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
  const copy: Record<string, unknown> = {...item}
  for (const name of cslDateVariables) if (copy[name] !== undefined) copy[name] = pandocDate(copy[name])
  return richTextItem(copy, textVariables)
}

function readCslItems(data: unknown, file: string, placeOf: PlaceOf, {problems, unread, rejected}: {problems: SchemaProblem[]; unread: SchemaProblem[]; rejected: string[]}): Array<Entry<Source>> {
  const entries = validateEntries(data, cslItemSchema, file, placeOf, problems, rejected) as Array<Entry<CslItem>>
  const notes = new UnreadFields(file)
  for (const entry of entries) {
    for (const key of Object.keys(entry.value)) {
      // `file` is rapporteur's archived copy, read from sources.yaml only: say so rather than "no style prints it".
      if (!cslVariables.has(key)) notes.add(key, entry.fields[key] ?? entry.position, `Unexpected field \`${key}\` in entry \`${entry.value.id}\`, expected a CSL variable`, key === 'file' ? 'archived copies are read from sources.yaml only (docs/citations.md), so figures are not looked up in it' : 'it is kept, but no style prints it')
    }
  }
  const read = entries.map((entry) => withLanguageTag(entry, notes))
  unread.push(...notes.findings())
  return read.map((entry) => ({...entry, value: sourceView(entry.value, entry.value.type)}))
}

