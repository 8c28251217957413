/**
 * What the load stage reads in a theme's stylesheets without parsing them: `@font-face` blocks and
 * `--rp-…` custom properties, in the text with its comments blanked out (the same length, so that
 * offsets stay those of the file). Pure.
 */

/** Comments blanked out with spaces: a declaration in a comment is no declaration. */
export function blankComments(css: string): string {
  return css.replace(/\/\*[\s\S]*?\*\//gu, (comment) => comment.replace(/[^\n]/gu, ' '))
}

/** Each `@font-face { … }` block of the (comment-blanked) text, with its offset. */
export function fontFaceBlocks(text: string): Array<{block: string; index: number}> {
  return [...text.matchAll(/@font-face\s*\{[^}]*\}/gu)].map((match) => ({block: match[0], index: match.index}))
}

/** Each `--rp-…: value` of the text, in order, its value trimmed at the end, with the value's offset. */
export function customPropertyDeclarations(css: string): Array<{name: string; value: string; start: number}> {
  return [...blankComments(css).matchAll(/(?<![\w-])(--rp-[\w-]+)\s*:\s*([^;}]+)/gu)].map((match) => ({
    name: match[1]!,
    value: match[2]!.trimEnd(),
    start: match.index + match[0].length - match[2]!.length
  }))
}
