/**
 * Pandoc's bracketed spans in a source's fields (`title: "[L'IA générative]{lang=fr}"`). Neither
 * sources.yaml (whose fields are text, not Markdown) nor citeproc-js reads one: it was printed with
 * its brackets, or, in Pandoc's CSL YAML, its attributes were dropped without a word. Each is
 * reported at its field with what to write instead, its text kept; a span that is the whole value
 * gives the entry its `language` when the entry has none, as `language: fr` would.
 */

/** A span: `[text]{attributes}`, brackets balanced inside. */
const SPAN = /\[((?:[^[\]\\]|\\.|\[(?:[^[\]\\]|\\.)*\])*)\]\{([^{}\n]*)\}/gu

/** The fields read as written, never as text a span could be in. */
const verbatim: ReadonlySet<string> = new Set(['id', 'type', 'URL', 'url', 'DOI', 'ISBN', 'ISSN', 'file', 'language'])

/** What a span found in a field is, and what to write instead. */
export interface SpanFinding {
  field: string
  message: string
}

/**
 * An entry (as its file holds it) with each reported span replaced by its text, and the
 * language of a span that is a whole value as its `language`. `csl`: Pandoc's CSL YAML, where a
 * span of the classes `smallcaps` or `nocase` alone is CSL rich text, read as such.
 */
export function readSpans(item: unknown, report: (finding: SpanFinding) => void, csl: boolean): unknown {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return item
  const copy: Record<string, unknown> = {...item}
  const id = typeof copy.id === 'string' ? copy.id : undefined
  for (const [field, value] of Object.entries(item)) {
    if (typeof value !== 'string' || verbatim.has(field) || !value.includes(']{')) continue
    let language: string | undefined
    const read = value.replace(SPAN, (span: string, text: string, attributes: string) => {
      if (csl && /^\s*(?:\.(?:smallcaps|nocase)\s*)+$/u.test(attributes)) return span
      const lang = /(?:^|\s)lang=["']?([^\s"'}]+)/u.exec(attributes)?.[1]
      if (lang && span === value.trim()) language = lang
      const instead = lang ? `the text alone, \`${text}\`, and \`language: ${lang}\` on the entry` : `the text alone, \`${text}\``
      report({field, message: `Unexpected Pandoc span \`${span}\` in \`${field}\`${id ? ` of \`${id}\`` : ''}, expected ${instead}: ${csl ? 'its attributes are not read' : 'a source\'s fields are text, not Markdown'}`})
      return text
    })
    copy[field] = read
    if (language && copy.language === undefined) copy.language = language
  }
  return copy
}
