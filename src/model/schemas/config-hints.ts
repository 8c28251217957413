/**
 * Keys of Pandoc's and Quarto's metadata that writers bring to rapporteur.yaml, with where the
 * setting lives here: said instead of the list of every key, which does not name it.
 */
export const configHints: Readonly<Record<string, string>> = {
  bibliography: "Pandoc's `bibliography` is `sources` here, one file or a list (`sources: [references.bib, zotero.json]`)",
  csl: 'a CSL style is `citations: {csl: styles/my-style.csl}` here',
  author: 'the authors are `authors` here, a list of names',
  toc: 'a table of contents is set for each edition: `editions: {full: {toc: true}}`',
  papersize: 'the page size is `print: {size: A4}` here',
  geometry: 'the margins are `print: {margins: {top: 20mm, bottom: 25mm, inside: 22mm, outside: 18mm}}` here',
  mainfont: "the fonts are the theme's: `--rp-font-body` in `theme/custom.css` (docs/designers.md)",
  fontfamily: "the fonts are the theme's: `--rp-font-body` in `theme/custom.css` (docs/designers.md)",
  format: 'the formats are chosen when building: `rapporteur build --format pdf` or `--format html`, both by default'
}
