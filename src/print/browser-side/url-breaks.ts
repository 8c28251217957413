/**
 * Run in the page before the handlers (handlers.ts): `window.rapporteurUrlBreaks(content)`, called
 * on the document before Paged.js lays it out (`beforeParsed`). Plain JavaScript source, like
 * handlers.ts.
 *
 * A URL printed as text (a link's address, `print.links: address`; those the citation style
 * prints in notes and the bibliography) may break after `//`, `/`, `.`, `-`, `?`, `&` and `=`:
 * a `<wbr>` there, which prints nothing and adds no character to the PDF's text. print.css lets it
 * break elsewhere only when a piece is longer than a line; it broke anywhere before, inside the
 * scheme too (`htt` / `ps://www.legifrance…`).
 */
export const urlBreaksScript = String.raw`(() => {
  const looksLikeUrl = /^(?:https?:\/\/|www\.|doi:)/i
  const after = /(\/\/|[\/.?&=-])(?=[^\s])/g
  window.rapporteurUrlBreaks = (content) => {
    for (const link of content.querySelectorAll('a[href]')) {
      if (!looksLikeUrl.test(link.textContent.trim())) continue
      const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT)
      const texts = []
      for (let text = walker.nextNode(); text; text = walker.nextNode()) texts.push(text)
      for (const text of texts) {
        const pieces = text.data.split(after)
        if (pieces.length < 2) continue
        const fragment = document.createDocumentFragment()
        // split() with a group: text, separator, text, separator…; a break after each separator.
        pieces.forEach((piece, index) => {
          if (piece) fragment.append(piece)
          if (index % 2 === 1) fragment.append(document.createElement('wbr'))
        })
        text.replaceWith(fragment)
      }
    }
  }
})();
`
