import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {cslItemSchema, type CslItem} from '../schemas/csl.js'
import {isoDateOf} from '../schemas/date-hint.js'
import type {Source} from '../schemas/sources.js'
import type {Entry, SchemaProblem} from '../types.js'
import {deepBraces, firstLine, readEntries, type RawEntry} from './bibtex-entries.js'
import {stringNames, undefinedMacros} from './bibtex-macros.js'
import {bibtexPlaces, pairPlaces, type BibtexPlace} from './bibtex-places.js'
import {composeItem, extendLatexDecoder, latexLeftIn, type LatexConstants} from './bibtex-latex.js'
import {mendBibtexDates, readableDates, type DateSlip} from './bibtex-dates.js'
import {isMended, mendBibtexItem} from './bibtex-to-csl.js'
import {languageField, languageOfLangid} from './bibtex-langid.js'
import {validateEntries} from './entries.js'
import {sourceView} from './source-view.js'
import {UnreadFields} from './unread-fields.js'

type Convert = (entries: RawEntry[]) => unknown[]

/** BibLaTeX field names of the CSL variables, to place a problem on the field the user wrote. */
const bibtexFieldsOf: Record<string, string[]> = {
  title: ['title'],
  author: ['author'],
  editor: ['editor'],
  issued: ['date', 'year'],
  accessed: ['urldate'],
  'container-title': ['journaltitle', 'journal', 'booktitle'],
  URL: ['url', 'howpublished'],
  DOI: ['doi'],
  page: ['pages'],
  publisher: ['publisher', 'institution', 'school', 'organization'],
  authority: ['institution'],
  language: ['langid', 'language']
}

/**
 * A BibTeX or BibLaTeX file through citation-js (every entry type), each entry mapped to a whole
 * CSL item and placed at its `@type{key`; unknown entry types and fields citation-js does not
 * map are reported as unread, once per type or field name.
 */
export async function readBibtex(file: VFile, lang: string, problems: SchemaProblem[], unread: SchemaProblem[], rejected: string[]): Promise<Array<Entry<Source>>> {
  const {plugins} = await import('@citation-js/core')
  await import('@citation-js/plugin-bibtex')
  const config = plugins.config.get('@bibtex') as unknown as {constants: LatexConstants & {fieldTypes: Record<string, string[]>; defaultStrings: Record<string, string>}}
  extendLatexDecoder(config.constants)
  // citation-js's own decoder of field values (LaTeX accents, braces, `--`).
  const {parse: decode} = (await import('@citation-js/plugin-bibtex/lib/input/value.js')) as {parse: (value: string, field: string) => unknown}
  const text = String(file.value)
  const at = (offset: number, end = offset): Position => positionFromOffsets(file, offset, end)
  // citation-js parses braces by recursion: a value nested thousands deep overflows the stack.
  const deep = deepBraces(text, 100)
  if (deep !== undefined) {
    problems.push({file: file.path, position: at(deep), message: 'Cannot parse BibTeX: braces nested more than 100 deep, expected field values such as `{A title with {Braces}}`'})
    return []
  }
  const parse = (source: string) => plugins.input.chainLink(source, {forceType: '@biblatex/text'}) as RawEntry[]
  const places = bibtexPlaces(text)
  const read = readEntries(text, places, parse, (offset, end, message, label) => {
    if (label !== undefined) rejected.push(label)
    problems.push({file: file.path, position: at(offset, end), message})
  })
  if (read === undefined) return []
  // Dates citation-js cannot take, made readable before it converts them (bibtex-dates.ts).
  const dateNotes = new Map<RawEntry, DateSlip[]>()
  const raw = read.map((entry) => {
    const {properties, notes} = readableDates(entry.properties)
    const readable = {...entry, properties}
    dateNotes.set(readable, notes)
    return readable
  })
  const convert: Convert = (entries) => plugins.input.chainLink(entries, {forceType: '@biblatex/entries+list'}) as unknown[]
  // The n-th entry of a key is placed at the n-th `@type{key` (a key given twice: each at its own line).
  const placeList = pairPlaces(raw, places)
  const placeOfEntry = new Map(raw.map((entry, index) => [entry, placeList[index]!]))
  const placeOf = (entry: RawEntry): BibtexPlace => placeOfEntry.get(entry) ?? {label: entry.label, type: entry.type, start: 0, end: 0, fields: new Map(), macros: [], repeated: []}
  const items = convertEach(raw, convert, (entry, error) => {
    const place = placeOf(entry)
    problems.push({file: file.path, position: at(place.start, place.end), message: `Cannot read BibTeX entry \`${entry.label}\`: ${firstLine(error)}`})
  })
  // A macro nothing defines is read as nothing: said at its place (once per name), rather than the field seeming unmapped.
  const definitions = stringNames(text)
  const known = new Set(Object.keys(config.constants.defaultStrings).map((name) => name.toLowerCase()))
  const undefinedOnes = new UnreadFields(file.path)
  for (const place of places.filter((written) => written.unclosedUntil === undefined)) {
    for (const macro of undefinedMacros(place, definitions, known)) {
      undefinedOnes.add(macro.name.toLowerCase(), at(macro.offset, macro.offset + macro.name.length), `Unexpected undefined BibTeX string \`${macro.name}\` in \`${macro.field}\`, expected \`@string{${macro.name} = {…}}\` before \`@${place.type}{${place.label}\`, or the text in braces (\`${macro.field} = {${macro.name}}\`)`, 'the field is read as empty')
    }
  }
  problems.push(...undefinedOnes.findings())
  // citation-js reads the last of a field given twice, where BibTeX and biber read the first: either way one is lost.
  for (const place of places) {
    for (const again of place.repeated) {
      const line = positionFromOffsets(file, again.first, again.first).start.line
      problems.push({file: file.path, position: at(again.offset, again.offset + again.field.length), message: `Unexpected second \`${again.field}\` in \`@${place.type}{${place.label}\`, expected each field once: this one is read, the one at line ${line} is left out`})
    }
  }
  const notes = new UnreadFields(file.path)
  raw.forEach((entry, index) => {
    const item = items[index]
    if (!item) return
    const place = placeOf(entry)
    if (!knownTypes.has(entry.type.toLowerCase())) notes.add(`@${entry.type}`, at(place.start, place.start + entry.type.length + 1), `Unexpected BibTeX entry type \`@${entry.type}\`, expected a BibTeX or BibLaTeX type: read as a CSL \`${String(item.type)}\``)
    // An empty value maps to nothing whatever its field: it is not asked about (nor its answer kept for the field).
    const skipped = new Set(Object.keys(entry.properties).filter((field) => !structuralFields.has(field.toLowerCase()) && String(entry.properties[field] ?? '').trim() !== '' && !isRead(entry.type, field, entry.properties[field] ?? '', convert)))
    for (const note of dateNotes.get(entry) ?? []) {
      const offset = place.fields.get(note.field) ?? place.start
      unread.push({file: file.path, position: at(offset, offset + note.field.length), message: `${note.message} in entry \`${entry.label}\``})
    }
    const dated = mendBibtexDates(mendBibtexItem(item, entry.properties, skipped, lang, decode), entry.properties)
    const language = languageField(entry.properties)
    const tag = language && languageOfLangid(language.value.replace(/[{}]/gu, ''))
    if (language && !tag) {
      const offset = place.fields.get(language.field.toLowerCase()) ?? place.start
      notes.add(`${language.field.toLowerCase()}: ${language.value}`, at(offset, offset + language.field.length), `Unexpected language \`${language.value}\` in \`${language.field}\` of \`@${entry.type}{${entry.label}\`, expected a BibLaTeX language (\`british\`, \`french\`, \`ngerman\`…) or a BCP 47 tag (\`en-GB\`)`, 'the entry is read without a language')
    }
    const read: Record<string, unknown> = {...dated.item}
    if (tag) read.language = tag
    else if (language) delete read.language
    items[index] = composeItem(read as CslItem)
    for (const slip of dated.slips) {
      const offset = place.fields.get(slip.field) ?? place.start
      problems.push({file: file.path, position: at(offset, offset + slip.field.length), message: `${slip.message} in entry \`${entry.label}\``})
    }
    for (const {field, name, offset} of latexLeftIn(entry, place, text, config.constants.fieldTypes, decode)) {
      notes.add(name, at(offset, offset + name.length), `Unexpected LaTeX command \`${name}\` in \`${field}\` of \`@${entry.type}{${entry.label}\``, 'rapporteur does not decode it and prints it as written; write the character or the text it stands for')
    }
    const accessed = accessDateInNote(entry.properties)
    if (accessed) {
      const offset = place.fields.get('note') ?? place.start
      notes.add('note: accessed', at(offset, offset + 'note'.length), `Unexpected access date in \`note\` of \`@${entry.type}{${entry.label}\``, `a note is kept but no style prints it: write \`urldate = {${accessed}}\` (the date the URL was read, which styles print)`)
    }
    for (const field of skipped) {
      if (isMended(field)) continue
      const offset = place.fields.get(field.toLowerCase()) ?? place.start
      // Zotero's and JabRef's attached file: a path of the reference manager, not an archived copy rapporteur reads.
      const why = field.toLowerCase() === 'file' ? 'it names a file of the reference manager, which is not read: to look figures up in a copy of the source, give it as `file:` in sources.yaml (docs/citations.md)' : 'it is not mapped to any CSL variable, so no style prints it'
      notes.add(field.toLowerCase(), at(offset, offset + field.length), `Unexpected BibTeX field \`${field}\` in \`@${entry.type}{${entry.label}\``, why)
    }
  })
  unread.push(...notes.findings())
  const kept = raw.filter((_, index) => items[index])
  const placeOfPath = (path: ReadonlyArray<PropertyKey>): Position => {
    const entry = typeof path[0] === 'number' ? kept[path[0]] : undefined
    if (!entry) return at(0)
    const place = placeOf(entry)
    const variable = typeof path[1] === 'string' ? path[1] : undefined
    const field = (variable ? (bibtexFieldsOf[variable] ?? [variable.toLowerCase()]) : []).find((name) => place.fields.has(name))
    const offset = field ? (place.fields.get(field) ?? place.start) : place.start
    return at(offset, field ? offset + field.length : text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset))
  }
  const spelled = (index: number, variable: string): string | undefined => {
    const entry = kept[index]
    return entry ? (bibtexFieldsOf[variable] ?? [variable.toLowerCase()]).find((name) => placeOf(entry).fields.has(name)) : undefined
  }
  const before = problems.length
  const entries = validateEntries(items.filter(Boolean), cslItemSchema, file.path, placeOfPath, problems, rejected, spelled) as Array<Entry<CslItem>>
  // A date citation-js could not read is said as BibLaTeX writes one, with the ISO date meant.
  for (const problem of problems.slice(before)) {
    const wrong = /^Unexpected value for `(date|urldate)`, expected a date such as .* in entry `([^`]+)`$/u.exec(problem.message)
    const raw = wrong ? kept.find((entry) => entry.label === wrong[2])?.properties[wrong[1]!] : undefined
    if (!wrong || raw === undefined) continue
    const iso = isoDateOf(raw)
    problem.message = `Unexpected value \`${raw}\` for \`${wrong[1]}\`, expected a date as YYYY, YYYY-MM or YYYY-MM-DD${iso ? ` (\`${iso}\`)` : ''} in entry \`${wrong[2]}\``
  }
  // By the entry's place, not its key: two entries of one key may have two types.
  const typeAt = new Map(kept.map((entry) => [placeOf(entry).start, entry.type.toLowerCase()]))
  return entries.map((entry) => ({...entry, value: sourceView(entry.value, typeAt.get(entry.position.start.offset ?? -1) ?? entry.value.type)}))
}

/** All entries at once (a `crossref` needs its parent); one by one only if that fails. */
function convertEach(raw: RawEntry[], convert: Convert, fail: (entry: RawEntry, error: unknown) => void): Array<CslItem | undefined> {
  try {
    return convert(raw) as CslItem[]
  } catch {
    return raw.map((entry) => {
      try {
        return convert([entry])[0] as CslItem
      } catch (error) {
        fail(entry, error)
        return undefined
      }
    })
  }
}

const knownTypes = new Set('article book mvbook inbook bookinbook suppbook booklet collection mvcollection incollection suppcollection dataset manual misc online patent periodical suppperiodical proceedings mvproceedings inproceedings reference mvreference inreference report set software thesis unpublished xdata artwork audio bibnote commentary image jurisdiction legislation legal letter movie music performance review standard video conference electronic mastersthesis phdthesis techreport www'.split(' '))

/** Fields that link entries rather than describe them: citation-js resolves them before mapping. */
const structuralFields = new Set(['crossref', 'xref', 'xdata', 'ids', 'entryset', 'related', 'relatedtype'])

/** Whether citation-js maps a field of this entry type to anything (asked once per type and field). */
const readCache = new Map<string, boolean>()
function isRead(type: string, field: string, value: string, convert: Convert): boolean {
  const key = `${type.toLowerCase()}/${field.toLowerCase()}`
  let read = readCache.get(key)
  if (read === undefined) {
    try {
      const [item] = convert([{type, label: 'probe', properties: {[field]: value}}]) as Array<Record<string, unknown>>
      read = Object.keys(item ?? {}).some((name) => !['type', 'id', 'citation-key', '_graph'].includes(name))
    } catch {
      read = true
    }
    readCache.set(key, read)
  }
  return read
}

/**
 * How a note says when a page was read, before the date, in the languages whose month names the
 * date reader knows: the usual wordings of English, French, Spanish, Italian, German, Portuguese
 * (ABNT's `Acesso em:` too) and Dutch, with the word each puts before a date.
 */
const accessWordings = new RegExp(
  String.raw`^\s*[[(]?\s*(?:(?:last|zuletzt)\s+)?` +
    String.raw`(?:accessed|retrieved|viewed|visited|consulté|consulte|dernière consultation|consultado|accedido|fecha de consulta|consultato|ultimo accesso|abgerufen|zugriff|zugegriffen|acessado|acesso|geraadpleegd|bezocht)` +
    String.raw`(?:\s+(?:on|le|en|el|il|am|em|op))?\s*:?\s*(.+?)\s*[\].)]?\s*$`,
  'iu'
)

/**
 * The date of a note that only says when a page was read (`note = {Accessed 3 October 2026}`,
 * `{Consulté le 2 octobre 2026}`, `{Consultado el 3 de febrero de 2026}`), in ISO form, when the
 * entry has no `urldate`: CSL keeps a note, but no style prints it, and the access date would be
 * lost without a word.
 */
function accessDateInNote(fields: Record<string, string | undefined>): string | undefined {
  const note = Object.entries(fields).find(([field]) => field.toLowerCase() === 'note')?.[1]
  if (!note || Object.keys(fields).some((field) => field.toLowerCase() === 'urldate')) return undefined
  const match = accessWordings.exec(note.replace(/[{}]/gu, ''))
  return match ? isoDateOf(match[1]!) : undefined
}
