import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {Browser, Page} from 'puppeteer-core'
import {describe, expect, test} from 'vitest'
import {renderPdf} from '../../src/print/paginate.js'
import {paragraphs, pdfPages, printCss, withPrintFixture, type PrintRoot} from './helpers.js'

let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

/**
 * While Paged.js lays a part out, the build renders the next document, and every request the
 * print's allowlist pauses waits for it (lay-out-parts.ts, preloadScript). So the stylesheets
 * Paged.js reads and the fonts it loads are read before it starts, while the build waits.
 */
describe('what a part needs is read before Paged.js starts', () => {
  // As the default theme has them: the faces in a sheet of their own, the rules in others.
  const faces = printCss.split('\n').filter((line) => line.startsWith('@font-face')).join('\n')
  const rules = printCss.split('\n').filter((line) => !line.startsWith('@font-face')).join('\n')
  const body = `<section class="rp-chapter" id="a"><h1>PRELOADED</h1>${paragraphs(12)}<p><i>Italic</i> and <b>bold</b> words<span class="rp-footnote">A NOTE</span></p></section>`

  /** Print `file`; each request the page made, and whether Paged.js had been started when this process saw it. */
  const print = async (file: string) => {
    let started = false
    const requests: Array<{url: string; afterStart: boolean}> = []
    const open = async (): Promise<Page> => {
      const page = await browser.newPage()
      page.on('request', (request) => requests.push({url: request.url(), afterStart: started}))
      const evaluate = page.evaluate.bind(page) as (script: unknown, ...args: unknown[]) => Promise<unknown>
      ;(page as unknown as {evaluate: typeof evaluate}).evaluate = (script, ...args) => {
        if (typeof script === 'string' && script.includes('Paged.Previewer')) started = true
        return evaluate(script, ...args)
      }
      return page
    }
    const result = await renderPdf(browser, {htmlFile: file, root: fixture.root, timeoutMs: 20_000, newPage: open})
    return {requests, result, pages: await pdfPages(result.pdf)}
  }

  test('its stylesheets and fonts are requested before the layout, none after; the pages as Paged.js lays them out from its own reads', async () => {
    await writeFile(path.join(fixture.root, 'faces.css'), faces)
    await writeFile(path.join(fixture.root, 'rules.css'), rules)
    const file = path.join(fixture.root, 'preloaded.html')
    await writeFile(file, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="stylesheet" href="faces.css"><link rel="stylesheet" href="rules.css"></head><body class="rp-edition">${body}</body></html>`)
    const {requests, result, pages} = await print(file)
    expect(result.problems).toEqual([])
    // The faces the text uses were loaded (a font request each), all before Paged.js started.
    const fonts = requests.filter((request) => request.url.endsWith('.woff2'))
    expect(fonts.length).toBeGreaterThanOrEqual(3)
    expect(requests.filter((request) => request.afterStart)).toEqual([])
    // Paged.js took rules.css as read: its @page size and footnotes apply.
    expect(pages.length).toBeGreaterThan(1)
    expect(pages.some((page) => page.text.includes('A NOTE'))).toBe(true)
    expect(result.preflight.footnotes).toEqual([expect.objectContaining({notePage: expect.any(Number)})])
    expect(result.preflight.fonts).toContainEqual({family: 'Source Serif 4', status: 'loaded'})
  })

  test('a font file that is missing is still reported, with its address, and the text set in the faces that loaded', async () => {
    await writeFile(path.join(fixture.root, 'faces-missing.css'), `${faces}\n@font-face { font-family: "Source Serif 4"; font-weight: 700; font-style: italic; src: url(fonts/gone-700-italic.woff2) format("woff2"); }`)
    await writeFile(path.join(fixture.root, 'rules.css'), rules)
    const file = path.join(fixture.root, 'missing-font.html')
    await writeFile(file, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="stylesheet" href="faces-missing.css"><link rel="stylesheet" href="rules.css"></head><body class="rp-edition">${body}<p><b><i>Gras italique</i></b></p></body></html>`)
    const {result, pages} = await print(file)
    expect(result.problems).toEqual([expect.objectContaining({kind: 'request-failed', url: expect.stringMatching(/fonts\/gone-700-italic\.woff2$/u)})])
    expect(result.preflight.fonts).toContainEqual(expect.objectContaining({family: 'Source Serif 4', status: 'loaded'}))
    expect(pages.some((page) => page.text.includes('Gras italique'))).toBe(true)
  })

  test('a sheet that cannot be read is left to Paged.js, which leaves it out as before', async () => {
    const file = path.join(fixture.root, 'missing-sheet.html')
    await writeFile(file, `<!doctype html><html lang="fr"><head><meta charset="utf-8"><link rel="stylesheet" href="print.css"><link rel="stylesheet" href="gone.css"></head><body class="rp-edition">${body}</body></html>`)
    const {result, pages} = await print(file)
    expect(result.problems).toEqual([expect.objectContaining({kind: 'request-failed', url: expect.stringMatching(/gone\.css$/u)})])
    expect(pages.some((page) => page.text.includes('PRELOADED'))).toBe(true)
  })
})
