/**
 * Paged.js handlers that run in the page, as plain JavaScript source (injected with a script tag,
 * so no build step or bundler can rewrite it). Each fixes one weak spot of Paged.js 0.4; all hook
 * names are Paged.js's own (a Handler method is registered for the hook of the same name).
 */
export const pagedHandlersScript = String.raw`(() => {
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

  class Rapporteur extends Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller)
      // Paged.js runs one page per requestAnimationFrame (its queue's tick), so it idles about
      // 16 ms a page. A MessageChannel message is a task without timer clamping: the page still
      // yields between pages (ResizeObserver checks, protocol messages) but does not wait for frames.
      const channel = new MessageChannel()
      const waiting = []
      channel.port1.onmessage = () => { const next = waiting.shift(); if (next) next() }
      chunker.q.tick = (callback) => { waiting.push(callback); channel.port2.postMessage(null) }
      // At a word split across two pages Paged.js appends U+2011, which text fonts often lack
      // (Chromium then embeds a fallback font for one glyph): the ASCII hyphen is in every font.
      chunker.settings.hyphenGlyph = '-'
    }

    beforeParsed(content) {
      // Paged.js marks every element with a random data-ref that ends up in link targets; fixed
      // ones keep the PDF reproducible.
      let count = 0
      for (const element of content.querySelectorAll('*')) element.setAttribute('data-ref', 'rp-' + ++count)
      // The footnote module overwrites data-note with "footnote": keep the renderer's note number.
      for (const note of content.querySelectorAll('span.rp-footnote[data-note]')) note.dataset.rpNote = note.dataset.note
    }

    renderNode(clone) {
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

    afterRendered() {
      // Page numbers in the table of contents and on cross-references, once every page exists.
      for (const link of document.querySelectorAll('nav.rp-toc a.rp-toc__link[href^="#"], a.rp-ref[href^="#"]')) {
        const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)))
        const page = target ? landingPage(target) : null
        if (!link.matches('.rp-toc__link')) {
          if (page) link.dataset.page = String(page)
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
  }

  registerHandlers(Rapporteur)
})()`
