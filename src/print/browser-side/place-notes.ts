/**
 * Run in the page before the handlers (handlers.ts puts it first): how a paragraph's notes are
 * placed, as `window.rapporteurPlaceNotes`, which paged-source.ts hooks into Paged.js's footnote
 * module. Plain JavaScript source, like handlers.ts.
 */
export const placeNotesScript = String.raw`(() => {
  // Paged.js's footnote module places a paragraph's notes one at a time as the paragraph is added
  // to the page: the note moved to the page's note area, measured, the area resized, the next note
  // measured. Two forced layouts of the page a note, where most of the layout time goes in a report
  // whose citations are notes. Here a paragraph's notes are moved at once and measured with one
  // layout, and kept so only when Paged.js's own steps would have placed every one of them in the
  // area (its "fits above the call" case), which leaves the page as those steps would: the area as
  // high as all the notes. Otherwise all is put back as it was and Paged.js's own code runs
  // (paged-source.ts hooks this in). Why that is exact: the area sits at the foot of the page and
  // grows upwards, so Paged.js's test for note i comes down to "the bottom of call i is above
  // foot - height(notes 1..i) - the area's margins, padding and borders"; the notes' height only
  // grows and the calls come in reading order, so checking every call against the height of all
  // the notes checks Paged.js's test for each. A call may sit a line lower here than in Paged.js's
  // steps where two notes follow each other with no break opportunity between them: hence the slack.
  // test/print/footnote-placement.test.ts lays pages out both ways and compares them.
  const SLACK_PX = 24
  const KEPT = ['id', 'data-break-before', 'data-footnote-marker']
  const sizes = (style, side) => (parseInt(style[side + 'Top']) || 0) + (parseInt(style[side + 'Bottom']) || 0)
  window.rapporteurPlaceNotes = (footnotes, notes, node) => {
    if (notes.length < 2) return false
    const pageArea = node.closest('.pagedjs_area')
    const content = node.closest('.pagedjs_page_content')
    const noteArea = pageArea && pageArea.querySelector('.pagedjs_footnote_area')
    const noteContent = noteArea && noteArea.querySelector('.pagedjs_footnote_content')
    const inner = noteContent && noteContent.querySelector('.pagedjs_footnote_inner_content')
    if (!content || !inner || inner.style.height) return false
    const box = content.getBoundingClientRect()
    const right = box.left + box.width
    // Notes Paged.js's first steps take as they are: visible on the page, placed by the default
    // policy, not there already (a note carried over from the page before).
    const plain = (note) => note.nodeType === 1 && note.getBoundingClientRect().left < right && (note.dataset.notePolicy || 'auto') === 'auto' && !inner.querySelector('[data-ref="' + note.dataset.ref + '"]')
    if (![...notes].every(plain)) return false
    const area = noteArea.getBoundingClientRect()
    const foot = area.top + area.height
    const wasEmpty = noteContent.classList.contains('pagedjs_footnote_empty')
    const moved = [...notes].map((note) => ({note, parent: note.parentNode, next: note.nextSibling, attributes: KEPT.map((name) => note.getAttribute(name)), call: footnotes.createFootnoteCall(note)}))
    for (const {note} of moved) {
      note.removeAttribute('data-break-before')
      inner.appendChild(note)
      note.dataset.footnoteMarker = note.dataset.ref
      note.id = 'note-' + note.dataset.ref
    }
    noteContent.classList.remove('pagedjs_footnote_empty')
    const height = noteContent.scrollHeight
    const style = getComputedStyle(noteContent)
    const margins = sizes(style, 'margin')
    const borders = sizes(style, 'border')
    const limit = foot - height - margins - sizes(style, 'padding') - borders - SLACK_PX
    const range = new Range()
    const fits = moved.every(({call}) => {
      range.setStartBefore(call.previousSibling || call)
      range.setEndAfter(call)
      return call.getBoundingClientRect().left <= right && range.getBoundingClientRect().bottom < limit
    })
    if (fits) {
      pageArea.style.setProperty('--pagedjs-footnotes-height', height + margins + borders + 'px')
      return true
    }
    for (const {note, parent, next, attributes, call} of moved.reverse()) {
      call.remove()
      parent.insertBefore(note, next)
      KEPT.forEach((name, index) => (attributes[index] === null ? note.removeAttribute(name) : note.setAttribute(name, attributes[index])))
    }
    if (wasEmpty) noteContent.classList.add('pagedjs_footnote_empty')
    return false
  }
})();
`
