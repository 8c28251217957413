import type {Element, ElementContent, Text} from 'hast'

/**
 * A note style ends each citation with a period, and so does the writer's own sentence in a
 * footnote (`[^1]: Voir [@a].`): drop the second period where one text run ends a sentence and the
 * next starts with `.`, as Pandoc's citeproc does. A run ends a sentence with `.`, `?` or `!`, also
 * before closing quotes: an English short form ends `“Title.”` (punctuation inside the quotes), which
 * printed `“Title.”.`. Works in place on a note's content.
 */
const endsSentence = /[.?!][”’»"']*$/u

export function mergeDoublePeriods(content: ElementContent[]): void {
  let previous: Text | undefined
  const visit = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        if (previous && endsSentence.test(previous.value) && node.value.startsWith('.') && !node.value.startsWith('..')) node.value = node.value.slice(1)
        if (node.value !== '') previous = node
      } else if (node.type === 'element') visit(node.children)
    }
  }
  visit(content)
}

/** Citations in a note that its sentence goes on after (`Voir [@a] et, pour la méthode, …`). */
const continued = new WeakSet<Element>()

/** Mark a citation of a note's text as followed by more of its sentence: its final period goes (endContinuedCitations). */
export function continuesSentence(cluster: Element): void {
  continued.add(cluster)
}

/** The words whose period is their own, not the one that ends a sentence: `et al.`, `ibid.`, `p.`, an initial. */
const abbreviation = /(?:^|[^\p{L}])(?:al|etc|ibid|id|cit|op|loc|pp?|chap|vol|coll|dir|[ée]ds?|trad|n°|nos?|art|fig|t|ann|suppl|s\.[dln])$/iu
const initial = /(?:^|[^\p{L}])\p{Lu}$/u

/**
 * A note style ends a citation with a period, which in the middle of a note's sentence stopped it
 * there ("…, consulté le 1er octobre 2025. et, pour la méthode, …"): the citations marked by
 * continuesSentence lose that period, unless it belongs to an abbreviation. In place, once the
 * citations are formatted.
 */
export function endContinuedCitations(content: ElementContent[]): void {
  const visit = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (continued.has(node)) dropFinalPeriod(node)
      else visit(node.children)
    }
  }
  visit(content)
}

function dropFinalPeriod(cluster: Element): void {
  const last = lastText(cluster)
  if (!last?.value.endsWith('.') || last.value.endsWith('..')) return
  const body = last.value.slice(0, -1)
  if (abbreviation.test(body) || initial.test(body)) return
  last.value = body
}

function lastText(node: Element): Text | undefined {
  for (let index = node.children.length - 1; index >= 0; index--) {
    const child = node.children[index]!
    if (child.type === 'text' && child.value.trim() !== '') return child
    if (child.type === 'element') {
      const found = lastText(child)
      if (found) return found
    }
  }
  return undefined
}
