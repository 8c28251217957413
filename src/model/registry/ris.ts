import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {lineEndOffset, positionFromOffsets} from '../../diagnostics/location.js'
import {cslItemSchema, type CslItem} from '../schemas/csl.js'
import type {Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {validateEntries} from './entries.js'
import {disambiguate, pandocRisKey, risRecords, valuesOf, type RisRecord} from './ris-records.js'
import {sourceView} from './source-view.js'
import {UnreadFields} from './unread-fields.js'

type Tags = RisRecord['tags']
type Convert = (tags: Tags) => Record<string, unknown>

/** RIS tags of the CSL variables, to place a problem on the line the user wrote. */
const tagsOf: Record<string, string[]> = {
  id: ['ID'],
  title: ['TI', 'T1', 'CT'],
  author: ['AU', 'A1'],
  editor: ['ED', 'A2'],
  issued: ['PY', 'DA', 'Y1'],
  accessed: ['Y2'],
  'container-title': ['T2', 'JO', 'JF', 'JA', 'J2', 'BT'],
  URL: ['UR', 'LK', 'L2'],
  DOI: ['DO'],
  page: ['SP', 'EP'],
  publisher: ['PB'],
  'publisher-place': ['CY', 'PP'],
  volume: ['VL'],
  issue: ['IS'],
  ISSN: ['SN'],
  ISBN: ['SN'],
  language: ['LA'],
  abstract: ['AB', 'N2']
}

/** Types written by tools though not in the RIS specification, read as the type they mean. */
const typeAliases: Record<string, string> = {WEB: 'ELEC', JOURN: 'JOUR'}

/** Tags that make the record rather than describe it. */
const structuralTags = new Set(['TY', 'ER', 'ID'])

/** Tags that name a file attached in the reference manager (Zotero, EndNote): a path on that computer. */
const attachmentTags = new Set(['L1', 'L4'])

/**
 * A RIS file through citation-js's RIS plugin, each record mapped to a whole CSL item and placed at
 * its `TY` line. Its key is its `ID`, else made as Pandoc makes it (ris-records.ts). A type or a
 * tag citation-js does not map is reported as unread, once per name; a line outside any record, and
 * a record that gives no key, are problems at their line.
 */
export async function readRis(file: VFile, problems: SchemaProblem[], unread: SchemaProblem[], rejected: string[]): Promise<Array<Entry<Source>>> {
  const {plugins} = await import('@citation-js/core')
  await import('@citation-js/plugin-ris')
  const text = String(file.value)
  const at = (offset: number, end?: number): Position => positionFromOffsets(file, offset, end ?? lineEndOffset(text, offset))
  // One link of the chain: a record in, one CSL item out, its dates mended.
  const convert: Convert = (tags) => withDates((plugins.input.chainLink(tags, {forceType: '@ris/record'}) as Record<string, unknown> | undefined) ?? {}, tags)
  const {records, strays} = risRecords(text)
  if (records.length === 0 && text.trim() !== '') {
    problems.push({file: file.path, position: at(0), message: 'Cannot read RIS: no record found, expected records such as `TY  - RPRT`, `TI  - A title`, …, `ER  - `'})
    return []
  }
  for (const stray of strays) {
    const message = stray.tag
      ? `Unexpected \`${stray.tag}\` line outside a record, expected it between a \`TY  - \` line and an \`ER  - \` line: it is not read`
      : 'Unexpected line that is no RIS tag and continues none, expected `XX  - value` (a tag, two spaces, a hyphen): it is not read'
    problems.push({file: file.path, position: at(stray.offset), message})
  }

  const notes = new UnreadFields(file.path)
  const keys = disambiguate(
    records.map((record) => valuesOf(record, 'ID')[0] ?? pandocRisKey(record)),
    new Set(records.flatMap((record, index) => (record.tags.ID === undefined ? [] : [index])))
  )
  const items: Array<CslItem | undefined> = records.map((record, index) => {
    const written = String(record.tags.TY)
    const type = typeAliases[written] ?? (isKnownType(written, convert) ? written : 'GEN')
    if (type === 'GEN' && written !== 'GEN') notes.add(`TY ${written}`, at(record.start), `Unexpected RIS type \`${written}\`, expected a type of the RIS specification: read as a generic record (CSL \`document\`)`)
    const tags: Tags = {...record.tags, TY: type}
    if (Array.isArray(record.tags.ID)) problems.push({file: file.path, position: at(secondLine(text, record, 'ID')), message: `Unexpected second \`ID\` in a RIS record, expected one key: \`${record.tags.ID[0]}\` is read`})
    delete tags.ID
    const key = keys[index]
    if (key === undefined) {
      problems.push({file: file.path, position: at(record.start), message: 'Unexpected RIS record without `ID`, author or year: it has no key to cite it by, expected an `ID  - key` line'})
      return undefined
    }
    let item: Record<string, unknown>
    try {
      item = convert(tags)
    } catch (error) {
      problems.push({file: file.path, position: at(record.start), message: `Cannot read RIS record \`${key}\`: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`})
      return undefined
    }
    for (const tag of Object.keys(tags)) {
      if (structuralTags.has(tag)) continue
      const offset = record.places.get(tag) ?? record.start
      if (attachmentTags.has(tag)) notes.add(tag, at(offset, offset + 2), `Unexpected RIS tag \`${tag}\` (an attached file) in record \`${key}\``, 'it names a file of the reference manager, which is not read: to look figures up in a copy of the source, give it as `file:` in sources.yaml (docs/citations.md)')
      else if (!isRead(tags, tag, convert)) notes.add(tag, at(offset, offset + 2), `Unexpected RIS tag \`${tag}\` in record \`${key}\``, 'it is not mapped to any CSL variable, so no style prints it')
    }
    return {...item, id: key} as CslItem
  })
  unread.push(...notes.findings())

  const kept = records.filter((_, index) => items[index])
  const placeOfPath = (path: ReadonlyArray<PropertyKey>): Position => {
    const record = typeof path[0] === 'number' ? kept[path[0]] : undefined
    if (!record) return at(0)
    const variable = typeof path[1] === 'string' ? path[1] : undefined
    const tag = (variable ? (tagsOf[variable] ?? []) : []).find((name) => record.places.has(name))
    const offset = tag ? record.places.get(tag)! : record.start
    return at(offset, tag ? offset + 2 : undefined)
  }
  const spelled = (index: number, variable: string): string | undefined => (tagsOf[variable] ?? []).find((name) => kept[index]?.places.has(name))
  const entries = validateEntries(items.filter(Boolean), cslItemSchema, file.path, placeOfPath, problems, rejected, spelled) as Array<Entry<CslItem>>
  return entries.map((entry) => ({...entry, value: sourceView(entry.value, entry.value.type)}))
}

/**
 * Whether citation-js maps a tag to anything, asked once per type and tag: alone in a record of
 * that type, or else (a tag read with another, such as `EP` with `SP`) by what the record gives
 * without it.
 */
const readCache = new Map<string, boolean>()
function isRead(tags: Tags, tag: string, convert: Convert): boolean {
  const key = `${String(tags.TY)}/${tag}`
  let read = readCache.get(key)
  if (read === undefined) {
    try {
      const alone = convert({TY: tags.TY!, [tag]: tags[tag]!})
      read = Object.keys(alone).some((name) => !['type', 'id', '_graph'].includes(name))
      if (!read) {
        const without = {...tags}
        delete without[tag]
        read = JSON.stringify(convert(without)) !== JSON.stringify(convert(tags))
      }
    } catch {
      read = true
    }
    readCache.set(key, read)
  }
  return read
}

/**
 * The dates citation-js leaves out for some types, as Zotero and EndNote write them: the access
 * date `Y2` of a web page (ELEC, whose `VL` the specification makes an "access year", which
 * citation-js reads as the whole date), the date `DA` of a newspaper article.
 */
function withDates(item: Record<string, unknown>, tags: Tags): Record<string, unknown> {
  const mended = {...item}
  const accessed = datePartsOf(tags.Y2)
  const current = (mended.accessed as {'date-parts'?: number[][]} | undefined)?.['date-parts']?.[0]
  if (accessed && (!current || current.length < accessed.length || current[0]! < 1000)) mended.accessed = {'date-parts': [accessed]}
  const issued = datePartsOf(tags.DA) ?? datePartsOf(tags.PY) ?? datePartsOf(tags.Y1)
  if (issued && mended.issued === undefined) mended.issued = {'date-parts': [issued]}
  return mended
}

/** `2026/01/10/`, `2026/01/10/15:16:50`, `2026-01-10`, `2026`: the year, month and day given. */
function datePartsOf(value: string | string[] | undefined): number[] | undefined {
  const text = Array.isArray(value) ? value[0] : value
  const match = text ? /^(\d{4})(?:[/-](\d{1,2}))?(?:[/-](\d{1,2}))?/u.exec(text.trim()) : null
  if (!match) return undefined
  return [match[1], match[2], match[3]].filter((part): part is string => part !== undefined && part !== '').map(Number).filter((part) => part > 0)
}

/** Whether citation-js knows a RIS type: it gives a CSL type for it. */
const typeCache = new Map<string, boolean>()
function isKnownType(type: string, convert: Convert): boolean {
  let known = typeCache.get(type)
  if (known === undefined) {
    try {
      known = typeof convert({TY: type, TI: 'probe'}).type === 'string'
    } catch {
      known = false
    }
    typeCache.set(type, known)
  }
  return known
}

/** Offset of the second line of a tag written twice in a record. */
function secondLine(text: string, record: RisRecord, tag: string): number {
  const line = new RegExp(`^[\\uFEFF \\t]*${tag} +-`, 'gmu')
  line.lastIndex = text.indexOf('\n', record.places.get(tag)) + 1
  return line.exec(text)?.index ?? record.start
}

