import type {Element} from 'hast'
import type {ContainerDirective} from 'mdast-util-directive'

/**
 * A block's `lang` and `dir` (`:::viewpoint{lang=en}`) on the element that shows it, wherever it
 * is shown: in its chapter, and where the synthesis lists it (`::recommendations`, `::keyfigures`),
 * for screen readers and the print's hyphenation and spacing.
 */
export function withLanguage(element: Element, node: ContainerDirective): Element {
  const {lang, dir} = node.attributes ?? {}
  if (lang) element.properties.lang = lang
  if (dir) element.properties.dir = dir
  return element
}
