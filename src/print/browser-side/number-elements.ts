/**
 * Run in the page before the handlers (handlers.ts puts it first): how the elements of a document
 * get their `data-ref`, as `window.rapporteurNumberElements`. split-parts.ts numbers a document it
 * cuts into parts, each chapter's elements from the chapter's own ref; a document it did not parse (too short to cut) and
 * the preview's paged view are numbered here, in the same order and with the same refs, before
 * Paged.js reads them. Paged.js would give random refs, which end up in link targets: fixed ones
 * keep the PDF reproducible. A print footnote's ref is its note number, which its call and marker
 * show. Plain JavaScript source, like handlers.ts.
 */
export const numberElementsScript = String.raw`(() => {
  window.rapporteurNumberElements = (content) => {
    for (const note of content.querySelectorAll('span.rp-footnote[data-note]:not([data-ref])')) note.dataset.ref = note.dataset.note
    // As split-parts.ts's numberElements: outside chapters and the chapters in order, each chapter's elements from its ref.
    let outside = 0
    const mark = (element, ref) => {
      if (!element.hasAttribute('data-ref')) element.setAttribute('data-ref', ref)
    }
    const chapter = (element, prefix) => {
      let inside = 0
      for (const child of element.querySelectorAll('*')) mark(child, prefix + '-' + ++inside)
    }
    const visit = (element) => {
      const ref = 'rp-' + ++outside
      mark(element, ref)
      if (element.classList.contains('rp-chapter')) chapter(element, ref)
      else for (const child of element.children) visit(child)
    }
    for (const child of content.children) visit(child)
  }
})();`
