import type {ElementContent, Text} from 'hast'

/**
 * Prefixes and suffixes are Markdown, but citeproc-js reads only a little inline markup in them
 * (`<i>`, `<b>`, `<sup>`, `<sub>`). Emphasis goes through as that markup, so the style can flip it;
 * anything else (links, code, notes…) is parked behind a private-use token and put back into the
 * formatted citation afterwards, so nothing the writer wrote is lost or printed as raw text.
 */
export class AffixParking {
  private readonly parked: ElementContent[] = []

  /** Rich text for citeproc-js from the hast of a prefix or suffix. */
  toCiteproc(nodes: readonly ElementContent[]): string {
    return nodes.map((node) => this.one(node)).join('')
  }

  /** Put parked nodes back in place of their tokens, in formatted hast (in place). */
  restore(nodes: ElementContent[]): ElementContent[] {
    return nodes.flatMap((node): ElementContent[] => {
      if (node.type === 'text') return this.split(node)
      if (node.type === 'element') node.children = this.restore(node.children)
      return [node]
    })
  }

  private one(node: ElementContent): string {
    if (node.type === 'text') return node.value.replace(/[<>]/g, (char) => this.park({type: 'text', value: char}))
    if (node.type === 'element' && markup[node.tagName]) {
      const tag = markup[node.tagName]
      return `<${tag}>${this.toCiteproc(node.children)}</${tag}>`
    }
    return this.park(node)
  }

  private park(node: ElementContent): string {
    this.parked.push(node)
    return `\uE000${this.parked.length - 1}\uE001`
  }

  private split(node: Text): ElementContent[] {
    if (!node.value.includes('\uE000')) return [node]
    return node.value.split(/\uE000(\d+)\uE001/).flatMap((part, index): ElementContent[] => {
      if (index % 2 === 1) return [structuredClone(this.parked[Number(part)] ?? {type: 'text', value: ''})]
      return part ? [{type: 'text', value: part}] : []
    })
  }
}

const markup: Record<string, string> = {em: 'i', i: 'i', strong: 'b', b: 'b', sup: 'sup', sub: 'sub'}
