import type {Theme} from '../load/theme.js'
import type {Config} from '../model/schemas/config.js'
import {lengthToPoints, pageSizePoints} from '../model/schemas/page-size.js'
import {textWithoutNotes} from '../model/text/plain.js'
import type {ReportModel} from '../model/types.js'
// Its type only: page-boxes.ts brings pdf-lib, which a build loads once the browser lays out (api/build.ts).
import type {PrintBoxes} from '../print/page-boxes.js'
import {smartText} from '../render/typography/index.js'

/** What the PDF of an edition is finished with, from the config and the model (pure). */

/**
 * The font families the theme's stylesheets name, as PDF font names spell them (no spaces): those
 * of its @font-face rules, of every `font-family` list (the code font stack names system fonts on
 * purpose) and of every font custom property (`--rp-font-body: "Inter", …`).
 */
export function themeFamilies(theme: Theme): string[] {
  const css = theme.styles.map((style) => style.text).join('\n')
  const lists = [...css.matchAll(/(?:font-family|--rp-[\w-]*font[\w-]*)\s*:\s*([^;}]+)[;}]/gu)].map((match) => match[1]!)
  const families = lists.flatMap((list) => list.split(',')).map((family) => family.trim().replace(/^["']|["']$/gu, '').replace(/\s+/gu, ''))
  return [...new Set(families.filter((family) => family && !family.startsWith('var(')))]
}

/** Every heading the PDF can bookmark: the cover title and the Markdown headings. */
export function headingTexts(model: ReportModel): string[] {
  const texts = [model.config.title]
  for (const document of model.documents) {
    const visit = (nodes: ReadonlyArray<import('mdast').RootContent>) => {
      for (const node of nodes) {
        if (node.type === 'heading') texts.push(textWithoutNotes(node))
        else if ('children' in node) visit(node.children as import('mdast').RootContent[])
      }
    }
    visit(document.tree.children)
  }
  // As printed: the typography pass turns straight quotes into typographic ones in the headings too.
  return texts.map((text) => smartText(text, model.config.lang))
}

/** PDF metadata from the config; the date is SOURCE_DATE_EPOCH or the report's own date, never now. */
export function pdfMetadata(model: ReportModel, editionTitle: string) {
  const {config} = model
  const epoch = process.env.SOURCE_DATE_EPOCH
  const [year, month, day] = config.date.split('-').map(Number)
  const date = epoch ? new Date(Number(epoch) * 1000) : new Date(Date.UTC(year!, (month ?? 1) - 1, day ?? 1))
  return {
    title: `${config.title} — ${editionTitle}`,
    author: (config.authors ?? [config.organisation]).join(', '),
    subject: config.subtitle ?? config.title,
    keywords: config.axes.map((axis) => axis.label),
    lang: config.lang,
    date,
    creator: 'rapporteur'
  }
}

/** The boxes and marks the printer asked for in `print`. */
export function printBoxes(print: Config['print']): PrintBoxes {
  const marks = print.marks === true ? ['crop'] : print.marks === false ? [] : print.marks
  return {trim: pageSizePoints(print.size), bleed: lengthToPoints(print.bleed) ?? 0, crop: marks.includes('crop'), registration: marks.includes('cross')}
}
