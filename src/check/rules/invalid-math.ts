import type {Nodes} from 'mdast'
import {positionFromOffsets} from '../../diagnostics/location.js'
import type {MarkdownDocument} from '../../model/types.js'
import {texError} from '../../parse/math/katex.js'
import {isDisplayMath, type InlineMath, type Math} from '../../parse/math/index.js'
import {defineRule} from '../rule.js'

/** Longest formula quoted in a finding, in characters. */
const maxShown = 60

export const invalidMath = defineRule({
  id: 'invalid-math',
  severity: 'error',
  summary: 'TeX maths KaTeX cannot typeset, with its message, where the error is.',
  docs: `Formulas (\`$…$\`, \`$$…$$\`, \`$$\` blocks) are typeset by KaTeX when the report is built, with no
network and no browser. A formula KaTeX cannot read would print as raw TeX: \`check\` reads every
formula as the build will, and reports KaTeX's message at the place of the error in the formula
(\`Undefined control sequence: \\fracc\`, \`Expected '}', got 'EOF'\`, \`Double superscript\`).

KaTeX reads most of LaTeX's maths (see [its list of supported functions](https://katex.org/docs/supported.html)),
not packages or macros defined elsewhere in the document: \`\\newcommand\` holds for its own
formula only. \`\\href\`, \`\\includegraphics\` and the like are off. A dollar meant as money stays
text as long as it does not look like maths (\`10 $\`, \`$5 and $10\`); write \`\\$\` otherwise.`,
  examples: {
    ok: [
      {'chapters/intro.md': 'Le seuil $\\alpha = 0.05$ [@enquete-2024] et $$\\frac{a}{b}$$ sur la :term[sextorsion].\n\n$$\n\\sum_{i=1}^{n} x_i\n$$\n\nUn don de 10 $ ou 5 €.\n'}
    ],
    notOk: [
      {'chapters/intro.md': 'Le seuil $\\fracc{1}{2}$ [@enquete-2024] sur la :term[sextorsion].\n'},
      {'chapters/intro.md': 'La part $x^^2$ [@enquete-2024] sur la :term[sextorsion].\n'},
      {'chapters/intro.md': 'Texte [@enquete-2024] sur la :term[sextorsion].\n\n$$\n\\frac{1}{2\n$$\n'}
    ]
  },
  check({model, report}) {
    for (const document of model.documents) {
      for (const node of formulas(document.tree.children)) {
        const error = texError(node.value, isDisplayMath(node))
        if (!error) continue
        const place = errorPlace(document, node, error.position, error.length)
        // An unknown command is the usual case: a LaTeX package's, or a typo.
        const hint = /^Undefined control sequence/u.test(error.message) ? ', expected a command KaTeX supports (https://katex.org/docs/supported.html)' : ''
        report({file: document.path, position: place ?? node.position ?? positionFromOffsets(document.file, 0, 0)}, `Cannot typeset \`${shown(node)}\` with KaTeX: ${error.message}${hint}`)
      }
    }
  }
})

/** Every formula, in document order, citation prefixes and suffixes included. */
function formulas(nodes: readonly Nodes[]): Array<Math | InlineMath> {
  const found: Array<Math | InlineMath> = []
  const walk = (list: readonly Nodes[]) => {
    for (const node of list) {
      if (node.type === 'math' || node.type === 'inlineMath') found.push(node)
      else if (node.type === 'citation') for (const item of node.items) walk([...item.prefixChildren, ...item.suffixChildren])
      else if ('children' in node) walk(node.children)
    }
  }
  walk(nodes)
  return found
}

/** The formula as written, shortened: `$x^^2$`, `$$\frac{1}{2$$`. */
function shown(node: Math | InlineMath): string {
  const fence = isDisplayMath(node) ? '$$' : '$'
  const value = node.value.replace(/\s+/gu, ' ').trim()
  return fence + (value.length > maxShown ? value.slice(0, maxShown - 1) + '…' : value) + fence
}

/**
 * The place of KaTeX's error in the file: its index in the formula, aligned on the source from
 * where the formula starts (after `$`, `$$`, or the line of the opening fence). The value leaves
 * out what the file has and the formula does not (container prefixes `> `, the fence's
 * indentation, the spaces trimmed inside `$$ … $$`): each character is looked for from the last.
 */
function errorPlace(document: MarkdownDocument, node: Math | InlineMath, index: number | undefined, length: number | undefined) {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (index === undefined || start === undefined || end === undefined) return undefined
  const source = String(document.file.value)
  let cursor = start + (node.type === 'math' ? fenceLineLength(source, start) : isDisplayMath(node) ? 2 : 1)
  const offsets: number[] = []
  for (let at = 0; at <= Math.min(index + Math.max(length ?? 1, 1) - 1, node.value.length - 1); at++) {
    const found = source.indexOf(node.value[at]!, cursor)
    if (found === -1 || found >= end) break
    offsets.push(found)
    cursor = found + 1
  }
  if (offsets.length === 0) return undefined
  // At the end of the formula (`\frac{1}{`): the place just after its last character.
  if (index >= offsets.length) {
    const after = offsets[offsets.length - 1]! + 1
    return positionFromOffsets(document.file, after, after + 1)
  }
  const last = Math.min(index + Math.max(length ?? 1, 1) - 1, offsets.length - 1)
  return positionFromOffsets(document.file, offsets[index]!, offsets[last]! + 1)
}

/** Characters from a `$$` fence to the first line of its formula. */
function fenceLineLength(source: string, start: number): number {
  const lineEnd = source.slice(start).search(/\r\n|\r|\n/u)
  if (lineEnd === -1) return source.length - start
  return lineEnd + (source.startsWith('\r\n', start + lineEnd) ? 2 : 1)
}
