/**
 * JavaScript run in a part's page about its stylesheets, before Paged.js takes them over
 * (../lay-out-parts.ts): which to leave out, which to leave as the page loaded them, and reading
 * them (and loading the fonts) ahead. Plain JavaScript source for `page.evaluate`, like parts.ts.
 */

/**
 * Run in the page: whether a stylesheet link gave the page no rules. Chromium gives a link whose file
 * could not be read a sheet whose rules cannot be read (a SecurityError), not none, where the
 * sheets it read are open to the page (the print's browser reads files from files); an empty file
 * gives no rules either, and leaving it out changes nothing.
 */
export const isEmptySheet = `const isEmptySheet = (link) => {
      if (!link.href || link.disabled) return false
      try { return !link.sheet || link.sheet.cssRules.length === 0 } catch { return true }
    }`

/**
 * Run in the page before Paged.js takes the stylesheets: one that holds only @font-face rules (the
 * theme's fonts.css) needs nothing from Paged.js, which would parse it, rewrite it and insert it
 * again (10–27 ms a part for the default theme's 16 faces, bench/README.md point 38); it stays as
 * the page loaded it. Its faces are the same, declared first as before.
 */
export const leaveFontSheets = `for (const link of document.querySelectorAll("link[rel='stylesheet']")) {
      let rules
      try { rules = link.sheet && link.sheet.cssRules } catch { continue }
      if (rules && rules.length > 0 && [...rules].every((rule) => rule instanceof CSSFontFaceRule)) link.setAttribute('data-pagedjs-ignore', '')
    }`

/** Where preloadScript leaves the stylesheets' text for runPagedJs, by URL. */
export const SHEET_TEXTS = 'rapporteurSheetTexts'

/**
 * Run in the page before Paged.js, while this process waits for the answer: read the text of the
 * stylesheets Paged.js is to take over (its own `{url: text}` form, which it parses as if it had
 * fetched them) and load the fonts the page declares. Paged.js would request both itself once it
 * runs, but this process then renders the next document, and every request the print's
 * allowlist pauses waits for this process to answer it (../watch-page.ts): in the sample's build the
 * full edition's fonts waited ~0.2 s while the synthesis was rendered (bench/README.md, point 48).
 * Paged.js then loads no font (it loads the faces not loaded yet, all of them otherwise); a sheet
 * that cannot be read here is left to Paged.js, which fails on it as before.
 */
export function preloadScript(rootUrl: string): string {
  return `(async (rootUrl) => {
    ${isEmptySheet}
    ${leaveFontSheets}
    // The sheets Paged.js's removeStyles will hand over: not the font-only ones, now marked to be left.
    const links = [...document.querySelectorAll("link[rel='stylesheet']:not([data-pagedjs-ignore], [media~='screen'])")]
      .filter((link) => link.href.startsWith(rootUrl) && !isEmptySheet(link))
    const read = (url) => new Promise((resolve) => {
      const request = new XMLHttpRequest()
      request.open('GET', url)
      request.onload = () => resolve(request.status === 0 || request.status === 200 ? request.responseText : undefined)
      request.onerror = () => resolve(undefined)
      request.send()
    })
    const texts = {}
    const fonts = [...document.fonts].filter((face) => face.status !== 'loaded').map((face) => face.load().catch(() => {}))
    await Promise.all(links.map(async (link) => {
      const text = await read(link.href)
      if (typeof text === 'string') texts[link.href] = text
    }))
    window.${SHEET_TEXTS} = texts
    await Promise.all(fonts)
  })(${JSON.stringify(rootUrl)})`
}
