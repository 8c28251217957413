import {pathToFileURL} from 'node:url'
import type {Browser} from 'puppeteer-core'
import {expect, test} from 'vitest'
import {blankPage} from '../../src/print/page-garbage.js'
import {paragraphs, withPrintFixture, type PrintRoot} from './helpers.js'

let browser: Browser
let fixture: PrintRoot
withPrintFixture((started, root) => ([browser, fixture] = [started, root]))

/** The renderer's JavaScript heap in use, in bytes (Chromium's own count). */
const heapUsed = async (page: import('puppeteer-core').Page) => (await page.metrics()).JSHeapUsedSize ?? 0

test('a page emptied for the next part gives back what its last document held', async () => {
  // A part's document, and the garbage a layout leaves: a few hundred thousand objects held by the page.
  const file = await fixture.page('part.html', paragraphs(200))
  const page = await browser.newPage()
  try {
    await page.goto(pathToFileURL(file).href)
    await page.evaluate(() => {
      const held = Array.from({length: 300_000}, (_, index) => ({index, text: `node ${index}`}))
      ;(window as unknown as {held: unknown}).held = held
    })
    const before = await heapUsed(page)
    await blankPage(page, 10_000)
    const after = await heapUsed(page)
    expect(page.url()).toBe('about:blank')
    expect(before).toBeGreaterThan(10_000_000)
    expect(after).toBeLessThan(before / 4)
  } finally {
    await page.close()
  }
})
