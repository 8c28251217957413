/**
 * Run in the page before the handlers (handlers.ts): `window.rapporteurUrlBreaks(content)`, called
 * on the document before Paged.js lays it out (`beforeParsed`). Plain JavaScript source, like
 * handlers.ts.
 *
 * A URL printed as text (a link's address, `print.links: address`; those the citation style
 * prints in notes and the bibliography) may break after `//`, `=` and `&`, and before `/`, `.`,
 * `-`, `?`, `#`, `%`, `~` and `_`: a `<wbr>` there, which prints nothing and adds no character to
 * the PDF's text. print.css lets it
 * break elsewhere only when a piece is longer than a line; it broke anywhere before, inside the
 * scheme too (`htt` / `ps://www.legifrance…`).
 */
export const urlBreaksScript = String.raw`(() => {
  const looksLikeUrl = /^(?:https?:\/\/|www\.|doi:)/i
  // Where a URL may break, as the Chicago Manual of Style has it: after "//" (and the scheme's
  // colon with it); before a single slash, a period, a hyphen, a question mark, a number sign, a
  // percent sign, a tilde or an underscore, so that a line never ends on one and reads as a
  // word's hyphen or a sentence's full stop (text readers drop a hyphen at a line's end); after an
  // equals sign or an ampersand.
  const breakBefore = new Set(['/', '.', '-', '?', '#', '%', '~', '_'])
  const breakAfter = new Set(['=', '&'])
  const stretches = (data) => {
    const out = []
    let from = 0
    for (let at = 1; at < data.length; at++) {
      const char = data[at]
      const previous = data[at - 1]
      const cut = (previous === '/' && data[at - 2] === '/') || breakAfter.has(previous) || (breakBefore.has(char) && !(char === '/' && (previous === '/' || data[at + 1] === '/')))
      // Never before the end, nor where a space is: the line breaks there anyway.
      if (cut && !/\s/.test(char) && !/\s/.test(previous)) {
        out.push(data.slice(from, at))
        from = at
      }
    }
    out.push(data.slice(from))
    return out
  }
  window.rapporteurUrlBreaks = (content) => {
    for (const link of content.querySelectorAll('a[href]')) {
      if (!looksLikeUrl.test(link.textContent.trim())) continue
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT)
      const texts = []
      for (let text = walker.nextNode(); text; text = walker.nextNode()) texts.push(text)
      for (const text of texts) {
        const pieces = stretches(text.data)
        if (pieces.length < 2) continue
        // Each stretch between two breaks is one text node: Chromium writes each node as a run of
        // its own in the PDF, and text readers put spaces between runs.
        const fragment = document.createDocumentFragment()
        pieces.forEach((piece, index) => {
          if (index > 0) fragment.append(document.createElement('wbr'))
          fragment.append(piece)
        })
        text.replaceWith(fragment)
      }
    }
  }
})();
`
