import type {Nodes, Root} from 'mdast'
import {lineEndOffset} from '../../diagnostics/location.js'
import type {MessageExtras} from '../../diagnostics/message.js'
import {eachNode} from '../each-node.js'

/** A block a fence of colons opens: a directive's (`:::recommendation{…}`) or a fenced div (`::: {lang=fr}`). */
type Fenced = Nodes & {position: NonNullable<Nodes['position']>}

const isFenced = (node: Nodes): node is Fenced => (node.type === 'containerDirective' || node.type === 'fencedDiv') && node.position?.start.offset !== undefined && node.position.end.offset !== undefined

/**
 * What a fence that opens or closes nothing most often is: the second `:::` of a block nested in
 * another with as many colons, whose first `:::` closed the outer block. Says which block the
 * fence before it closed, where that block opens, and that it needs more colons than the block open
 * inside it. Undefined when the block closed before the fence held none.
 */
export function strayFenceMessage(tree: Root, text: string, file: string, offset: number, fence: string): {message: string; extras: MessageExtras} | undefined {
  let closed: Fenced | undefined
  eachNode(tree, (node) => {
    if (!isFenced(node) || node.position.end.offset! > offset) return
    // The one that ended last before the fence; of several ended by one fence, the outermost.
    if (!closed || node.position.end.offset! > closed.position.end.offset! || (node.position.end.offset === closed.position.end.offset && node.position.start.offset! < closed.position.start.offset!)) closed = node
  })
  if (!closed) return undefined
  const outer = closed
  const line = (at: number) => text.slice(text.lastIndexOf('\n', at - 1) + 1, lineEndOffset(text, at)).trim()
  const opening = line(outer.position.start.offset!)
  const closing = line(outer.position.end.offset! - 1)
  const nested: Fenced[] = []
  eachNode(outer, (node) => {
    if (node !== outer && isFenced(node)) nested.push(node)
  })
  const inner = nested[0]
  const colons = /^:+/u.exec(opening)?.[0].length ?? 3
  const more = ':'.repeat(Math.max(colons, fence.length) + 1)
  const {start} = outer.position
  const outerAt = `${start.line}:${start.column}`
  // The outer block's opening fence, as a second place: where the colons are to be added.
  const extras: MessageExtras = {related: {file, place: {start, end: {line: start.line, column: start.column + opening.length, offset: start.offset! + opening.length}}, message: 'the block that fence closed opens here'}}
  // A block closed with no block inside it: the fence is not the nested case, the general message fits.
  if (!inner) return undefined
  const innerOpening = line(inner.position.start.offset!)
  return {
    message: `Unexpected fence \`${fence}\` that opens or closes nothing: the fence \`${closing}\` on line ${outer.position.end.line} closed \`${opening}\` (${outerAt}), not \`${innerOpening}\` (line ${inner.position.start.line}) inside it, which has as many colons; expected more colons on the outer block, \`${more}${opening.slice(colons)}\` and \`${more}\` to close it, so that \`${fence}\` closes the inner one; this one is left out`,
    extras
  }
}
