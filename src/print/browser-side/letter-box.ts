/**
 * Run in the page before the handlers (handlers.ts puts it first): `window.rapporteurLetterBox`,
 * the box of one letter where Paged.js looks for the page break inside a word (paged-source.ts
 * hooks it into `Layout.textBreak`). Plain JavaScript source, like handlers.ts.
 *
 * Why: a word that a soft hyphen broke across the page's last line and the next ("de-" / "mandes")
 * is split between pages at its first letter past the page. Paged.js tests each letter by the box
 * around all of its pieces, and after a soft hyphen at the end of a line the next letter's range
 * also holds that hyphen's box, at the end of the line above: the box around both starts on the
 * page, so the letter was kept on it, the word was split one letter late ("dem-" / "andes"), and
 * "dem-", too long for the line, went under the notes, out of sight: the reader lost "dem".
 * The letter's own box is its last piece. The 98-page benchmark report had three such words.
 */
export const letterBoxScript = String.raw`(() => {
  window.rapporteurLetterBox = (letter) => {
    const pieces = letter.getClientRects()
    return pieces.length > 1 ? pieces[pieces.length - 1] : letter.getBoundingClientRect()
  }
})();
`
