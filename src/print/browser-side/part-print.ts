/**
 * JavaScript run in the page to print a document part by part (../print-parts.ts): where each
 * element with an id lands, read once a part is laid out, and the first part's page showing each
 * part in turn, numbered and with its page references resolved as in the whole document. Plain
 * JavaScript source for `page.evaluate`, like handlers.ts.
 */

/**
 * `places(area)`: for each element with an id in the laid-out pages under `area`, where it lands
 * as `[page, x, y]`: its page among the part's pages (from 0) and its box's top left corner in PDF
 * units (1/72 in) from the page's bottom left, where a link's destination points; an element whose
 * first fragment is empty (a section whose heading broke to the next page) lands where its first
 * fragment with content is, as handlers.ts's page references count it.
 * `linkedIds(area)`: the ids the part's internal links point at.
 */
const placesSource = String.raw`
  const hasContent = (element) => Boolean(element.textContent.trim() || element.querySelector('img, svg'))
  const places = (area) => {
    const pages = [...area.querySelectorAll(':scope > .pagedjs_page')]
    const indexOf = new Map(pages.map((page, index) => [page, index]))
    const fragments = new Map()
    for (const fragment of area.querySelectorAll('[data-split-from]')) {
      const ref = fragment.dataset.splitFrom
      if (!fragments.has(ref)) fragments.set(ref, [])
      fragments.get(ref).push(fragment)
    }
    const found = {}
    for (const element of area.querySelectorAll('.pagedjs_page_content [id], .pagedjs_footnote_area [id]')) {
      let landing = element
      if (!hasContent(element)) landing = (fragments.get(element.dataset.ref) || []).find(hasContent) || element
      const page = landing.closest('.pagedjs_page')
      if (!page || !indexOf.has(page)) continue
      const sheet = page.getBoundingClientRect()
      const box = landing.getBoundingClientRect()
      const x = Math.round((box.left - sheet.left) * 0.75 * 100) / 100
      const y = Math.round((sheet.height - (box.top - sheet.top)) * 0.75 * 100) / 100
      found[element.id] = [indexOf.get(page), x, y]
    }
    return found
  }
  const linkedIds = (area) => [...new Set([...area.querySelectorAll('a[href^="#"]')].map((link) => decodeURIComponent(link.getAttribute('href').slice(1))).filter(Boolean))]
`

/** The places and linked ids of the document in the page (the first part's, laid out in its own page). */
export const partPlacesScript = String.raw`(() => {
  ${placesSource}
  const area = document.querySelector('.pagedjs_pages')
  return {places: places(area), links: linkedIds(area)}
})()`

/** For partResultScript (parts.ts): the same functions, to read a part before it is packed. */
export const placesFunctions = placesSource

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
  const seen = new Set()
  const remember = (root) => {
    for (const element of root.querySelectorAll('[data-ref]:not([data-split-from])')) seen.add(element.dataset.ref)
  }
  remember(area)
  const known = new Set()
  const sheets = [...document.querySelectorAll('head style')].map((style) => style.sheet).filter(Boolean)
  for (const sheet of sheets) for (const rule of sheet.cssRules) known.add(rule.cssText)
  const dynamic = sheets[sheets.length - 1]
  // A blank page like the ones Paged.js makes, cut from the first part's first page before it goes.
  const blank = area.querySelector(':scope > .pagedjs_page').cloneNode(true)
  for (const content of blank.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_inner_content, .pagedjs_margin-content')) content.replaceChildren()
  for (const box of blank.querySelectorAll('.pagedjs_margin')) box.classList.remove('hasContent')
  blank.querySelector('.pagedjs_footnote_content')?.classList.add('pagedjs_footnote_empty')
  blank.querySelector('.pagedjs_area')?.style.setProperty('--pagedjs-footnotes-height', '0px')
  blank.className = 'pagedjs_page pagedjs_blank_page'
  blank.removeAttribute('style')

  const show = async (laidOut, blankBefore) => {
    const part = await window.rapporteurUnpack(laidOut.packed)
    const template = document.createElement('template')
    template.innerHTML = part.pages
    for (const element of template.content.querySelectorAll('[data-ref]:not([data-split-from])')) {
      if (!seen.has(element.dataset.ref)) continue
      element.dataset.splitFrom = element.dataset.ref
      element.removeAttribute('id')
    }
    remember(template.content)
    area.replaceChildren()
    if (blankBefore) area.append(blank.cloneNode(true))
    area.append(template.content)
    for (const rule of part.rules) {
      if (known.has(rule) || rule.includes('data-page-number')) continue
      known.add(rule)
      try { dynamic.insertRule(rule, dynamic.cssRules.length) } catch {}
    }
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
      const id = decodeURIComponent(link.getAttribute('href').slice(1))
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

  window.rapporteurPartPrint = {show, number, resolve, imageCounts}
})()`
}
