import type {Element, Root, RootContent} from 'hast'

/**
 * The print HTML is written one folder down (`dist/.print/`), so the project's relative image
 * paths (`assets/carte.png`) must climb back up to reach `dist/assets/`.
 */
export function relocateImages(tree: Root, prefix: string): void {
  const visit = (nodes: RootContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') continue
      if (node.tagName === 'img') relocate(node, prefix)
      visit(node.children)
    }
  }
  visit(tree.children)
}

function relocate(image: Element, prefix: string): void {
  const source = image.properties.src
  if (typeof source !== 'string' || /^(?:[a-z][a-z\d+.-]*:|\/|#)/i.test(source)) return
  image.properties.src = prefix + source
}
