import {copyFile, mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {getDocument} from 'pdfjs-dist/legacy/build/pdf.mjs'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll} from 'vitest'
import {launchBrowser, resolveBrowser} from '../../src/print/browser.js'
import {pagedHandlersScript} from '../../src/print/browser-side/handlers.js'
import {pagedSource} from '../../src/print/paged-source.js'
import {pdfBytes} from '../../src/print/write-pdf.js'
import type {PDFDocument} from 'pdf-lib'

/**
 * The one browser of a test file. No skip when none is found: @sparticuz/chromium is a dependency,
 * so a missing browser is a broken install and must fail the tests.
 */
export async function startBrowser(): Promise<Browser> {
  return launchBrowser(await resolveBrowser({env: process.env}), {timeoutMs: 30_000})
}

const fontFolder = path.join(path.dirname(createRequire(import.meta.url).resolve('@fontsource/source-serif-4/package.json')), 'files')
const fontFiles = ['source-serif-4-latin-400-normal.woff2', 'source-serif-4-latin-700-normal.woff2', 'source-serif-4-latin-400-italic.woff2']

/** A minimal print theme: A4, 20 mm margins, a bundled font (so metrics do not depend on the machine). */
export const printCss = `
@font-face { font-family: "Source Serif 4"; font-weight: 400; src: url(fonts/source-serif-4-latin-400-normal.woff2) format("woff2"); }
@font-face { font-family: "Source Serif 4"; font-weight: 700; src: url(fonts/source-serif-4-latin-700-normal.woff2) format("woff2"); }
@font-face { font-family: "Source Serif 4"; font-style: italic; src: url(fonts/source-serif-4-latin-400-italic.woff2) format("woff2"); }
@page { size: A4; margin: 20mm; }
html { font: 11pt/1.4 "Source Serif 4", serif; }
body { margin: 0; }
h1 { font-size: 20pt; }
section.rp-chapter { break-before: page; }
span.rp-footnote { float: footnote; font-size: 9pt; }
aside.rp-recommendation, figure.rp-stat, aside.rp-viewpoint, aside.rp-callout { break-inside: avoid; border: 1px solid black; padding: 4mm; margin: 4mm 0; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid black; padding: 1mm; }
`

/** A temporary output folder with the fonts and print.css, and a writer for HTML files in it. */
export async function makeRoot(): Promise<{root: string; page(name: string, body: string, head?: string): Promise<string>; remove(): Promise<void>}> {
  const root = await mkdtemp(path.join(tmpdir(), 'rapporteur-print-'))
  await mkdir(path.join(root, 'fonts'))
  await Promise.all(fontFiles.map((file) => copyFile(path.join(fontFolder, file), path.join(root, 'fonts', file))))
  await writeFile(path.join(root, 'print.css'), printCss)
  return {
    root,
    async page(name, body, head = '') {
      const file = path.join(root, name)
      const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${name}</title><link rel="stylesheet" href="print.css">${head}</head><body class="rp-edition">${body}</body></html>`
      await writeFile(file, html)
      return file
    },
    remove: () => rm(root, {recursive: true, force: true})
  }
}

export const lorem =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.'

/** `count` paragraphs of filler, each starting with `label` and its number. */
export function paragraphs(count: number, label = 'Filler'): string {
  return Array.from({length: count}, (_, index) => `<p>${label} ${index}. ${lorem}</p>`).join('\n')
}

/** A text run on a PDF page, with its baseline height from the bottom of the page in points. */
export interface TextRun {
  text: string
  y: number
}

/** The text of each page of a PDF (pages[0] is page 1), as runs and as one string; a print's joined document written first. */
export async function pdfPages(pdf: Uint8Array | PDFDocument): Promise<Array<{runs: TextRun[]; text: string}>> {
  const document = await getDocument({data: (await pdfBytes(pdf)).slice(), verbosity: 0}).promise
  try {
    const pages = []
    for (let number = 1; number <= document.numPages; number++) {
      const content = await (await document.getPage(number)).getTextContent()
      const runs = content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{text: item.str, y: item.transform[5] as number}] : []))
      pages.push({runs, text: runs.map((run) => run.text).join(' ').replace(/\s+/g, ' ')})
    }
    return pages
  } finally {
    await document.destroy()
  }
}

/** Page numbers (from 1) whose text contains `needle`. */
export function pagesWith(pages: Array<{text: string}>, needle: string): number[] {
  return pages.flatMap((page, index) => (page.text.includes(needle) ? [index + 1] : []))
}

/** An output folder made by makeRoot. */
export type PrintRoot = Awaited<ReturnType<typeof makeRoot>>

/** The browser and output folder of a test file: started before its tests (handed to `set`), closed and removed after them. */
export function withPrintFixture(set: (browser: Browser, fixture: PrintRoot) => void): void {
  let browser: Browser | undefined
  let fixture: PrintRoot | undefined
  beforeAll(async () => {
    ;[browser, fixture] = await Promise.all([startBrowser(), makeRoot()])
    set(browser, fixture)
  })
  afterAll(async () => {
    await browser?.close()
    await fixture?.remove()
  })
}

/**
 * `file` loaded in a new page with Paged.js (rapporteur's hooked build) and the handlers, not yet
 * laid out, for `run`; the page closed after. `around` can change the page before and after the
 * handlers go in (the tests' controls turn a fix off there).
 */
export async function inPagedPage<T>(browser: Browser, file: string, run: (page: Page) => Promise<T>, around: {before?: (page: Page) => Promise<unknown>; after?: (page: Page) => Promise<unknown>} = {}): Promise<T> {
  const page = await browser.newPage()
  try {
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    await page.evaluate(pagedSource('paged.js'))
    await around.before?.(page)
    await page.addScriptTag({content: pagedHandlersScript})
    await around.after?.(page)
    return await run(page)
  } finally {
    await page.close()
  }
}
