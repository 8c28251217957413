/**
 * A part's browser page loads its document only for Paged.js to take the body out of it and lay it
 * out again in pages. Loaded as it is, the body is styled and laid out once as one long web page
 * (twice: again when its fonts arrive), all thrown away: in a trace of the sample's full edition,
 * 52 + 24 ms of layout of its 1,474 boxes, and the load took 115–141 ms against 41–52 ms with the
 * body hidden (bench/README.md, point 34). Hidden, the body is neither laid out nor styled (the side
 * a part starts on is still read from one element's computed style, which Chromium computes on
 * demand), and the layout Paged.js does is the first.
 *
 * The hold is a stylesheet Paged.js leaves alone (`data-pagedjs-ignore`), removed in the same task
 * that hands the body to Paged.js (`releaseLayout`, before any layout can run), so the pages Paged.js
 * makes are shown as they would be without it.
 */

export const HOLD_ID = 'rp-hold'

const HOLD = `<style id="${HOLD_ID}" data-pagedjs-ignore>body{display:none!important}</style>`

/** The part's HTML with its body hidden until released; unchanged when it has no `</head>` (then laid out at load, as before). */
export function holdLayout(html: string): string {
  const end = html.search(/<\/head\s*>/iu)
  return end === -1 ? html : html.slice(0, end) + HOLD + html.slice(end)
}

/** Run in the page, as the body goes to Paged.js: the hold stylesheet removed. */
export const releaseLayout = `document.getElementById(${JSON.stringify(HOLD_ID)})?.remove()`
