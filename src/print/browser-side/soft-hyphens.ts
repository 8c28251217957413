/**
 * Run in the page before the handlers (handlers.ts puts it first), as
 * `window.rapporteurSettleSoftHyphens(root, {everyOne?})`. Soft hyphens (U+00AD) let the lines
 * break as a typesetter would, but Chromium keeps every one of them in the PDF's text layer, inside
 * words, and splits the glyph runs around them: a reader searching "personnes" finds nothing. Once
 * the pages are laid out, a soft hyphen where a line broke becomes the hyphen the reader sees (same
 * glyph, same width, so the lines stay as they are) and every other one goes. The words of the text
 * layer are then whole. Plain JavaScript source, like handlers.ts.
 *
 * A soft hyphen is at a break when the characters on either side of it are on different lines.
 * Measuring both sides of each one (`everyOne`, the reference) took 76–80 ms of the sample's
 * 34-page layout, 3,909 soft hyphens, on the build's longest path. In a text whose boxes never go
 * back up the page, which is nearly every one, the line of a character only grows along the
 * text: the few soft hyphens before which the line changes are found by halving, and only those
 * are measured on their far side: 44–51 ms (bench/README.md, point 35). A text whose boxes go
 * back up (set in columns), or with two soft hyphens side by side, is measured the reference way.
 */
export const softHyphensScript = String.raw`(() => {
  const SHY = '\u00AD'
  const range = document.createRange()
  // The vertical middle of the character at index: characters of one text on one line share it.
  // Its own box, the last with a width: a letter that begins a line after a soft hyphen also has
  // an empty box at the end of the line before, and the middle of both boxes put the letter
  // between two lines (English "Found-" "a-tion": the "a" was taken for the end of a line).
  const lineOf = (node, index) => {
    range.setStart(node, index)
    range.setEnd(node, index + 1)
    const rects = range.getClientRects()
    for (let i = rects.length - 1; i >= 0; i--) if (rects[i].width > 0) return rects[i].top + rects[i].height / 2
    const rect = range.getBoundingClientRect()
    return rect.top + rect.height / 2
  }
  const isBreak = (node, index) => lineOf(node, index + 1) - lineOf(node, index - 1) > 1

  // The text with a hyphen at each break and no other soft hyphen.
  const settled = (text, breaks) => {
    let out = ''
    for (let index = 0; index < text.length; index++) {
      const char = text[index]
      if (char !== SHY) out += char
      else if (breaks.has(index)) out += '-'
    }
    return out
  }

  // Every soft hyphen measured on both sides (one at either end of the text breaks no line).
  const everyOne = (node, text) => {
    const breaks = new Set()
    for (let index = 1; index + 1 < text.length; index++) if (text[index] === SHY && isBreak(node, index)) breaks.add(index)
    return breaks
  }

  // The soft hyphens at a break, for a text whose lines go straight down: before(j), the line
  // of the character before hyphen j, only grows with j, and hyphen j can only be at a break if
  // the line before hyphen j + 1 is a later one (no two hyphens side by side), or if it is the last.
  const byHalving = (node, hyphens) => {
    const lines = new Map()
    const before = (j) => {
      let line = lines.get(j)
      if (line === undefined) lines.set(j, (line = lineOf(node, hyphens[j] - 1)))
      return line
    }
    const changes = []
    const halve = (low, high) => {
      if (before(high) - before(low) <= 1) return
      if (high - low === 1) return void changes.push(low)
      const middle = (low + high) >> 1
      halve(low, middle)
      halve(middle, high)
    }
    halve(0, hyphens.length - 1)
    changes.push(hyphens.length - 1)
    return new Set(changes.filter((j) => lineOf(node, hyphens[j] + 1) - before(j) > 1).map((j) => hyphens[j]))
  }

  // The text's boxes, in the text's order, never go back up the page (a line's text can come in
  // several boxes, such as the one holding a line-end hyphen; columns go back up).
  const straightDown = (rects) => {
    for (let i = 1; i < rects.length; i++) if (rects[i].top < rects[i - 1].top - 1) return false
    return true
  }

  window.rapporteurSettleSoftHyphens = (root, options = {}) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode: (node) => (node.data.includes(SHY) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT)})
    const nodes = []
    for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node)
    // Read every break first, then write: one layout for the reads, none between them.
    const edits = nodes.map((node) => {
      const text = node.data
      range.selectNodeContents(node)
      const rects = range.getClientRects()
      // A text on one line broke at none of its soft hyphens.
      if (rects.length < 2) return [node, settled(text, new Set())]
      if (options.everyOne || !straightDown(rects)) return [node, settled(text, everyOne(node, text))]
      const hyphens = []
      for (let index = 1; index + 1 < text.length; index++) if (text[index] === SHY) hyphens.push(index)
      // Only at the text's ends, where no line breaks.
      if (hyphens.length === 0) return [node, settled(text, new Set())]
      const sideBySide = hyphens.some((index, j) => j > 0 && index === hyphens[j - 1] + 1)
      return [node, settled(text, sideBySide ? everyOne(node, text) : byHalving(node, hyphens))]
    })
    for (const [node, text] of edits) node.data = text
  }
})();`
