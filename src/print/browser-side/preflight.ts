/**
 * Reads the paginated document in the page and returns a PreflightReport (../preflight.ts), as
 * plain JavaScript source for `page.evaluate`. Only reads the layout: nothing here may change it.
 */
export const preflightScript = String.raw`(() => {
  const pages = [...document.querySelectorAll('.pagedjs_page')]
  const pageOf = (element) => {
    const page = element && element.closest('.pagedjs_page')
    return page ? Number(page.dataset.pageNumber) : null
  }
  const idOf = (element) => element.id || element.dataset.id || undefined
  const describe = (element) => {
    const chapter = element.closest('section.rp-chapter')
    const lined = element.closest('[data-line]')
    return {
      id: idOf(element),
      text: element.textContent.replace(/\s+/g, ' ').trim().slice(0, 60),
      chapter: chapter ? idOf(chapter) : undefined,
      line: lined ? Number(lined.dataset.line) : undefined,
      page: pageOf(element)
    }
  }
  const selectorOf = (element) =>
    element.localName + (element.id ? '#' + element.id : '') + [...element.classList].map((name) => '.' + name).join('')

  // A part printed on its own has its links to other parts written as \`rapporteur-part:#id\` (print-parts.ts).
  const tocEntries = [...document.querySelectorAll('nav.rp-toc a.rp-toc__link[href^="#"], nav.rp-toc a.rp-toc__link[href^="rapporteur-part:#"]')].map((link) => {
    const page = link.querySelector('.rp-toc__page')
    const href = link.getAttribute('href')
    return {href: href.startsWith('#') ? href : '#' + decodeURIComponent(href.slice(href.indexOf('#') + 1)), page: page && /^\d+$/.test(page.textContent) ? Number(page.textContent) : null}
  })

  // A cross-reference whose page was never found prints no page rather than the placeholder.
  for (const words of document.querySelectorAll('.pagedjs_pages a.rp-ref:not([data-page]) .rp-ref__page')) words.remove()

  const unresolved = new Set()
  for (const link of document.querySelectorAll('.pagedjs_pages a[href^="#"]')) {
    const href = link.getAttribute('href')
    if (href.length > 1 && !document.getElementById(decodeURIComponent(href.slice(1)))) unresolved.add(href)
  }

  // Elements sticking out of the content area, by their box or by their own text (a long URL
  // overflows its paragraph without making the paragraph wider). The innermost ones are reported,
  // the table row or the paragraph rather than the chapter around it, with the Markdown line
  // (data-line) of the nearest element that has one; content running off the foot of a page is
  // reported once, at its first element.
  const overflows = []
  // The n-th time a file is shown, counted over every image (the Markdown's n-th use of it).
  const shownBefore = new Map()
  const nthImage = new Map()
  for (const image of document.querySelectorAll('.pagedjs_pages img')) {
    const src = image.getAttribute('src') || ''
    const nth = shownBefore.get(src) || 0
    shownBefore.set(src, nth + 1)
    nthImage.set(image, nth)
  }
  // An image, or the figure or paragraph holding one and nothing else to read, is named by its file
  // and description: its text alone would say nothing (an empty caption-less figure).
  const imageOf = (unit) => {
    const image = unit.localName === 'img' ? unit : unit.querySelector('img')
    if (!image || (unit !== image && unit.localName !== 'figure' && unit.textContent.trim())) return undefined
    return {src: image.getAttribute('src') || '', nth: nthImage.get(image) || 0, alt: image.getAttribute('alt') || ''}
  }
  const blocks = 'table, p, li, dt, dd, pre, blockquote, h1, h2, h3, h4, h5, h6, figure, aside'
  for (const page of pages) {
    const area = page.querySelector('.pagedjs_page_content')
    if (!area) continue
    const bounds = area.getBoundingClientRect()
    const sideways = (box) => box.right > bounds.right + 1 || box.left < bounds.left - 1
    const outside = (box) => box.width + box.height > 0 && (sideways(box) || box.bottom > bounds.bottom + 1)
    const found = []
    // Content elements only (they carry data-ref); Paged.js's own wrapper is wider than the page.
    for (const element of area.querySelectorAll('[data-ref]')) {
      // Text kept for screen readers only (KaTeX's MathML) is clipped to nothing: it shows nowhere.
      if (element.closest('.katex-mathml')) continue
      const box = element.getBoundingClientRect()
      if (outside(box)) {
        found.push({element, sideways: sideways(box)})
        continue
      }
      if (element.scrollWidth <= element.clientWidth + 1) continue
      // Its own text, not a child element's: the child is reported itself.
      const byText = [...element.childNodes].some((node) => {
        if (node.nodeType !== Node.TEXT_NODE || !node.data.trim()) return false
        const range = document.createRange()
        range.selectNodeContents(node)
        return outside(range.getBoundingClientRect())
      })
      if (byText) found.push({element, sideways: true})
    }
    let footReported = false
    const units = new Set()
    for (const {element, sideways: isSideways} of found) {
      if (found.some((other) => other.element !== element && element.contains(other.element))) continue
      // A link or a cell is reported as the paragraph or table it is in.
      const unit = element.closest(blocks) || element
      if (units.has(unit)) continue
      if (!isSideways) {
        if (footReported) continue
        footReported = true
      }
      units.add(unit)
      const image = imageOf(unit)
      overflows.push({...describe(unit), selector: selectorOf(unit), kind: unit.localName, ...(image ? {image} : {})})
    }
  }

  const footnotes = []
  const seenNotes = new Set()
  // One pass over the calls, not a document-wide query per note (thousands of notes in a long report).
  const firstOf = (selector, key) => {
    const found = new Map()
    for (const element of document.querySelectorAll(selector)) if (!found.has(key(element))) found.set(key(element), element)
    return found
  }
  const calls = firstOf('[data-footnote-call]', (element) => element.dataset.footnoteCall)
  const repeatedCalls = firstOf('a.rp-note-call[data-note]', (element) => element.dataset.note)
  for (const note of document.querySelectorAll('.pagedjs_pages [data-note="footnote"]')) {
    const ref = note.dataset.ref
    if (note.dataset.splitFrom || seenNotes.has(ref)) continue
    seenNotes.add(ref)
    const id = note.dataset.rpNote || ref
    const call = calls.get(ref) || repeatedCalls.get(id)
    const placed = note.closest('.pagedjs_footnote_area')
    footnotes.push({id, callPage: pageOf(call), notePage: placed ? pageOf(note) : null})
  }

  // A heading is stranded when nothing with content follows it on its page.
  const strandedHeadings = []
  // Its last page may end on a heading, unless other parts follow (a part printed on its own).
  for (const page of document.documentElement.hasAttribute('data-rp-more-pages') ? pages : pages.slice(0, -1)) {
    const area = page.querySelector('.pagedjs_page_content')
    if (!area) continue
    for (const heading of area.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (!heading.textContent.trim() || heading.closest('header.rp-cover, footer.rp-back-cover')) continue
      const after = document.createRange()
      after.setStartAfter(heading)
      after.setEnd(area, area.childNodes.length)
      if (after.toString().trim() || after.cloneContents().querySelector('img, svg, table')) continue
      strandedHeadings.push(describe(heading))
    }
  }

  // Fonts: the first family of each stack used by text, and whether an @font-face served it.
  const generic = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'math', 'emoji', 'fangsong', 'ui-serif', 'ui-sans-serif', 'ui-monospace', 'ui-rounded'])
  const firstFamily = (stack) => stack.split(',')[0].trim().replace(/^["']|["']$/g, '')
  const faces = [...document.fonts]
  const used = new Map()
  const styled = new Set()
  const walker = document.createTreeWalker(document.querySelector('.pagedjs_pages') || document.body, NodeFilter.SHOW_TEXT)
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const element = text.parentElement
    if (!element || styled.has(element) || !text.data.trim()) continue
    styled.add(element)
    const style = getComputedStyle(element)
    const family = firstFamily(style.fontFamily)
    if (!used.has(family)) used.set(family, new Set())
    used.get(family).add(style.fontWeight + ' ' + (style.fontStyle === 'normal' ? 'normal' : 'italic'))
  }
  const fonts = [...used].map(([family, variants]) => {
    const own = faces.filter((face) => face.family.replace(/^["']|["']$/g, '').toLowerCase() === family.toLowerCase())
    if (generic.has(family.toLowerCase())) return {family, status: 'generic'}
    if (own.length === 0) return {family, status: 'not-declared'}
    const loaded = own.filter((face) => face.status === 'loaded')
    if (loaded.length === 0) return {family, status: 'failed'}
    // Chromium fakes bold when no face of weight 600 or more exists, and italic when no italic one does.
    const weights = (face) => face.weight.split(' ').map((token) => (token === 'bold' ? 700 : token === 'normal' ? 400 : Number(token)))
    const synthesized = [...variants].filter((variant) => {
      const [weight, style] = variant.split(' ')
      const sameStyle = loaded.filter((face) => (face.style === 'normal') === (style === 'normal'))
      const heaviest = Math.max(0, ...sameStyle.map((face) => Math.max(...weights(face))))
      return sameStyle.length === 0 || (Number(weight) >= 600 && heaviest < 600)
    })
    return synthesized.length ? {family, status: 'loaded', synthesized} : {family, status: 'loaded'}
  })

  const probe = document.createElement('canvas')
  probe.width = probe.height = 8
  const drawsAnything = (image) => {
    try {
      const context = probe.getContext('2d', {willReadFrequently: true})
      context.clearRect(0, 0, 8, 8)
      context.drawImage(image, 0, 0, 8, 8)
      const data = context.getImageData(0, 0, 8, 8).data
      for (let index = 3; index < data.length; index += 4) if (data[index] > 0) return true
      return false
    } catch {
      // A canvas the browser will not read back (another origin): the image is taken as shown.
      return true
    }
  }
  const images = []
  const brokenImages = []
  for (const image of document.querySelectorAll('.pagedjs_pages img')) {
    const src = image.getAttribute('src') || ''
    const nth = nthImage.get(image) || 0
    // A file whose header gives a size but whose data does not decode (a truncated or damaged PNG
    // or JPEG) has its naturalWidth all the same, and prints as an empty space: drawn small, it
    // leaves every pixel transparent. (image.decode() never settles in a headless print.)
    // An SVG may have no size of its own, and is checked before the build (missing-image).
    const isSvg = /\.svg([?#]|$)|^data:image\/svg/i.test(image.currentSrc || src)
    if (!image.complete || (!isSvg && (image.naturalWidth === 0 || !drawsAnything(image)))) {
      brokenImages.push({src, nth, page: pageOf(image)})
      continue
    }
    const width = image.getBoundingClientRect().width
    if (width === 0 || isSvg) continue
    images.push({src, nth, dpi: Math.round(image.naturalWidth / (width / 96)), page: pageOf(image)})
  }

  // Tables that do not fit the text's width with their words whole, even in the smaller type the
  // layout gave them (fit-tables.ts): their words break (print-core.css lets a cell's word break
  // anywhere, never a number), or they run past the text's edge (a number wider than its column).
  // Measured once without breaking, all tables at a time (one layout each way), the first piece of each.
  const crampedTables = []
  const tables = [...document.querySelectorAll('.pagedjs_pages table:not([data-split-from])')]
  if (tables.length > 0) {
    const widths = tables.map((table) => table.parentElement.getBoundingClientRect().width)
    const laidOut = tables.map((table) => table.getBoundingClientRect().width)
    for (const table of tables) table.classList.add('rp-measure-unbroken')
    const natural = tables.map((table) => Math.max(table.scrollWidth, table.getBoundingClientRect().width))
    for (const table of tables) table.classList.remove('rp-measure-unbroken')
    const mm = (pixels) => Math.round(pixels * 25.4 / 96)
    tables.forEach((table, index) => {
      if (natural[index] <= widths[index] + 1) return
      const step = [...table.classList].find((name) => name.startsWith('rp-table-fit-'))
      crampedTables.push({...describe(table), needed: mm(natural[index]), available: mm(widths[index]), overflows: laidOut[index] > widths[index] + 1, smaller: step ? Number(step.slice('rp-table-fit-'.length)) : 0})
    })
  }

  const boxes = '.rp-recommendation, .rp-stat, .rp-viewpoint, .rp-callout'
  const splitBoxes = [...document.querySelectorAll('.pagedjs_pages :is(' + boxes + ')[data-split-to]:not([data-split-from])')].map(describe)

  return {pageCount: pages.length, tocEntries, unresolvedRefs: [...unresolved], overflows, footnotes, strandedHeadings, fonts, images, brokenImages, splitBoxes, crampedTables}
})()`
