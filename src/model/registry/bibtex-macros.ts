import type {BibtexPlace} from './bibtex-places.js'

/** A `@string{name = …}` definition: its name in lower case (BibTeX's names know no case), and where it is. */
export interface StringDefinition {
  name: string
  offset: number
}

/** Every `@string` the file defines, in the order written. */
export function stringNames(text: string): StringDefinition[] {
  return [...text.matchAll(/@string\s*[{(]\s*([A-Za-z_][A-Za-z0-9_:+.-]*)\s*=/giu)].map((match) => ({name: match[1]!.toLowerCase(), offset: match.index}))
}

/**
 * `@string` macros a value names but nothing defines before it (`publisher = oup`, with no
 * `@string{oup = …}` above): citation-js reads them as nothing, so the field would be lost without
 * a word. `known` are the macros every file has (citation-js's months, `jan`…`dec`, and the journal
 * abbreviations of BibTeX's styles), in lower case.
 */
export function undefinedMacros(place: BibtexPlace, definitions: readonly StringDefinition[], known: ReadonlySet<string>): BibtexPlace['macros'] {
  const defined = new Set([...known, ...definitions.filter((definition) => definition.offset < place.start).map((definition) => definition.name)])
  return place.macros.filter((macro) => !defined.has(macro.name.toLowerCase()))
}
