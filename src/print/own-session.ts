import type {CDPSession, Page} from 'puppeteer-core'

/**
 * puppeteer's own DevTools session of a page (`_client`, not in its public types), or undefined
 * where a puppeteer version has none. Used instead of a session of our own for two reasons:
 * interception turned on in it covers the page's own requests, where a session of our own would
 * intercept for itself only (part-shell.ts); and it is never detached, where detaching any session
 * clears the page's emulated media, and so its print media (page-garbage.ts).
 */
export function ownSession(page: Page): CDPSession | undefined {
  return (page as unknown as {_client?: () => CDPSession})._client?.()
}
