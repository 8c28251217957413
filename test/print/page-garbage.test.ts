import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {collectPageGarbage} from '../../src/print/page-garbage.js'
import {startBrowser} from './helpers.js'

let browser: Browser
beforeAll(async () => {
  browser = await startBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const screenHidden = '<style>@media screen { p { display: none } }</style><p>shown in print</p>'

/** Lay a page out for print, drop its document, load another, collect its garbage: is it still laid out for print? */
async function forPrintAfterCollection(prepare: (page: Page) => void = () => {}): Promise<boolean> {
  const page = await browser.newPage()
  try {
    prepare(page)
    await page.setContent(screenHidden)
    await page.emulateMediaType('print')
    const forPrint = () => page.evaluate(() => matchMedia('print').matches && document.querySelector('p')!.getBoundingClientRect().height > 0)
    expect(await forPrint()).toBe(true)
    await page.evaluate('document.open(); document.close()')
    await page.setContent(screenHidden)
    await collectPageGarbage(page)
    return await forPrint()
  } finally {
    await page.close()
  }
}

// A DevTools session detached after the collection cleared the page's print media, and the next
// part of a long document was laid out for the screen.
test('a page laid out for print still is after its garbage is collected', async () => {
  expect(await forPrintAfterCollection()).toBe(true)
})

test('without puppeteer\'s own session of the page, the collection sets print media again', async () => {
  // A puppeteer without `_client` (it is not in its public types): a session of our own, detached.
  expect(await forPrintAfterCollection((page) => Object.defineProperty(page, '_client', {value: undefined}))).toBe(true)
})
