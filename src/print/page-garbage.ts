import type {Page} from 'puppeteer-core'

/**
 * A full garbage collection in a browser page's renderer (CDP), where a print leaves hundreds of MB
 * behind that the renderer would otherwise keep while it does the next, larger thing:
 *
 * - in the page the parts were merged into, before it is checked and printed: the parts' markup
 *   handed to the merge and what Paged.js left behind. At 290 pages the renderer holds about 400 MB
 *   less through `page.pdf`, for about 1 s of collection (measured), so a document laid out in one
 *   part (under some 50 pages) skips it;
 * - in a page reused for the next part, once it has been emptied (blankPage): the last part's
 *   document. Without it the two pages laying out the last parts held 590–620 MB at 300 pages (PSS),
 *   the build's peak; with it the build's peak is the page printed, 395–410 MB (0.17–0.28 s a part,
 *   beside the other part's layout: the build took no longer).
 */
export async function collectPageGarbage(page: Page): Promise<void> {
  const session = await page.createCDPSession()
  try {
    await session.send('HeapProfiler.collectGarbage')
  } finally {
    await session.detach()
  }
}

/** Empty a page before it takes the next part: its document and what Paged.js made of it go (collectPageGarbage). */
export async function blankPage(page: Page, timeout: number): Promise<void> {
  await page.goto('about:blank', {timeout})
  await collectPageGarbage(page)
}
