import type {Attributes} from '../parse/attributes/attribute-list.js'

/** rapporteur's two outputs: the web page and the PDF. */
export type Output = 'web' | 'print'

/**
 * Quarto's format names that one of rapporteur's outputs answers to, as Quarto's format matching
 * aliases them (`html4` and `html5` are `html`; `latex` and `typst` make PDFs).
 */
const outputOfFormat: Readonly<Record<string, Output>> = {html: 'web', html4: 'web', html5: 'web', 'html:js': 'web', pdf: 'print', latex: 'print', typst: 'print'}

/** Formats Quarto makes and rapporteur does not: content for them alone is in neither output. */
const otherFormats: ReadonlySet<string> = new Set(['docx', 'odt', 'rtf', 'pptx', 'beamer', 'revealjs', 'epub', 'epub2', 'epub3', 'markdown', 'gfm', 'commonmark', 'ipynb', 'dashboard', 'jats', 'asciidoc', 'context', 'ms', 'man', 'mediawiki', 'docusaurus-md', 'hugo-md', 'confluence'])

/** Conditions Quarto reads from its own metadata and profiles, which rapporteur has not. */
export const unreadConditions = ['when-meta', 'unless-meta', 'when-profile', 'unless-profile'] as const

/** What `.content-visible` / `.content-hidden` with their conditions make of a div, span or code block. */
export interface Condition {
  /** Whether it is shown in the web page, and in the PDF. */
  shown: Record<Output, boolean>
  /** Format names neither Quarto nor rapporteur knows (`htlm`): they match no output. */
  unknownFormats: string[]
  /** `when-meta`, `when-profile`…: not read; the content is shown as if they held. */
  unread: string[]
}

/**
 * Quarto's conditional content (`::: {.content-visible when-format="html"}`,
 * `[…]{.content-hidden unless-format="pdf"}`), or undefined for an element without either class.
 * As in Quarto, the condition holds when the output matches `when-format` (if given) and does not
 * match `unless-format` (if given); `.content-visible` shows the content where it holds,
 * `.content-hidden` hides it there.
 */
export function conditionOf(attributes: Attributes): Condition | undefined {
  const visible = attributes.classes.includes('content-visible')
  const hidden = attributes.classes.includes('content-hidden')
  if (!visible && !hidden) return undefined
  const unknownFormats: string[] = []
  const formats = (key: 'when-format' | 'unless-format') => {
    const value = attributes.pairs[key]
    if (value === undefined) return undefined
    const names = value.split(/[\s,]+/u).filter(Boolean)
    for (const name of names) if (!(name in outputOfFormat) && !otherFormats.has(name)) unknownFormats.push(name)
    return new Set(names.map((name) => outputOfFormat[name]).filter((output): output is Output => output !== undefined))
  }
  const when = formats('when-format')
  const unless = formats('unless-format')
  const holds = (output: Output) => (when === undefined || when.has(output)) && !(unless?.has(output) ?? false)
  const shown = {web: holds('web') === visible, print: holds('print') === visible}
  return {shown, unknownFormats, unread: unreadConditions.filter((key) => attributes.pairs[key] !== undefined)}
}

/** The format names a condition may give, for a message. */
export const knownFormats: readonly string[] = [...Object.keys(outputOfFormat), ...otherFormats]

/** The classes and attributes that make the condition, which the output does not keep. */
export function withoutCondition(attributes: Attributes): Attributes {
  const pairs = Object.fromEntries(Object.entries(attributes.pairs).filter(([key]) => key !== 'when-format' && key !== 'unless-format' && !(unreadConditions as readonly string[]).includes(key)))
  return {...attributes, classes: attributes.classes.filter((name) => name !== 'content-visible' && name !== 'content-hidden'), pairs}
}
