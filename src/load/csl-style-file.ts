import type {Element, Nodes, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {xmlErrorReason} from './xml-error.js'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {SchemaProblem} from '../model/types.js'

const cslNamespace = 'http://purl.org/net/xbiblio/csl'
const start: Position = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}

/**
 * What would stop citeproc-js on a project's CSL style, found before it runs and told with a
 * place: XML that does not parse, a root that is not a CSL 1.0 `<style>`, a dependent style
 * (Zotero's repository has thousands: they only name their parent), no `<citation>` or no
 * `<layout>`, a `<text macro>` the style does not define, macros that call each other in a loop.
 * Not a full RELAX NG validation of the CSL schema: the checks that turn a crash inside citeproc into a finding.
 */
export function cslStyleProblems(file: VFile): SchemaProblem[] {
  const problems: SchemaProblem[] = []
  const report = (node: Nodes | undefined, message: string) => problems.push({file: file.path, position: node?.position ?? start, message})
  let tree: Root
  try {
    tree = fromXml(String(file.value))
  } catch (error) {
    const place = (error as {place?: {line: number; column: number}}).place
    const point = place ? {line: place.line, column: place.column} : start.start
    const reason = xmlErrorReason(error)
    problems.push({file: file.path, position: {start: point, end: point}, message: `Cannot read the CSL style, the XML does not parse: ${reason}`})
    return problems
  }
  const style = tree.children.find((node): node is Element => node.type === 'element')
  if (!style || style.name !== 'style' || style.attributes.xmlns !== cslNamespace) {
    report(style, `Unexpected root \`<${style?.name ?? ''}>\`, expected a CSL style: \`<style xmlns="${cslNamespace}" version="1.0">\``)
    return problems
  }
  const version = style.attributes.version ?? ''
  if (!version.startsWith('1.')) report(style, `Unexpected CSL version \`${version}\`, expected \`1.0\` (CSL 0.8 styles can be converted with the CSL project's updater)`)
  const className = style.attributes.class
  if (className !== 'note' && className !== 'in-text') report(style, `Unexpected \`class="${className ?? ''}"\` on \`<style>\`, expected \`note\` or \`in-text\``)

  const children = elements(style)
  const parent = children
    .filter((child) => child.name === 'info')
    .flatMap(elements)
    .find((child) => child.name === 'link' && child.attributes.rel === 'independent-parent')
  const citation = children.find((child) => child.name === 'citation')
  if (!citation && parent) {
    report(parent, `Unexpected dependent CSL style (it only names its parent, ${parent.attributes.href ?? 'another style'}), expected an independent style: download the parent style and name that file in \`citations.csl\``)
    return problems
  }
  if (!citation) report(style, 'Missing `<citation>` in the CSL style, expected one with a `<layout>`')
  for (const part of [citation, children.find((child) => child.name === 'bibliography')]) {
    if (part && !elements(part).some((child) => child.name === 'layout')) report(part, `Missing \`<layout>\` in \`<${part.name}>\``)
  }

  const macros = new Map(children.flatMap((child) => (child.name === 'macro' && typeof child.attributes.name === 'string' ? [[child.attributes.name, child] as const] : [])))
  for (const node of descendants(style)) {
    const macro = node.attributes.macro
    if (typeof macro === 'string' && !macros.has(macro)) report(node, `Unexpected \`macro="${macro}"\`, expected the name of a \`<macro>\` of the style`)
  }
  for (const {call, loop} of macroLoops(macros)) {
    report(call, `Unexpected \`macro="${call.attributes.macro}"\`: the macros call each other in a loop (${loop.join(' → ')}), which citeproc-js cannot format`)
  }
  return problems
}

/**
 * The calls that close a loop of macros (`a` calls `b`, `b` calls `a`; or `a` calls itself): each
 * with the loop it closes. citeproc-js stops on the first citation it formats with one ("call to
 * macro … would cause an infinite loop"). Each macro is walked once, depth first.
 */
function macroLoops(macros: ReadonlyMap<string, Element>): Array<{call: Element; loop: string[]}> {
  const loops: Array<{call: Element; loop: string[]}> = []
  const done = new Set<string>()
  const open: string[] = []
  const visit = (name: string) => {
    open.push(name)
    for (const call of descendants(macros.get(name)!)) {
      const target = call.attributes.macro
      if (typeof target !== 'string' || !macros.has(target)) continue
      if (open.includes(target)) loops.push({call, loop: [...open.slice(open.indexOf(target)), target]})
      else if (!done.has(target)) visit(target)
    }
    open.pop()
    done.add(name)
  }
  for (const name of macros.keys()) if (!done.has(name)) visit(name)
  return loops
}

function elements(node: Element): Element[] {
  return node.children.filter((child): child is Element => child.type === 'element')
}

function descendants(node: Element): Element[] {
  return elements(node).flatMap((child) => [child, ...descendants(child)])
}
