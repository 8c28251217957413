import {numberElementsScript} from './number-elements.js'
import {fitTablesScript} from './fit-tables.js'
import {urlBreaksScript} from './url-breaks.js'
import {keepNotesWithCallsScript} from './keep-notes-with-calls.js'
import {letterBoxScript} from './letter-box.js'
import {noteCallNumbersScript} from './note-call-numbers.js'
import {placeNotesScript} from './place-notes.js'
import {softHyphensScript} from './soft-hyphens.js'

/**
 * The links that show their target's page once resolvePageNumbers has run (below): the table of
 * contents' entries and cross-references. A part printed on its own shows the pages of the
 * targets of these, in other parts, and of no other (print-parts.ts keys its print by them).
 */
export const PAGE_REFERENCES = 'nav.rp-toc a.rp-toc__link[href^="#"], a.rp-ref[href^="#"]'

/**
 * Paged.js handlers that run in the page, as plain JavaScript source (injected with a script tag,
 * so no build step or bundler can rewrite it). Each fixes one weak spot of Paged.js 0.4; all hook
 * names are Paged.js's own (a Handler method is registered for the hook of the same name).
 */
export const pagedHandlersScript = numberElementsScript + placeNotesScript + keepNotesWithCallsScript + noteCallNumbersScript + letterBoxScript + softHyphensScript + fitTablesScript + urlBreaksScript + String.raw`(() => {
  const {Handler, registerHandlers} = window.Paged

  // Page of an element in the paginated output (Paged.js numbers pages from 1).
  const pageOf = (element) => {
    const page = element && element.closest('.pagedjs_page')
    return page ? Number(page.dataset.pageNumber) : null
  }

  // Where a link target lands: the first page where it has content. A section whose heading
  // breaks to a new page leaves an empty fragment at the foot of the previous page.
  const landingPage = (target) => {
    if (target.textContent.trim() || target.querySelector('img, svg')) return pageOf(target)
    const ref = target.dataset.ref
    for (const part of document.querySelectorAll('[data-split-from="' + ref + '"]')) {
      if (part.textContent.trim() || part.querySelector('img, svg')) return pageOf(part)
    }
    return pageOf(target)
  }

  // Page numbers in the table of contents and on cross-references, once every page exists (and
  // again once the parts of a document are put together, or with \`elsewhere\`, the pages of the
  // targets other parts hold, when a part is printed on its own: ../print-parts.ts).
  const resolvePageNumbers = (elsewhere) => {
    for (const link of document.querySelectorAll(${JSON.stringify(PAGE_REFERENCES)})) {
      const id = decodeURIComponent(link.getAttribute('href').slice(1))
      const target = document.getElementById(id)
      const page = target ? landingPage(target) : elsewhere && Object.hasOwn(elsewhere, id) ? elsewhere[id] : null
      if (!link.matches('.rp-toc__link')) {
        // A target in another part gets its page when the parts are merged (parts.ts calls this
        // again); one that is nowhere loses its page words in the preflight, which reports it.
        if (!page) continue
        link.dataset.page = String(page)
        const number = link.querySelector('.rp-ref__number')
        if (number) number.textContent = String(page)
        continue
      }
      let slot = link.querySelector('.rp-toc__page')
      if (!slot) {
        slot = document.createElement('span')
        slot.className = 'rp-toc__page'
        link.append(slot)
      }
      slot.textContent = page ? String(page) : ''
    }
  }
  window.rapporteurResolvePageNumbers = resolvePageNumbers

  class Rapporteur extends Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller)
      // Paged.js runs one page per requestAnimationFrame (its queue's tick), so it idles about
      // 16 ms a page, and never goes on in the print's browser, which draws no frames
      // (print/browser.ts). A MessageChannel message is a task without timer clamping: the page
      // still yields between pages (protocol messages) but does not wait for frames.
      const channel = new MessageChannel()
      const waiting = []
      channel.port1.onmessage = () => { const next = waiting.shift(); if (next) next() }
      chunker.q.tick = (callback) => { waiting.push(callback); channel.port2.postMessage(null) }
      // At a word split across two pages Paged.js appends U+2011, which text fonts often lack
      // (Chromium then embeds a fallback font for one glyph): the ASCII hyphen is in every font.
      chunker.settings.hyphenGlyph = '-'
    }

    beforeParsed(content) {
      // Fixed refs for a document split-parts.ts did not number (number-elements.ts).
      window.rapporteurNumberElements(content)
      // A URL printed as text breaks after its slashes, dots and the like only (url-breaks.ts).
      window.rapporteurUrlBreaks(content)
      // The footnote module overwrites data-note with "footnote": keep the renderer's note number.
      for (const note of content.querySelectorAll('span.rp-footnote[data-note]')) note.dataset.rpNote = note.dataset.note
    }

    afterParsed() {
      // A part that continues the document (see merge.ts) must start on the side the merged
      // document puts it: Paged.js always makes its first page a right-hand one, so a part that
      // starts on a left page gets a blank page before it, which the merge drops.
      if (document.documentElement.dataset.rpStart === 'left') this.chunker.addPage(true)
    }

    beforePageLayout(page) {
      // Only the document's first page is :first, not the first page of each part.
      if (document.documentElement.hasAttribute('data-rp-continues') && page.position === 0) page.element.classList.remove('pagedjs_first_page')
    }

    renderNode(clone, node) {
      // A wide table in smaller type, as much as it needs to fit the text's width (fit-tables.ts).
      if (clone.nodeType === 1 && clone.localName === 'table' && !clone.dataset.splitFrom) window.rapporteurFitTable(clone, node)
      // A table split across pages continues in a rebuilt table without its header row: put a
      // copy of the header in while the page is laid out, so its height is accounted for.
      const element = clone.nodeType === 1 ? clone : clone.parentElement
      const table = element && element.closest('table[data-split-from]')
      if (!table || table.querySelector(':scope > thead')) return
      const head = this.chunker.source.querySelector('table[data-ref="' + table.dataset.ref + '"] > thead')
      if (!head) return
      const copy = head.cloneNode(true)
      copy.dataset.rpRepeated = 'true'
      table.insertBefore(copy, table.firstChild)
    }

    afterPageLayout(pageElement, page, breakToken, chunker) {
      // Every forced layout Paged.js makes (hundreds a page, most of them measuring notes) costs
      // more the more pages exist. Pages three back are finished: content-visibility skips their
      // content in style and layout while keeping their fixed size. Note numbers come from
      // attributes, not counters, so the style containment this implies changes no text.
      const finished = chunker.pages[chunker.pages.length - 3]
      if (finished) finished.element.style.contentVisibility = 'hidden'
    }

    afterRendered(pages) {
      // Shown again before anything reads or prints them.
      for (const page of pages) page.element.style.removeProperty('content-visibility')
      // Soft hyphens at line ends made visible hyphens, the others removed (soft-hyphens.ts).
      for (const page of pages) window.rapporteurSettleSoftHyphens(page.element)
      // Running heads, folios and the page-split hyphen's box are page furniture: hidden from the
      // accessibility tree, Chromium prints them as artifacts, not as body text.
      for (const box of document.querySelectorAll('.pagedjs_margin')) box.setAttribute('aria-hidden', 'true')
      resolvePageNumbers()
    }
  }

  registerHandlers(Rapporteur)
})();`
