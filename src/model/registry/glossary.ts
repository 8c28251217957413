import type {VFile} from 'vfile'
import {parseYaml, readableEntries} from '../../parse/yaml.js'
import {glossaryEntrySchema, type GlossaryEntry} from '../schemas/glossary.js'
import type {Entry, SchemaProblem} from '../types.js'
import {validateEntries, yamlPlaces} from './entries.js'

/** Read `glossary.yaml` into entries with positions. */
export function readGlossary(file: VFile, problems: SchemaProblem[]): Array<Entry<GlossaryEntry>> {
  const source = parseYaml(file)
  for (const error of source.errors) problems.push({file: file.path, ...error})
  // A syntax error in one entry: the others are read (the build still stops on the error).
  const data = source.data ?? readableEntries(source)?.items
  if (data === undefined) return []
  return validateEntries(data, glossaryEntrySchema, file.path, yamlPlaces(source), problems)
}
