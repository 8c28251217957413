/**
 * Run in the page before the handlers (handlers.ts puts it first): each note call Paged.js makes
 * holds its number as text, `<a data-footnote-call="7"><span class="rp-call-number">7</span></a>`,
 * where Paged.js shows it as generated content (`[data-footnote-call]::after`, its polyfill of
 * `::footnote-call`). Why: Chromium leaves generated content out of the PDF's structure, so the
 * finalisation made every call's number an artifact and the Link around it empty: a screen reader
 * heard nothing where a note is called, though the note itself is tagged (print-core.css styles the
 * span as the ::after was, which it turns off for a call of class rp-call-numbered). Plain JavaScript source, like handlers.ts.
 */
export const noteCallNumbersScript = String.raw`(() => {
  const footnotes = window.Paged.registeredHandlers.find((handler) => handler.prototype && handler.prototype.createFootnoteCall)
  if (!footnotes || footnotes.prototype.rapporteurNumbersCalls) return
  const create = footnotes.prototype.createFootnoteCall
  footnotes.prototype.rapporteurNumbersCalls = true
  footnotes.prototype.createFootnoteCall = function (node) {
    const call = create.call(this, node)
    if (call && !call.querySelector('.rp-call-number')) {
      const number = document.createElement('span')
      number.className = 'rp-call-number'
      number.textContent = call.dataset.footnoteCall || ''
      call.append(number)
      // A class, not \`:has(> .rp-call-number)\`: Chromium re-matches :has() as Paged.js moves content.
      call.classList.add('rp-call-numbered')
    }
    return call
  }
})();
`
