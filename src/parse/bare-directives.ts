import type {Nodes, PhrasingContent, Root, Text} from 'mdast'

/**
 * remark-directive reads any `:name` as a text directive, so `12:01`, `3:1` or `ratio:x` in prose
 * would vanish from the text. A text directive written with neither `[label]` nor `{attributes}`
 * carries nothing a directive needs: turn it back into the text it was written as, and merge it with
 * its neighbours so the prose reads as one run again.
 */
export function restoreBareTextDirectives(tree: Root, document: string): void {
  visit(tree)

  function visit(node: Nodes): void {
    if (!('children' in node)) return
    let changed = false
    const children = node.children as Nodes[]
    for (let index = 0; index < children.length; index++) {
      const child = children[index]!
      if (child.type === 'textDirective' && isBare(child, document)) {
        children[index] = {type: 'text', value: `:${child.name}`, position: child.position}
        changed = true
      } else visit(child)
    }
    if (changed) mergeTexts(children)
  }
}

function isBare(node: Nodes & {type: 'textDirective'}, document: string): boolean {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return false
  return document.slice(start, end) === `:${node.name}`
}

/** Join adjacent text nodes in place (values and positions). */
function mergeTexts(children: Nodes[]): void {
  for (let index = children.length - 1; index > 0; index--) {
    const left = children[index - 1] as PhrasingContent
    const right = children[index] as PhrasingContent
    if (left.type !== 'text' || right.type !== 'text') continue
    const merged: Text = {type: 'text', value: left.value + right.value}
    if (left.position && right.position) merged.position = {start: left.position.start, end: right.position.end}
    children.splice(index - 1, 2, merged)
  }
}
