import type {Element, ElementContent} from 'hast'
import {h} from 'hastscript'
import {toText} from 'hast-util-to-text'

/**
 * What screen readers read of a figure's caption (blocks/pandoc.ts): a caption that says what the
 * image's description says is read once. These tell its words from what stays within reach (links,
 * note calls, notes in print, citations) and hide only the words.
 */

/** A link, a note call or (in print) a note inside: something a reader goes to, which hiding would take away. */
export function holdsLink(node: ElementContent): boolean {
  return node.type === 'element' && (isReachable(node) || node.children.some(holdsLink))
}

/** A link, a note (print) or a citation: what the image's description leaves out, or what a reader follows. */
function isReachable(element: Element): boolean {
  return element.tagName === 'a' || (element.tagName === 'span' && /\brp-(?:footnote|cite|cite-author)\b/u.test(String(element.properties.className ?? '')))
}

/** A caption's words as its image's description has them: without its note calls, notes and citations. */
export function captionWords(caption: readonly ElementContent[]): string {
  const words = (node: ElementContent): ElementContent[] => {
    if (node.type !== 'element') return [node]
    if (isNote(node)) return []
    return [{...node, children: node.children.flatMap(words)}]
  }
  return toText(h('p', caption.flatMap(words))).replace(/\s+/gu, ' ').trim()
}

function isNote(element: Element): boolean {
  return /\brp-(?:note-call|footnote|cite|cite-link|cite-author)\b/u.test(String(element.properties.className ?? ''))
}

/** A caption's words hidden from screen readers, each run between links, note calls or notes in one span; those stay as they are. */
export function hideWords(nodes: readonly ElementContent[]): ElementContent[] {
  const out: ElementContent[] = []
  let run: ElementContent[] = []
  const close = () => {
    if (run.some((node) => node.type !== 'text' || node.value.trim() !== '')) out.push(h('span', {ariaHidden: 'true'}, run))
    else out.push(...run)
    run = []
  }
  for (const node of nodes) {
    if (!holdsLink(node)) run.push(node)
    else {
      close()
      out.push(node.type === 'element' && !isReachable(node) ? {...node, children: hideWords(node.children)} : node)
    }
  }
  close()
  return out
}
