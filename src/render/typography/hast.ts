import type {Element} from 'hast'

/** The element's own `lang` attribute, if it has one (an empty `lang=""` means "unknown language"). */
export function ownLang(element: Element): string | undefined {
  const lang = element.properties.lang
  return typeof lang === 'string' ? lang : undefined
}

/** True when the element has one of the classes. hastscript gives `className` as an array. */
export function hasClass(element: Element, names: ReadonlySet<string>): boolean {
  const value: unknown = element.properties.className
  const list: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : []
  return list.some((name) => names.has(String(name)))
}

/** The primary language subtag, lower-cased: `fr-CA` → `fr`. */
export function primaryLanguage(lang: string): string {
  return lang.split('-')[0]!.toLowerCase()
}

/** Inline elements: their text is read with the text around them. Anything else is a block. */
export const PHRASING = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'label', 'mark', 'q', 'ruby', 'rt', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u'])

/** Inline elements read on their own: a note's number or text is not part of the sentence around its call. */
export const ISOLATED = new Set(['rp-footnote', 'rp-note-call'])

/** Elements whose text is not prose: typography never edits it. */
export const NOT_PROSE = ['code', 'pre', 'kbd', 'samp', 'var', 'script', 'style', 'textarea', 'svg', 'math', 'template'] as const

/** Classes of elements whose text is not prose either: TeX maths typeset by KaTeX (its HTML is spans), a link's address printed after it. */
export const NOT_PROSE_CLASSES: ReadonlySet<string> = new Set(['rp-math', 'katex', 'rp-link-address'])
