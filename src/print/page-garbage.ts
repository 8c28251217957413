import type {Page} from 'puppeteer-core'
import {ownSession} from './own-session.js'

/**
 * A full garbage collection in a browser page's renderer (CDP), where a print leaves hundreds of MB
 * behind that the renderer would otherwise keep while it does the next thing: in a page a lane
 * reuses for its next part, once the last part is read out and its document dropped, in a long
 * document (600,000 characters of print HTML or more: COLLECT_BETWEEN_PARTS_FROM,
 * lay-out-parts.ts); a lane's last page is closed, which gives its renderer's memory back without
 * a collection. (The page the parts were merged into had one before it was printed, until the
 * parts were printed one at a time: print-parts.ts.)
 *
 * Sent through puppeteer's own session of the page, not a session of our own: Chromium clears the
 * page's emulated media when any DevTools session detaches, so the next part of a long document
 * was laid out for the screen, not for print (PrintJob.openPage). Page breaks then depended on
 * which page a part was laid out in: a rebuild that laid out one part in a fresh page gave other
 * bytes than a build from scratch (bench/README.md, point 62). Where that session cannot be had,
 * print media is set again after the collection.
 */
export async function collectPageGarbage(page: Page): Promise<void> {
  const own = ownSession(page)
  if (own) {
    await own.send('HeapProfiler.collectGarbage')
    return
  }
  const session = await page.createCDPSession()
  try {
    await session.send('HeapProfiler.collectGarbage')
  } finally {
    await session.detach()
  }
  await page.emulateMediaType('print')
}
