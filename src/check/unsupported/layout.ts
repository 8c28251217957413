import type {Attributes} from '../../parse/attributes/attribute-list.js'

/** Quarto's page-layout classes: `.column-margin`, `.column-page`, `.column-screen-inset`… */
const columnClass = /^column-/u
/** Quarto's panel layouts: `layout-ncol=2`, `layout-nrow`, `layout="[[1,1]]"`, `layout-valign`. */
const layoutKey = /^layout(?:-|$)/u

/**
 * What `unsupported-syntax` says of Quarto's layout on a div, a span, a code block or an image,
 * which rapporteur does not read and would otherwise pass over without a word: a figure or table made of a div
 * (`::: {#fig-x}`), whose id then names no figure; panels side by side (`layout-ncol=2`), printed
 * one under the other; content set in the margin or across the page (`.column-margin`), printed
 * in the text column; tabs (`.panel-tabset`), printed one after the other.
 */
export function layoutMessages(attributes: Attributes, on: 'div' | 'inline'): string[] {
  const messages: string[] = []
  const prefix = attributes.id?.match(/^(fig|tbl)-/u)?.[1]
  if (on === 'div' && prefix) {
    const what = prefix === 'fig' ? 'figure' : 'table'
    const write = prefix === 'fig' ? `the image alone in its paragraph with the id on it, \`![Légende](carte.png){#${attributes.id}}\`` : `the caption beside the table with the id in it, \`: Légende {#${attributes.id}}\``
    messages.push(`Unexpected Quarto ${what} div \`{#${attributes.id}}\`, expected ${write}: rapporteur does not read a div as a ${what}, so it has no number and \`@${attributes.id}\` finds nothing`)
  }
  for (const key of Object.keys(attributes.pairs).filter((name) => layoutKey.test(name))) {
    messages.push(`Unexpected Quarto layout \`${key}\`, expected one image or table after the other: rapporteur does not set panels side by side, so they are printed one under the other`)
  }
  for (const name of attributes.classes.filter((item) => columnClass.test(item))) {
    messages.push(`Unexpected Quarto column class \`.${name}\`, expected the content in the text (a note \`^[…]\` for an aside): rapporteur has no margin or wide columns, so it is printed in the text column`)
  }
  if (attributes.classes.includes('panel-tabset')) messages.push('Unexpected Quarto `.panel-tabset`, expected sections with headings: rapporteur has no tabs, so the tabs are printed one after the other, their headings as headings')
  return messages
}
