import type {Position} from 'unist'
import {addMessage} from '../diagnostics/message.js'
import type {Severity} from '../diagnostics/severity.js'
import {unescapedAddress} from '../model/address.js'
import type {ReportModel} from '../model/types.js'
import type {PreflightReport, PrintProblem} from '../print/preflight.js'
import type {EditionName} from '../model/schemas/config.js'
import type {RenderedEdition} from '../render/edition.js'
import {imageKey, outputImagePath} from '../render/images.js'

const start: Position = {start: {line: 1, column: 1}, end: {line: 1, column: 1}}

/**
 * Turn what the browser saw after pagination into diagnostics like `check`'s, pointing back to
 * the Markdown where the renderer kept the origin (notes, chapters), else to rapporteur.yaml.
 */
export function reportPreflight(
  model: ReportModel,
  printed: {edition: EditionName; notes: RenderedEdition['notes']},
  result: {preflight: PreflightReport; problems: PrintProblem[]; pageCount: number; embeddedFonts: string[]; themeFamilies: string[]},
  /** Where the project names a file the print could not load (locate-request.ts): a file of `model.files` and the place in it. */
  locate: (url: string) => {file: string; position: Position} | undefined = () => undefined
): void {
  const config = model.files.get('rapporteur.yaml')!
  const say = (file: string | undefined, place: Position | undefined, reason: string, ruleId: string, severity: Severity) =>
    addMessage(model.files.get(file ?? '') ?? config, reason, {ruleId, severity, place: place ?? start})
  const chapterFile = (id: string | undefined) => model.documents.find((document) => document.id === id)?.path
  // The line the renderer wrote on the element (data-line), in its chapter's file.
  const lineOf = (placed: {chapter?: string; line?: number}): Position | undefined =>
    placed.line && chapterFile(placed.chapter) ? {start: {line: placed.line, column: 1}, end: {line: placed.line, column: 1}} : undefined
  const edition = printed.edition
  const {preflight} = result

  say(undefined, start, `The ${edition} edition has ${result.pageCount} pages`, 'preflight-page-count', 'info')
  for (const note of preflight.footnotes) {
    if (note.callPage === note.notePage) continue
    const origin = printed.notes.find((item) => String(item.number) === String(note.id))?.origin
    say(origin?.file, origin?.position, `Unexpected note ${note.id} on page ${note.notePage}, expected it on page ${note.callPage} with its call (${edition})`, 'preflight-footnote-page', 'warning')
  }
  for (const href of preflight.unresolvedRefs) say(undefined, start, `Unexpected unresolved page reference \`${href}\` (${edition}), expected a target in the document`, 'preflight-unresolved-ref', 'error')
  // An image at the place the Markdown names it: its n-th showing in the edition is the n-th use
  // of that file in the edition's chapters, in reading order (the print HTML, in `.print/`, names
  // its copy from there). It is named as the Markdown writes it. The cover's logo and picture, named
  // in rapporteur.yaml, come first in every edition.
  const editionFiles = model.documents.filter((document) => document.editions.includes(edition)).map((document) => document.path)
  const uses = model.images
    .filter((use) => use.file === model.configFile || editionFiles.includes(use.file))
    .sort((a, b) => editionFiles.indexOf(a.file) - editionFiles.indexOf(b.file) || (a.position.start.offset ?? 0) - (b.position.start.offset ?? 0))
  const imageUse = (image: {src: string; nth?: number}) => {
    // Compared unescaped: the page's address has `é` as `%C3%A9` where the Markdown's renderer escaped it.
    const src = unescapedAddress(image.src.replace(/^\.\.\//u, ''))
    const named = uses.filter((use) => unescapedAddress(outputImagePath(model, use.file, use.url)) === src)
    return named[image.nth ?? 0] ?? named[0]
  }
  const wide = new Set(preflight.crampedTables.map((table) => `${table.chapter} ${table.line}`))
  for (const overflow of preflight.overflows) {
    // A table too wide for the text is reported as such (preflight-wide-table), once.
    if (overflow.kind === 'table' && wide.has(`${overflow.chapter} ${overflow.line}`)) continue
    // An image at its own place in the Markdown, by its file and description; else the block at its line.
    const use = overflow.image ? imageUse(overflow.image) : undefined
    if (overflow.image) {
      say(use?.file ?? chapterFile(overflow.chapter), use?.position ?? lineOf(overflow), `Unexpected image ${imageName(use?.url ?? overflow.image.src, overflow.image.alt)} overflowing page ${overflow.page} (${edition}), expected it within the page's text area (a width or height given to it, or the block it is in, makes it larger than the page)`, 'preflight-overflow', 'warning')
      continue
    }
    say(chapterFile(overflow.chapter), lineOf(overflow), `Unexpected ${blockName(overflow.kind, overflow.text)} overflowing page ${overflow.page} (${edition}), expected it within the page's text area`, 'preflight-overflow', 'warning')
  }
  for (const table of preflight.crampedTables) {
    const type = table.smaller ? ` in type made smaller (${table.smaller === 3 ? 'the smallest step' : `step ${table.smaller} of 3`})` : ''
    const what = table.overflows ? 'so it runs past the text’s edge' : 'so words in its cells break (its numbers are kept whole)'
    say(chapterFile(table.chapter), lineOf(table), `Unexpected table wider than the text on page ${table.page} (${edition}): it needs about ${table.needed} mm${type}, the text is ${table.available} mm wide, ${what}, expected it to fit (fewer or narrower columns, shorter headers, units in the caption rather than in each cell, or two tables)`, 'preflight-wide-table', 'warning')
  }
  for (const heading of preflight.strandedHeadings) say(chapterFile(heading.chapter), lineOf(heading), `Unexpected heading “${heading.text}” alone at the foot of page ${heading.page} (${edition}), expected it with its text`, 'preflight-stranded-heading', 'warning')
  for (const font of preflight.fonts) if (font.status === 'failed' || font.status === 'not-declared') say(undefined, start, `Unexpected fallback font for \`${font.family}\` (${edition}), expected the theme's font to load`, 'preflight-font', 'warning')
  // A font the theme does not declare was embedded: some glyph was missing from the theme's fonts.
  // An SVG of this edition with text of its own is the likely cause: the finding goes to its first use, naming it.
  const svgWithText = uses.find((use) => model.imageFiles.get(imageKey(use.file, use.url))?.svg?.text)
  for (const name of result.embeddedFonts) {
    if (result.themeFamilies.some((family) => name.startsWith(family))) continue
    if (svgWithText) say(svgWithText.file, svgWithText.position, `Unexpected fallback font \`${name}\` in the ${edition} PDF, expected only the theme's fonts: the SVG \`${model.imageFiles.get(imageKey(svgWithText.file, svgWithText.url))?.path ?? svgWithText.url}\` sets its text in a font of this machine (\`image-text\`), or a character is missing from the theme's fonts (\`rapporteur check\` says where in the Markdown: \`missing-glyph\`)`, 'preflight-missing-glyph', 'warning')
    else say(undefined, start, `Unexpected fallback font \`${name}\` in the ${edition} PDF, expected only the theme's fonts: a character is missing from them (\`rapporteur check\` says where in the Markdown: \`missing-glyph\`), or an SVG image sets text in a font of this machine (\`image-text\`)`, 'preflight-missing-glyph', 'warning')
  }
  for (const image of preflight.images) {
    if (image.dpi >= 300) continue
    const use = imageUse(image)
    say(use?.file, use?.position, `Unexpected image \`${use?.url ?? image.src}\` at ${Math.round(image.dpi)} dpi on page ${image.page} (${edition}), expected at least 300 dpi for print`, 'preflight-image-resolution', 'warning')
  }
  for (const image of preflight.brokenImages) {
    const use = imageUse(image)
    say(use?.file, use?.position, `Unexpected image \`${use?.url ?? image.src}\` that the browser could not show, on page ${image.page} (${edition}), expected an image it reads: the PDF has an empty space in its place (open the file in a browser; export it again as PNG or JPEG)`, 'preflight-broken-image', 'error')
  }
  for (const box of preflight.splitBoxes) say(chapterFile(box.chapter), lineOf(box), `Unexpected block split across pages ${box.page} and ${box.page + 1} (${edition}): “${box.text}”, expected it on one page (it is taller than the room left, or than a page: shorten it, or let it split)`, 'preflight-split-block', 'info')
  for (const problem of result.problems) {
    const place = problem.kind === 'request-failed' && problem.url ? locate(problem.url) : undefined
    say(place?.file, place?.position, `${problem.message} (${edition})`, `print-${problem.kind}`, problem.kind === 'blocked-request' ? 'warning' : 'error')
  }
}

/** The kinds of block the preflight reports, by their tag. */
const BLOCK_NAMES: Record<string, string> = {
  table: 'table', p: 'paragraph', li: 'list item', dt: 'term', dd: 'definition', pre: 'code block', blockquote: 'quotation', figure: 'figure', aside: 'box',
  h1: 'heading', h2: 'heading', h3: 'heading', h4: 'heading', h5: 'heading', h6: 'heading'
}

/** A block by its kind and the start of its text: `paragraph “Voir https://…”`; never an empty quotation. */
function blockName(kind: string | undefined, text: string): string {
  const name = BLOCK_NAMES[kind ?? ''] ?? 'content'
  return text.trim() ? `${name} “${text.trim()}”` : name
}

/** An image by its file and its description, when it has one. */
function imageName(url: string, alt: string): string {
  return alt.trim() ? `\`${url}\` (“${alt.trim()}”)` : `\`${url}\``
}
