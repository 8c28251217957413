import type {Root, RootContent} from 'hast'

/** Elements Chromium leaves out of a tagged PDF's structure tree unless something marks them. */
const generic: ReadonlySet<string> = new Set(['div', 'span'])

/**
 * Chromium writes an element's `lang` into the tagged PDF (`/Lang (en)` on its structure element),
 * but a plain `<div>` or `<span>` has no structure element, so a passage in another language
 * (`[Quote.]{lang=en}`, `::: {lang=en}`) was tagged in the report's language and a screen reader
 * read English words with French sounds. `aria-hidden="false"` changes nothing for a reader (it
 * says the element is shown, as it is) but keeps the element in the accessibility tree Chromium
 * tags from: it becomes a `NonStruct` carrying its `/Lang`, which its content inherits. For the
 * print HTML only: a web page's `lang` works as it is.
 */
export function keepLanguageInTags(tree: Root): void {
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      const {lang} = node.properties
      if (typeof lang === 'string' && lang !== '' && generic.has(node.tagName) && node.properties.ariaHidden === undefined) node.properties.ariaHidden = 'false'
      visit(node.children)
    }
  }
  visit(tree.children)
}
