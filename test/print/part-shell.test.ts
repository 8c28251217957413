import {existsSync} from 'node:fs'
import {mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {describe, expect, test} from 'vitest'
import {renderPdf} from '../../src/print/paginate.js'
import {partSideScript} from '../../src/print/browser-side/parts.js'
import {loadPartShell, removePartShell, writePartScript, writePartShell} from '../../src/print/part-shell.js'
import {paragraphs, pdfPages, withPrintFixture, type PrintRoot} from './helpers.js'

let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

describe('the shell files', () => {
  test('written into a folder made for them, removed with it', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'rapporteur-shell-'))
    try {
      const folder = path.join(base, 'dist', '.print')
      const shell = await writePartShell(folder)
      expect((await readdir(folder)).sort()).toEqual([`part-shell-${process.pid}.html`, `part-shell-${process.pid}.paged.js`])
      expect(shell.made).toEqual([folder, path.join(base, 'dist')])
      await removePartShell(shell)
      expect(await readdir(base)).toEqual([])
    } finally {
      await rm(base, {recursive: true, force: true})
    }
  })

  test('a folder that holds anything else is kept, with it', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'rapporteur-shell-'))
    try {
      const folder = path.join(base, '.print')
      const shell = await writePartShell(folder)
      await writeFile(path.join(folder, 'rapport.html'), '<p>kept</p>')
      await removePartShell(shell)
      expect(await readdir(folder)).toEqual(['rapport.html'])
      // A folder that was there before is not the shell's to remove.
      const again = await writePartShell(folder)
      expect(again.made).toEqual([])
      await removePartShell(again)
      expect(existsSync(folder)).toBe(true)
    } finally {
      await rm(base, {recursive: true, force: true})
    }
  })
})

describe('a page that loaded the shell', () => {
  const body = `<section class="rp-chapter" id="a"><h1>SHELLED</h1>${paragraphs(14)}<p>Note call<span class="rp-footnote">A NOTE</span></p></section>`

  /** Print `file` in one page that `prepare` readies first; the requests that page made, and the PDF's pages. */
  const printIn = async (file: string, prepare: (page: Page) => Promise<unknown>) => {
    const page = await browser.newPage()
    await prepare(page)
    const requested: string[] = []
    page.on('request', (request) => requested.push(request.url()))
    const result = await renderPdf(browser, {htmlFile: file, root: fixture.root, timeoutMs: 20_000, newPage: async () => page})
    return {requested, result, pages: await pdfPages(result.pdf)}
  }

  test('lays its part out without loading Paged.js again, into the same pages', async () => {
    const file = await fixture.page('shelled.html', body)
    const shell = await writePartShell(fixture.root)
    try {
      const fresh = await printIn(file, async () => {})
      const shelled = await printIn(file, async (page) => expect(await loadPartShell(page, shell, 10_000)).toBe(true))
      expect(shelled.pages.map((page) => page.text)).toEqual(fresh.pages.map((page) => page.text))
      expect(shelled.pages.length).toBeGreaterThan(1)
      expect(shelled.result.problems).toEqual([])
      // The part was read into the shell; Paged.js was not loaded a second time.
      expect(shelled.requested.some((url) => url.endsWith('/shelled.part-1.html'))).toBe(true)
      expect(shelled.requested.filter((url) => url.endsWith('.paged.js'))).toEqual([])
      expect(fresh.requested.filter((url) => url.endsWith('.paged.js'))).toHaveLength(1)
    } finally {
      await removePartShell(shell)
    }
  })

  test('keeps to the print\'s allowlist: a file outside the output folder is blocked and reported', async () => {
    // Chromium shows the DevTools protocol a document's file requests only if it was loaded with interception on.
    const outside = path.join(path.dirname(fixture.root), `outside-${path.basename(fixture.root)}.png`)
    await writeFile(outside, 'not an image')
    const file = await fixture.page('fenced.html', `${body}<img src="${pathToFileURL(outside).href}" alt="">`)
    const shell = await writePartShell(fixture.root)
    try {
      const {result} = await printIn(file, async (page) => expect(await loadPartShell(page, shell, 10_000)).toBe(true))
      expect(result.problems).toEqual([expect.objectContaining({kind: 'blocked-request', url: pathToFileURL(outside).href})])
    } finally {
      await removePartShell(shell)
      await rm(outside, {force: true})
    }
  })

  test('in another folder than the part, is not used: the part loads the usual way', async () => {
    const file = await fixture.page('elsewhere.html', body)
    const shell = await writePartShell(path.join(fixture.root, 'sub'))
    try {
      // Its relative URLs would resolve elsewhere: the page goes to the part instead.
      const {requested, result, pages} = await printIn(file, async (page) => expect(await loadPartShell(page, shell, 10_000)).toBe(true))
      expect(requested.filter((url) => url.endsWith('.paged.js'))).toHaveLength(1)
      expect(pages[0]!.text).toContain('SHELLED')
      expect(pages.some((page) => page.text.includes('A NOTE'))).toBe(true)
      expect(result.problems).toEqual([])
    } finally {
      await removePartShell(shell)
    }
  })

  test('holds a part written into it only once its stylesheets apply: the side its chapter starts on is read right after', async () => {
    // A long stylesheet takes a while to parse: the document read `complete` before it applied, a
    // part's chapter had no `break-before`, and the build laid the whole document out in one part.
    const rules = Array.from({length: 80_000}, (_, index) => `.x${index} p span{margin:${index % 7}px}`).join('\n')
    await writeFile(path.join(fixture.root, 'long.css'), `${rules}\n.rp-chapter{break-before:right}`)
    await writeFile(path.join(fixture.root, 'styled.html'), `<!doctype html><html><head><link rel="stylesheet" href="long.css"></head><body><section class="rp-chapter"><h1>A</h1></section></body></html>`)
    const shell = await writePartShell(fixture.root)
    try {
      for (let round = 0; round < 4; round++) {
        const page = await browser.newPage()
        try {
          expect(await loadPartShell(page, shell, 10_000)).toBe(true)
          expect(await page.evaluate(writePartScript(pathToFileURL(path.join(fixture.root, 'styled.html')).href))).toBe(true)
          expect(await page.evaluate(partSideScript)).toBe('right')
        } finally {
          await page.close()
        }
      }
    } finally {
      await removePartShell(shell)
    }
  })

  test('does not wait for a stylesheet the browser never fetches: disabled, without an address, of another type, or missing', async () => {
    const links = ['<link rel="stylesheet" href="print.css" disabled>', '<link rel="stylesheet">', '<link rel="stylesheet" href=" ">', '<link rel="stylesheet" href="print.css" type="text/plain">', '<link rel="stylesheet" href="gone.css">']
    await writeFile(path.join(fixture.root, 'unfetched.html'), `<!doctype html><html><head>${links.join('')}<link rel="stylesheet" href="print.css"></head><body><p>x</p></body></html>`)
    const shell = await writePartShell(fixture.root)
    const page = await browser.newPage()
    try {
      expect(await loadPartShell(page, shell, 10_000)).toBe(true)
      const written = page.evaluate(writePartScript(pathToFileURL(path.join(fixture.root, 'unfetched.html')).href))
      expect(await Promise.race([written, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000))])).toBe(true)
    } finally {
      await page.close()
      await removePartShell(shell)
    }
  })

  test('that could not load it says so', async () => {
    const page = await browser.newPage()
    try {
      const missing = {url: pathToFileURL(path.join(fixture.root, 'none', 'part-shell-0.html')).href, files: [], made: []}
      expect(await loadPartShell(page, missing, 5_000)).toBe(false)
    } finally {
      await page.close()
    }
  })
})
