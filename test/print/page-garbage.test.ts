import type {Browser} from 'puppeteer-core'
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

// A DevTools session detached after the collection cleared the page's print media, and the next
// part of a long document was laid out for the screen.
test('a page laid out for print still is after its garbage is collected', async () => {
  const page = await browser.newPage()
  try {
    await page.setContent('<style>@media screen { p { display: none } }</style><p>shown in print</p>')
    await page.emulateMediaType('print')
    const forPrint = () => page.evaluate(() => matchMedia('print').matches && document.querySelector('p')!.getBoundingClientRect().height > 0)
    expect(await forPrint()).toBe(true)
    await page.evaluate('document.open(); document.close()')
    await page.setContent('<style>@media screen { p { display: none } }</style><p>shown in print</p>')
    await collectPageGarbage(page)
    expect(await forPrint()).toBe(true)
  } finally {
    await page.close()
  }
})
