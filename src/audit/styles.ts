/**
 * The page's only stylesheet, inlined: the audit must open offline, from a mail attachment, with
 * no fonts or files beside it. Colours are dark on light with a contrast of at least 4.5:1 (WCAG
 * AA); the status is always written out, the colour only repeats it.
 */
export const auditStyles = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #4d4d4d; --rule: #c8c8c8; --band: #f4f4f4; --link: #0b57d0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--text); background: #fff; }
header, nav, main { max-width: 90rem; margin: 0 auto; padding: 0 1.5rem; }
a { color: var(--link); }
code { font: 0.88em/1.3 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
h1 { font-size: 1.7rem; margin: 0.2rem 0; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 0.6rem; }
.kicker { margin: 1.5rem 0 0; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.8rem; color: var(--muted); }
.subtitle { margin: 0; font-size: 1.1rem; }
.meta { margin: 0.2rem 0; color: var(--muted); }
h2.counts-title { font-size: 0.95rem; margin: 1rem 0 0.3rem; }
.counts { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0; }
.count { border: 1px solid var(--rule); border-radius: 4px; padding: 0.3rem 0.7rem; min-width: 7rem; }
.count dt { font-size: 0.85rem; }
.count dd { margin: 0; font-size: 1.4rem; font-weight: 700; }
.count .detail { font-size: 0.85rem; font-weight: 400; }
nav ul { display: flex; flex-wrap: wrap; gap: 1rem; list-style: none; padding: 0; margin: 1rem 0 0; }
.filters { display: flex; flex-wrap: wrap; align-items: end; gap: 1rem 2rem; margin: 0 0 1rem; padding: 0.6rem 1rem; background: var(--band); border-radius: 4px; }
/* display: flex would beat the browser's own [hidden] rule: without JavaScript the form stays hidden. */
.filters[hidden] { display: none; }
.filters fieldset { border: 0; margin: 0; padding: 0; }
.filters legend, .filters .field label { font-weight: 600; padding: 0; margin-bottom: 0.2rem; }
.filters .field label { display: block; }
.filter-status { margin-right: 1rem; white-space: nowrap; }
.filters select { font: inherit; padding: 0.15rem; max-width: 28rem; }
.filters .shown { margin: 0; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
caption { text-align: left; color: var(--muted); padding-bottom: 0.4rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--rule); }
/* Long paths, URLs and DOIs in a cell break anywhere rather than push the table past the window;
   headers keep their words whole, and so keep their column wide enough to read. */
td, tbody th { overflow-wrap: anywhere; }
thead th { border-bottom: 2px solid var(--text); }
tbody th { font-weight: 600; }
/* Each table shares the window out by column, whatever the cells hold: no sideways scrolling at 1280 px. */
table.figures, table.sources, table.diagnostics, table.orphans { table-layout: fixed; }
col.col-where { width: 12%; }
col.col-sentence { width: 28%; }
col.col-figure { width: 8%; }
col.col-status { width: 9%; }
col.col-sources { width: 17%; }
col.col-inSource { width: 8%; }
col.col-review { width: 18%; }
table.sources col.col-id { width: 14%; }
table.sources col.col-type { width: 9%; }
table.sources col.col-title { width: 19%; }
table.sources col.col-author { width: 12%; }
table.sources col.col-date { width: 7%; }
table.sources col.col-url { width: 19%; }
table.sources col.col-uses { width: 6%; }
table.sources col.col-where { width: 14%; }
table.diagnostics col.col-place { width: 20%; }
table.diagnostics col.col-severity { width: 11%; }
table.diagnostics col.col-rule { width: 16%; }
table.diagnostics col.col-message { width: 53%; }
table.orphans col.col-place { width: 18%; }
table.orphans col.col-figure { width: 9%; }
table.orphans col.col-sentence { width: 40%; }
table.orphans col.col-state { width: 11%; }
table.orphans col.col-note { width: 22%; }
td.where .chapter { display: block; margin-bottom: 0.2rem; }
td.where .place { font-size: 0.8rem; color: var(--muted); }
.status-cell .reason { display: block; margin-top: 0.3rem; font-size: 0.85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
mark { background: #ffe97a; color: #000; padding: 0 0.1em; }
.refs ul, ul.places { margin: 0; padding: 0; list-style: none; }
.refs li + li { margin-top: 0.3rem; }
a.key { font-size: 0.85em; }
.status, .severity { display: inline-block; padding: 0 0.45em; border-radius: 3px; font-size: 0.85rem; font-weight: 600; border: 1px solid currentColor; }
.status-cited { color: #1b5e20; background: #e8f5e9; }
.status-stat { color: #0d47a1; background: #e3f2fd; }
.status-viewpoint { color: #4a148c; background: #f3e5f5; }
.status-waived { color: #6d4200; background: #fff3e0; }
.status-uncited, .severity-error { color: #b71c1c; background: #ffebee; }
.severity-warning { color: #6d4200; background: #fff3e0; }
.severity-info { color: #0d47a1; background: #e3f2fd; }
.count.status-cited, .count.status-stat, .count.status-viewpoint, .count.status-waived, .count.status-uncited { background: none; }
.review-badge { display: inline-block; padding: 0 0.45em; border-radius: 3px; font-size: 0.85rem; font-weight: 600; border: 1px solid currentColor; }
.review-verified { color: #1b5e20; background: #e8f5e9; }
.review-queried { color: #6d4200; background: #fff3e0; }
.review-changed { color: #4a148c; background: #f3e5f5; }
.review-unreviewed { color: #4d4d4d; background: #f4f4f4; }
.count.review-verified, .count.review-queried, .count.review-changed, .count.review-unreviewed { background: none; }
.review-read { font-size: 0.9rem; }
td.review p { margin: 0 0 0.3rem; }
.review-note { white-space: pre-wrap; }
.review-previous { font-size: 0.85rem; color: var(--muted); border-left: 3px solid #4a148c; padding-left: 0.4rem; margin-bottom: 0.3rem; }
tr[data-review="changed"] > td.review { background: #fbf5fc; }
/* A fieldset is as wide as its content unless told otherwise, which would widen the column. */
.review-controls { border: 0; margin: 0; padding: 0; min-width: 0; }
.review-controls[hidden] { display: none; }
.review-choices { display: flex; flex-wrap: wrap; gap: 0.1rem 0.8rem; }
.review-choices label { white-space: nowrap; }
.review-note-field { display: block; margin-top: 0.3rem; font-size: 0.85rem; }
.review-note-field textarea { display: block; width: 100%; font: inherit; font-size: 0.9rem; resize: vertical; }
/* With the controls shown, the note is in its field; the text copy is for print and for pages without script. */
table.review-live .review-state .review-note { display: none; }
.review-bar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1.5rem; margin: 0 0 1rem; padding: 0.6rem 1rem; border: 1px solid var(--rule); border-radius: 4px; }
.review-bar[hidden] { display: none; }
.review-bar button { font: inherit; font-weight: 600; padding: 0.3rem 0.9rem; }
.review-bar p { margin: 0; flex: 1 1 24rem; }
.review-bar .review-saved:empty { display: none; }
tr.unused td, tr.unused th { background: var(--band); }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  body { font-size: 9pt; }
  header, nav, main { max-width: none; padding: 0; }
  /* Paper has no controls: no filters, no section links, and every row, whatever was filtered. */
  nav, .filters, .review-bar, .review-controls { display: none !important; }
  table.review-live .review-state .review-note { display: inline; }
  tr[hidden] { display: table-row; }
  thead { display: table-header-group; }
  tr, .count, li { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
  .status, .severity, .review-badge, mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
