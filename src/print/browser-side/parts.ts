import {PAGE_REFERENCES, pagedHandlersScript} from './handlers.js'

/**
 * JavaScript run in the page to lay out a document in parts (see ../split-parts.ts): what a part's
 * page hands back once Paged.js is done with it, and how the first part's page takes in the pages
 * of the others. Plain JavaScript source for `page.evaluate`, like handlers.ts.
 */

/**
 * The side the part's first chapter asks to start on, read before Paged.js takes the stylesheets
 * over: `right`, `left`, `any` (a page break), or `none` when the theme does not break the page
 * before chapters, so that the document cannot be cut there.
 */
export const partSideScript = String.raw`(() => {
  const first = document.querySelector('.rp-chapter')
  const side = first ? getComputedStyle(first).breakBefore : 'auto'
  if (side === 'right' || side === 'recto') return 'right'
  if (side === 'left' || side === 'verso') return 'left'
  return side === 'page' ? 'any' : 'none'
})()`

/**
 * `places(area)`: for each element with an id in the laid-out pages under `area`, where it lands
 * as `[page, x, y]`: its page among the part's pages (from 0) and its box's top left corner in PDF
 * units (1/72 in) from the page's bottom left, where a link's destination points; an element whose
 * first fragment is empty (a section whose heading broke to the next page) lands where its first
 * fragment with content is, as handlers.ts's page references count it.
 * `pageRefIds(area)`: the ids whose page the part shows, its links in PAGE_REFERENCES point at.
 */
/** `idOfHref(href)`: the id a `#…` link points at, its percent-encoding undone (as written when that is not well formed). */
export const idOfHrefSource = String.raw`
  const idOfHref = (href) => {
    try {
      return decodeURIComponent(href.slice(1))
    } catch {
      return href.slice(1)
    }
  }
`

export const placesFunctions = idOfHrefSource + String.raw`
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
  const pageRefIds = (area) => [...new Set([...area.querySelectorAll(${JSON.stringify(PAGE_REFERENCES)})].map((link) => idOfHref(link.getAttribute('href'))).filter(Boolean))]
`

/**
 * A laid-out part: its pages' markup without the blank page a left-hand start put first (see
 * handlers.ts), and the rules Paged.js added to its stylesheet while laying it out (counters,
 * target text), which the merged document needs too.
 */
export const partResultScript = String.raw`(async () => {
  const area = document.querySelector('.pagedjs_pages')
  if (document.documentElement.dataset.rpStart === 'left') {
    const first = area.querySelector(':scope > .pagedjs_page')
    if (first && first.classList.contains('pagedjs_blank_page')) first.remove()
  }
  // Paged.js writes running-head strings (string-set) as custom properties holding an unclosed
  // CSS string: harmless where it stands, but written out and parsed again in the merged document
  // the string runs on over the next declarations. Close them.
  for (const page of area.querySelectorAll(':scope > .pagedjs_page')) {
    for (const name of [...page.style]) {
      if (!name.startsWith('--pagedjs-string-')) continue
      const value = page.style.getPropertyValue(name)
      if (value.startsWith('"') && (value.length === 1 || !/[^\\]"$/.test(value))) page.style.setProperty(name, value + '"')
    }
  }
  const rules = []
  for (const style of document.querySelectorAll('head style')) {
    try {
      for (const rule of style.sheet.cssRules) rules.push(rule.cssText)
    } catch {}
  }
  const pageCount = area.querySelectorAll(':scope > .pagedjs_page').length
  ${placesFunctions}
  return {pageCount, places: places(area), pageRefs: pageRefIds(area), packed: await window.rapporteurPack({pages: area.innerHTML, rules})}
})()`

/**
 * A part's pages and rules travel from its page to the first part's through this process, as the
 * DevTools protocol's JSON, which costs Chromium ~0.2 ms a kilobyte of HTML each way (a 100-page
 * report's second part, 0.29 M characters: 40–47 ms read out, 57–81 ms sent in). Packed (gzip by the
 * page's CompressionStream, then base64), they are a sixth of that size and go through as one
 * plain string: 31–34 ms out and 23–35 ms in, unpacking included (bench/README.md, point 36).
 * `rapporteurPack` is installed in every part's page (installPackScript), `rapporteurUnpack` in the first.
 */
export const installPackScript = String.raw`(() => {
  window.rapporteurPack = async (value) => {
    const stream = new Blob([JSON.stringify(value)]).stream().pipeThrough(new CompressionStream('gzip'))
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer())
    let binary = ''
    for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(at, at + 0x8000))
    return btoa(binary)
  }
  window.rapporteurUnpack = async (packed) => {
    const binary = atob(packed)
    const bytes = new Uint8Array(binary.length)
    for (let at = 0; at < binary.length; at++) bytes[at] = binary.charCodeAt(at)
    return JSON.parse(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).text())
  }
})();`

/** What every part's page runs besides Paged.js: the handlers, and the packing of its pages for the merge (loaded with the part, or ahead in the shell: ../part-shell.ts). */
export const partPageScript = pagedHandlersScript + installPackScript

/** A laid-out part as it leaves its page: its page count, and its pages and rules packed (installPackScript). */
export interface LaidOutPart {
  pageCount: number
  /** Where each element with an id lands: its page in the part (from 0), x and y in PDF units (part-print.ts). */
  places: Record<string, [number, number, number]>
  /** The ids whose page it shows: its table of contents' and cross-references' targets (PAGE_REFERENCES in handlers.ts). */
  pageRefs: string[]
  packed: string
}

/**
 * Installs `window.rapporteurMerge` in the first part's page: `append(part, blankBefore)` adds
 * another part's pages after the pages there (a call per part, so that the page never holds every
 * part's markup at once), `finish()` makes the whole one document and returns its page count: page
 * numbers, ids and left/right classes from the merged order, a blank page where a part must start
 * on the other side, elements that a part continues (the `main` around its chapters) marked as
 * continued rather than repeated with their id, and the page numbers of the table of contents and
 * cross-references resolved again.
 */
/**
 * What the merge and the print part by part (part-print.ts) both do in the first part's page,
 * given its pages' container `area`: `blankPage()`, a blank page like the ones Paged.js makes (the
 * page frame without content or margin boxes), cut from the first page there; and
 * `unpackPart(laidOut)`, another part's pages as a fragment, the elements an earlier part started
 * marked as continued (as Paged.js marks a split element, without their repeated id), and the
 * rules Paged.js added while laying it out added to the page's, except those keyed to a page
 * number, which belong to the part's own numbering.
 */
export const partsInPageSource = String.raw`
  const seen = new Set()
  const remember = (root) => {
    for (const element of root.querySelectorAll('[data-ref]:not([data-split-from])')) seen.add(element.dataset.ref)
  }
  remember(area)
  const known = new Set()
  const sheets = [...document.querySelectorAll('head style')].map((style) => style.sheet).filter(Boolean)
  for (const sheet of sheets) for (const rule of sheet.cssRules) known.add(rule.cssText)
  const dynamic = sheets[sheets.length - 1]

  const blankPage = () => {
    const page = area.querySelector(':scope > .pagedjs_page').cloneNode(true)
    for (const content of page.querySelectorAll('.pagedjs_page_content, .pagedjs_footnote_inner_content, .pagedjs_margin-content')) content.replaceChildren()
    for (const box of page.querySelectorAll('.pagedjs_margin')) box.classList.remove('hasContent')
    page.querySelector('.pagedjs_footnote_content')?.classList.add('pagedjs_footnote_empty')
    page.querySelector('.pagedjs_area')?.style.setProperty('--pagedjs-footnotes-height', '0px')
    page.className = 'pagedjs_page pagedjs_blank_page'
    page.removeAttribute('style')
    return page
  }

  const unpackPart = async (laidOut) => {
    const part = await window.rapporteurUnpack(laidOut.packed)
    const template = document.createElement('template')
    template.innerHTML = part.pages
    for (const element of template.content.querySelectorAll('[data-ref]:not([data-split-from])')) {
      if (!seen.has(element.dataset.ref)) continue
      element.dataset.splitFrom = element.dataset.ref
      element.removeAttribute('id')
    }
    remember(template.content)
    for (const rule of part.rules) {
      if (known.has(rule) || rule.includes('data-page-number')) continue
      known.add(rule)
      try { dynamic.insertRule(rule, dynamic.cssRules.length) } catch {}
    }
    return template.content
  }
`

export const installMergeScript = String.raw`(() => {
  const area = document.querySelector('.pagedjs_pages')
  ${partsInPageSource}

  const append = async (laidOut, blankBefore) => {
    const pages = await unpackPart(laidOut)
    if (blankBefore) area.append(blankPage())
    area.append(pages)
  }

  const finish = () => {
    const pages = area.querySelectorAll(':scope > .pagedjs_page')
    pages.forEach((page, index) => {
      const number = index + 1
      page.dataset.pageNumber = String(number)
      page.id = 'page-' + number
      page.classList.toggle('pagedjs_first_page', index === 0)
      page.classList.toggle('pagedjs_right_page', number % 2 === 1)
      page.classList.toggle('pagedjs_left_page', number % 2 === 0)
    })
    area.style.setProperty('--pagedjs-page-count', String(pages.length))
    window.rapporteurResolvePageNumbers()
    return pages.length
  }

  window.rapporteurMerge = {append, finish}
})()`
