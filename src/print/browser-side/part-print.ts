import {idOfHrefSource, partsInPageSource, placesFunctions} from './parts.js'

/**
 * JavaScript run in the page to print a document part by part (../print-parts.ts): where each
 * element with an id lands, read once a part is laid out, and the first part's page showing each
 * part in turn, numbered and with its page references resolved as in the whole document. Plain
 * JavaScript source for `page.evaluate`, like handlers.ts.
 */

/** The places and linked ids of the document in the page (the first part's, laid out in its own page). */
export const partPlacesScript = String.raw`(() => {
  ${placesFunctions}
  const area = document.querySelector('.pagedjs_pages')
  return {places: places(area), pageRefs: pageRefIds(area)}
})()`

/**
 * Whether any of a page's CSS rules shows the document's page count: `counter(pages)` (which
 * Paged.js resets from `--pagedjs-page-count`, as `number` below sets it), `target-counter(…,
 * pages)` at a target, or any other
 * use of that property (a size computed from it) but the reset itself. Where none does, a part
 * prints the same in a longer document (its print key leaves the page count out: ../print-parts.ts).
 * Run in the page too (its source), so it uses nothing from outside.
 */
export function rulesShowPageCount(rules: readonly string[]): boolean {
  return rules.some((rule) => /\bcounters?\(\s*pages\s*[,)]/u.test(rule) || /target-counters?\([^;}]*\bpages\b/u.test(rule) || /var\(\s*--pagedjs-page-count\s*[,)]/u.test(rule.replace(/counter-reset\s*:[^;}]*/gu, '')))
}

/**
 * Installs `window.rapporteurPartPrint` in the first part's page, once it is laid out:
 * `show(part, blankBefore)` puts another part's pages in place of those there (with a blank page
 * first where it must start on the other side, its rules added to the page's, and the elements an
 * earlier part started marked as continued, as the merge does: parts.ts),
 * `number(first, total, more)` numbers them from `first` in a document of `total` pages (`more`:
 * other parts follow), and `resolve(elsewhere)` fills in the table of contents and
 * cross-references, with `elsewhere` the page of every id of the document, and writes each link
 * to an id this part does not hold as a cross-part link (CROSS_PART_LINK in ../join-pdfs.ts),
 * which Chromium prints as an annotation for the join to point home.
 */
export function installPartPrintScript(crossPartLink: string): string {
  return String.raw`(() => {
  const area = document.querySelector('.pagedjs_pages')
  ${partsInPageSource}
  ${idOfHrefSource}
  // Cut from the first part's first page before it goes.
  const blank = blankPage()

  // What of the first part's page stays while another part is shown in it, and so may change how
  // that part prints (a key of its stored print, ../print-parts.ts): the page's rules (the
  // stylesheets as Paged.js left them, with those it added laying the first part out), the blank
  // page, and all around the pages' container (its ancestors' attributes, their other children:
  // the head). Not the first part's pages, which go, nor what does not print: the template of its
  // source that Paged.js keeps, and scripts (in the head of a part loaded by its URL, not of one
  // written into a page that had loaded them: part-shell.ts). Paged.js names what it adds with random UUIDs, new in every
  // layout and only ever matched by the part laid out with them: written as one word, so that the
  // same page gives the same state. An edit in the first part's text leaves the other parts'
  // prints stored unless it changes something here (a table-of-contents entry moving to another
  // page of that part changes Paged.js's rules, and every part is printed again).
  const hostState = () => {
    const attributes = (element) => [...element.attributes].map((attribute) => [attribute.name, attribute.value])
    const printed = (element) => !['script', 'template'].includes(element.localName)
    const markup = (element) => {
      const copy = element.cloneNode(true)
      for (const unprinted of copy.querySelectorAll('script, template')) unprinted.remove()
      return copy.outerHTML
    }
    const around = []
    for (let at = area; at; at = at.parentElement) {
      const others = at.parentElement ? [...at.parentElement.children].filter((child) => child !== at && printed(child)).map(markup) : []
      around.push([at.localName, attributes(at), others])
    }
    return JSON.stringify([[...known], blank.outerHTML, around]).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, 'uuid')
  }

  const show = async (laidOut, blankBefore) => {
    const pages = await unpackPart(laidOut)
    area.replaceChildren()
    if (blankBefore) area.append(blank.cloneNode(true))
    area.append(pages)
  }

  const number = (first, total, more) => {
    const pages = area.querySelectorAll(':scope > .pagedjs_page')
    pages.forEach((page, index) => {
      const number = first + index
      page.dataset.pageNumber = String(number)
      page.id = 'page-' + number
      page.classList.toggle('pagedjs_first_page', number === 1)
      page.classList.toggle('pagedjs_right_page', number % 2 === 1)
      page.classList.toggle('pagedjs_left_page', number % 2 === 0)
    })
    area.style.setProperty('--pagedjs-page-count', String(total))
    // The page counter (folios, \`counter(page)\`) counts from the container's reset, which Paged.js
    // writes with the document's other counters: the same reset, the page counter at \`first - 1\`.
    area.style.removeProperty('counter-reset')
    const reset = getComputedStyle(area).counterReset
    const others = reset === 'none' ? '' : (' ' + reset + ' ').replace(/ page -?\d+ /, ' ').trim()
    area.style.setProperty('counter-reset', (others + ' page ' + (first - 1)).trim())
    if (more) document.documentElement.dataset.rpMorePages = ''
    else delete document.documentElement.dataset.rpMorePages
    return pages.length
  }

  const resolve = (elsewhere) => {
    window.rapporteurResolvePageNumbers(elsewhere)
    for (const link of area.querySelectorAll('a[href^="#"]')) {
      const id = idOfHref(link.getAttribute('href'))
      if (Object.hasOwn(elsewhere, id) && !document.getElementById(id)) link.setAttribute('href', ${JSON.stringify(crossPartLink)} + encodeURIComponent(id))
    }
  }

  // How many times each image file shows in this part, for the preflight's count over the document.
  const imageCounts = () => {
    const counts = {}
    for (const image of area.querySelectorAll('img')) {
      const src = image.getAttribute('src') || ''
      counts[src] = (counts[src] || 0) + 1
    }
    return counts
  }

  const showsPageCount = (${rulesShowPageCount.toString()})([...known])

  window.rapporteurPartPrint = {show, number, resolve, imageCounts}
  // Read now, before another part is shown.
  return {state: hostState(), showsPageCount}
})()`
}
