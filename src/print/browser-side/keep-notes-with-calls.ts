/**
 * Run in the page before the handlers (handlers.ts puts it first): a note that cannot start on its
 * call's page takes the call's line to the next page with it. Plain JavaScript source, like
 * handlers.ts.
 *
 * Why: when a note does not fit under the text, Paged.js 0.4 (footnote-policy `auto`) grows the note
 * area up to the line of the call and lets the rest of the note run onto the next page. When the
 * call is on the last line of the page, or the page has no room left for even the area's rule, no
 * line of the note is left on the call's page: the whole note lands on the next one, which may be
 * the first page of the next chapter: 46 notes in 406 pages of generated note-dense text, and a
 * warning in the 288-page benchmark report (src/print/README.md). Typesetting's rule is that a note
 * starts on its call's page; CSS's `footnote-policy: line` moves the call's line whenever any of
 * its note would not fit, which would also push the calls of long notes that can well be split.
 * So here the line moves only in the case above, as `line` would move it: the note area is grown
 * over the call's line, Paged.js takes that line and what follows to the next page, and removes the
 * note from this page with its call (its `afterOverflowRemoved`); on the next page the line and its
 * note are laid out again together.
 */
export const keepNotesWithCallsScript = String.raw`(() => {
  const footnotes = window.Paged.registeredHandlers.find((handler) => handler.prototype && handler.prototype.moveFootnote && handler.prototype.findVisibleFootnotes)
  if (!footnotes || footnotes.prototype.rapporteurKeepsNotes) return
  const move = footnotes.prototype.moveFootnote
  footnotes.prototype.rapporteurKeepsNotes = true

  // The top of the line a call is on: the call's own box is raised (a superscript), so the line is
  // found from the call's bottom and the line height of the text around it.
  const lineTopOf = (call) => {
    const range = new Range()
    range.setStartBefore(call.previousSibling || call)
    range.setEndAfter(call)
    const bottom = range.getBoundingClientRect().bottom
    const style = getComputedStyle(call.parentElement)
    const lineHeight = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.2
    return bottom - lineHeight
  }

  // Whether the note will show at least its first lines on this page. The area's inner box clips
  // it, and Paged.js then moves what does not fit by laying the notes out in columns, where
  // Chromium keeps "orphans" lines together at the start of a split note and "widows" at its end
  // (2 and 2 by default): a three-line note with one line of room moves whole.
  const startsHere = (note, inner) => {
    if (note.parentNode !== inner) return false
    const range = new Range()
    range.selectNodeContents(note)
    const bottoms = [...new Set([...range.getClientRects()].filter((rect) => rect.height > 0).map((rect) => Math.round(rect.bottom)))].sort((a, b) => a - b)
    if (bottoms.length === 0) return true
    const limit = inner.getBoundingClientRect().bottom + 0.5
    const fitting = bottoms.filter((bottom) => bottom <= limit).length
    const style = getComputedStyle(note)
    const orphans = Number(style.orphans) || 1
    const widows = Number(style.widows) || 1
    return fitting === bottoms.length || (fitting >= orphans && bottoms.length - widows >= orphans)
  }

  footnotes.prototype.moveFootnote = function (node, pageArea, needsNoteCall) {
    const pushedTo = pageArea && pageArea.rapporteurPushedTo
    // A later note of a line already pushed to the next page goes with it: nothing to place here.
    if (needsNoteCall && pushedTo !== undefined && node.getBoundingClientRect().top >= pushedTo) return
    const waiting = this.needsLayout.length
    move.call(this, node, pageArea, needsNoteCall)
    if (!needsNoteCall || !node.dataset) return
    const content = pageArea.querySelector('.pagedjs_page_content')
    const noteArea = pageArea.querySelector('.pagedjs_footnote_area')
    const inner = noteArea && noteArea.querySelector('.pagedjs_footnote_inner_content')
    // Placed whole (Paged.js sets no height on the notes' box then): nothing to measure.
    if (!inner || (node.parentNode === inner && !inner.style.height)) return
    const call = content && content.querySelector('[data-footnote-call="' + node.dataset.ref + '"]')
    if (!call || startsHere(node, inner)) return
    const page = content.getBoundingClientRect()
    // A call past the page's right edge is in the overflow already, bound for the next page.
    if (call.getBoundingClientRect().left >= page.right) return
    const lineTop = lineTopOf(call)
    // The call on the first line of the page: moving it would leave the page empty.
    if (lineTop - page.top < 1) return
    const area = noteArea.getBoundingClientRect()
    const grown = area.height + (area.top - lineTop) + 1
    if (grown <= area.height) return
    // Sent to the next page by Paged.js (no room for the area at all): it will come with its call instead.
    if (this.needsLayout.length > waiting) this.needsLayout.splice(waiting)
    pageArea.style.setProperty('--pagedjs-footnotes-height', grown + 'px')
    inner.style.height = ''
    pageArea.rapporteurPushedTo = lineTop
  }
})();
`
