import type {Element, ElementContent, Root} from 'hast'

/** Punctuation a citation's note call goes after: what ends or cuts its clause (not an ellipsis `...`). */
const following = /^(?:[.,;:!?](?!\.\.))+/u

/**
 * Outside French, a note made from a citation goes after the punctuation that follows it
 * (`widespread [@k].` prints "widespread.⁵"), as Pandoc places citation notes by default
 * (`notes-after-punctuation`) and as English, German or Spanish typography sets note numbers. French
 * typography puts the call before the punctuation ("enfants¹."), so French reports keep it there.
 * Only `calls`, the notes a note style made from citations: a footnote `[^1]` stays where its
 * writer put it, as in Pandoc. In place, on the hast of one document.
 */
export function moveCitationNotesAfterPunctuation(tree: Root | Element, calls: {has(element: Element): boolean}): void {
  const children = tree.children as ElementContent[]
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!
    if (child.type !== 'element') continue
    const next = children[index + 1]
    const punctuation = calls.has(child) && next?.type === 'text' ? following.exec(next.value)?.[0] : undefined
    if (punctuation) {
      if (next?.type === 'text') next.value = next.value.slice(punctuation.length)
      const previous = children[index - 1]
      if (previous?.type === 'text') previous.value = previous.value.replace(/\s+$/u, '') + punctuation
      else {
        children.splice(index, 0, {type: 'text', value: punctuation})
        index++
      }
    }
    moveCitationNotesAfterPunctuation(child, calls)
  }
}
