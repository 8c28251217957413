import type {VFile} from 'vfile'
import {parseYaml, readableEntries} from '../../parse/yaml.js'
import {sourceEntrySchema, type Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {readBibtex} from './bibtex.js'
import {readCslJson, readCslYaml} from './csl-json.js'
import {readRis} from './ris.js'
import {registryFormat} from './formats.js'
import {validateEntries, yamlPlaces, type PlaceOf} from './entries.js'
import {sourceFromYaml} from './from-yaml-entry.js'
import {readSpans} from './markdown-spans.js'
import {withLanguageTag} from './csl-language.js'
import {UnreadFields} from './unread-fields.js'

/** What reading a registry found besides its entries. */
export interface RegistryFindings {
  /** Shapes that do not fit (`schema`). */
  problems: SchemaProblem[]
  /** Fields and entry types kept or skipped but never printed (`unread-field`). */
  unread: SchemaProblem[]
  /** Ids of entries dropped because they failed their schema. */
  rejected: string[]
}

/**
 * Read a sources registry, whichever format it is written in (rapporteur's YAML, Pandoc's CSL YAML,
 * CSL-JSON, BibTeX or BibLaTeX, RIS), as whole CSL items.
 */
export async function readSources(file: VFile, lang: string, findings: RegistryFindings): Promise<Array<Entry<Source>>> {
  const {problems, unread, rejected} = findings
  const format = registryFormat(file.path)
  if (format === 'bibtex') return readBibtex(file, lang, problems, unread, rejected)
  if (format === 'csl-json') return readCslJson(file, problems, unread, rejected)
  if (format === 'ris') return readRis(file, problems, unread, rejected)
  // YAML: the load stage reads no registry of another name.
  const source = parseYaml(file)
  for (const error of source.errors) problems.push({file: file.path, ...error})
  const placeOf = yamlPlaces(source)
  if (source.data === undefined) {
    // A syntax error in one entry: the others are read (the build still stops on the error).
    const readable = readableEntries(source)
    if (!readable) return []
    rejected.push(...readable.ids)
    return validateEntries(readable.items, sourceEntrySchema, file.path, placeOf, problems, rejected).map((entry) => ({...entry, value: sourceFromYaml(entry.value, lang)}))
  }
  if (isCslYaml(source.data)) {
    for (const key of Object.keys(source.data).filter((name) => name !== 'references')) {
      problems.push({file: file.path, position: placeOf([key], true), message: `Unexpected key \`${key}\` beside \`references\` in Pandoc's CSL YAML, expected the sources alone: it is not read`})
    }
    return readCslYaml(withoutSpans(source.data.references, file.path, (path) => placeOf(['references', ...path]), unread, true), file.path, placeOf, findings)
  }
  const entries = validateEntries(withoutSpans(source.data, file.path, placeOf, unread, false), sourceEntrySchema, file.path, placeOf, problems, rejected)
  // `language: French`, as Zotero's users type it, read as CSL-JSON's is (csl-language.ts).
  const notes = new UnreadFields(file.path)
  const read = entries.map((entry) => withLanguageTag(entry, notes))
  unread.push(...notes.findings())
  return read.map((entry) => ({...entry, value: sourceFromYaml(entry.value, lang)}))
}

/** Pandoc's CSL YAML: a map whose `references` holds the items (rapporteur's own YAML is a list). */
function isCslYaml(data: unknown): data is {references: unknown} {
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'references' in data
}

/** A YAML registry's entries with Pandoc's spans in their fields reported at the field (`unread-field`) and read as their text. */
function withoutSpans(items: unknown, file: string, placeOf: PlaceOf, unread: SchemaProblem[], csl: boolean): unknown {
  if (!Array.isArray(items)) return items
  return items.map((item, index) => readSpans(item, ({field, message}) => unread.push({file, position: placeOf([index, field]), message}), csl))
}
