import type {RawEntry} from './bibtex-entries.js'
import type {BibtexPlace} from './bibtex-places.js'

/**
 * LaTeX in BibTeX values beyond what citation-js decodes, as Pandoc's LaTeX reader decodes it, and
 * what is still LaTeX after decoding, so that it is reported rather than printed raw.
 */

/** The part of citation-js's BibTeX config this extends (`plugins.config.get('@bibtex').constants`, documented). */
export interface LatexConstants {
  commands: Record<string, string>
  argumentCommands: Record<string, (...args: string[]) => string>
  formattingCommands: Record<string, string | undefined>
}

/**
 * Commands Better BibTeX, JabRef and hand-written files use that citation-js leaves raw: letters
 * (`{\AA}kesson`), spaces (`20,2\,\%`: a narrow no-break space, as French typesetting wants it;
 * `\ `, `~` and `\nobreakspace` a no-break space, as Pandoc reads them), punctuation, babel's
 * French guillemets, and commands whose argument is the text (`\mbox{…}`) or nothing at all
 * (`\noopsort{a}`, a sort key BibTeX files define to print nothing).
 */
const commands: Record<string, string> = {
  AA: 'Å',
  aa: 'å',
  ldots: '…',
  dots: '…',
  mdots: '…',
  slash: '/',
  S: '§',
  P: '¶',
  pounds: '£',
  euro: '€',
  dag: '†',
  ddag: '‡',
  sim: '~',
  bar: '|',
  backslash: '\\',
  // A line break, in a title: a space.
  '\\': ' ',
  hyphen: '-',
  TeX: 'TeX',
  LaTeX: 'LaTeX',
  lq: '‘',
  rq: '’',
  ',': '\u202F',
  thinspace: '\u202F',
  // `\ ` reaches the table as the empty name: citation-js trims the space it ends with.
  '': '\u00A0',
  nobreakspace: '\u00A0',
  enspace: '\u2002',
  enskip: '\u2002',
  quad: '\u2003',
  qquad: '\u2003\u2003',
  space: ' ',
  // An italic correction, a hyphenation point, an end-of-sentence mark: nothing to print.
  '/': '',
  '-': '',
  '@': '',
  relax: '',
  og: '«\u00A0',
  fg: '\u00A0»'
}

const argumentCommands: Record<string, (...args: string[]) => string> = {
  mbox: (text) => text,
  hbox: (text) => text,
  textnormal: (text) => text,
  ensuremath: (text) => text,
  NoCaseChange: (text) => text,
  noopsort: (_key) => '',
  hspace: (_length) => ' ',
  foreignlanguage: (_language, text) => text,
  MakeUppercase: (text) => text.toUpperCase(),
  uppercase: (text) => text.toUpperCase(),
  MakeLowercase: (text) => text.toLowerCase(),
  lowercase: (text) => text.toLowerCase()
}

/** Teach citation-js's decoder the commands above (once; what it already knows is left as it is). */
export function extendLatexDecoder(constants: LatexConstants): void {
  for (const [name, value] of Object.entries(commands)) constants.commands[name] ??= value
  for (const [name, value] of Object.entries(argumentCommands)) constants.argumentCommands[name] ??= value
  // babel-french's `1\up{er}`.
  if (!('up' in constants.formattingCommands)) constants.formattingCommands.up = 'superscript'
}

/**
 * Decoded text as one character per letter: `{\'\i}` decodes to a dotless ı and a combining accent,
 * which no font joins, so the dot comes back (`í`); then NFC, so that `Martín` typed and `Mart{\'\i}n`
 * decoded are the same word to search, sort and check.
 */
export function composeText(value: string): string {
  return value.replace(/ı(?=[\u0300-\u036F])/gu, 'i').replace(/ȷ(?=[\u0300-\u036F])/gu, 'j').normalize('NFC')
}

/** Every string of a CSL item composed (names, dates' literals, titles), web addresses left as written. */
export function composeItem<T>(value: T, key = ''): T {
  if (typeof value === 'string') return (key === 'URL' || key === 'DOI' ? value : composeText(value)) as T
  if (Array.isArray(value)) return value.map((part) => composeItem(part)) as T
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, part]) => [name, composeItem(part, name)])) as T
  return value
}

/** A command as written: `\foo`, `\'`; a backslash then a letter run, or one other character. */
const command = /\\([A-Za-z]+|[^A-Za-z\s])/gu

/**
 * The LaTeX commands a field still holds once decoded, by name (`\foo`), longest first. Decoding
 * drops the braces after a command it does not know (`\foo{bar}` gives `\foobar`), so a command
 * is looked for as written, not as a word; a backslash the decoding made (`\textbackslash`) is no
 * command written, and is left alone.
 */
export function leftoverCommands(raw: string, decoded: unknown): string[] {
  if (!raw.includes('\\')) return []
  const written = [...new Set([...raw.matchAll(command)].map((match) => match[0]))].sort((a, b) => b.length - a.length)
  let texts = stringsOf(decoded)
  const left: string[] = []
  for (const name of written) {
    if (!texts.some((text) => text.includes(name))) continue
    left.push(name)
    // Found inside a longer command (`\i` in `\index`) is no command of its own.
    texts = texts.map((text) => text.replaceAll(name, ''))
  }
  return left
}

function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsOf)
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf)
  return []
}

/** The LaTeX commands each field of an entry still holds once decoded, each at its place in the file. */
export function latexLeftIn(entry: RawEntry, place: BibtexPlace, text: string, fieldTypes: Record<string, string[]>, decode: (value: string, field: string) => unknown): Array<{field: string; name: string; offset: number}> {
  const found: Array<{field: string; name: string; offset: number}> = []
  for (const [field, value] of Object.entries(entry.properties)) {
    // Web addresses, DOIs and file paths are read as written, backslashes and all.
    const kind = fieldTypes[field.toLowerCase()]?.[1]
    if (typeof value !== 'string' || !value.includes('\\') || kind === 'verbatim' || kind === 'uri') continue
    let decoded: unknown
    try {
      decoded = decode(value, field.toLowerCase())
    } catch {
      continue
    }
    const from = place.fields.get(field.toLowerCase()) ?? place.start
    for (const name of leftoverCommands(value, decoded)) {
      const offset = text.indexOf(name, from)
      found.push({field, name, offset: offset === -1 || offset >= place.end ? from : offset})
    }
  }
  return found
}
