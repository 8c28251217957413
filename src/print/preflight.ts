import type {Page} from 'puppeteer-core'
import {preflightScript} from './browser-side/preflight.js'

/** Something the page or the browser complained about while printing; the PDF was still made. */
export interface PrintProblem {
  /**
   * `blocked-request`: a URL outside the allowlist (network, files outside the output folder);
   * `request-failed`: an allowed file that could not be read; `page-error`: an uncaught script
   * error; `console-error`: an error the page logged; `layout`: Paged.js dropped or repeated content,
   * or the PDF's page count differs from the laid-out pages.
   */
  kind: 'blocked-request' | 'request-failed' | 'page-error' | 'console-error' | 'layout'
  message: string
  url?: string
}

/** Where an element is: its id (or the id of the element it was split from) and chapter. */
export interface PlacedElement {
  /** `id` of the element, when it has one. */
  id?: string
  /** The start of its text, to find it in the Markdown. */
  text: string
  /** `id` of the `section.rp-chapter` holding it. */
  chapter?: string
  /** Line in the chapter's Markdown where it (or the nearest block around it) starts (`data-line`, print HTML only). */
  line?: number
  page: number
}

/** How a font family used by the text was served. */
export type FontStatus =
  /** An @font-face for it loaded. */
  | 'loaded'
  /** Declared with @font-face but did not load (missing or blocked file): the text used a fallback. */
  | 'failed'
  /** No @font-face: the text used a system font of that name if installed, else a fallback. */
  | 'not-declared'
  /** A generic family (serif, sans-serif…): a system font, chosen by the machine. */
  | 'generic'

/** What the paginated document looks like, read in the browser just before the PDF is printed. */
export interface PreflightReport {
  pageCount: number
  /** Each `nav.rp-toc a.rp-toc__link`, with the page written into its `.rp-toc__page`. */
  tocEntries: Array<{href: string; page: number | null}>
  /** Internal links (`a[href^="#"]`) whose target id is not in the document. */
  unresolvedRefs: string[]
  /**
   * Innermost blocks that stick out of their page's content area (wide tables, long words, images):
   * `kind` its tag name; `image`, the image it is or only holds (`nth`: which showing of the file).
   */
  overflows: Array<PlacedElement & {selector: string; kind?: string; image?: {src: string; nth: number; alt: string}}>
  /**
   * One entry per `span.rp-footnote` (print notes, `float: footnote`), matched with the call
   * Paged.js inserts in its place; `id` is the renderer's `data-note`. null: not found on any page.
   */
  footnotes: Array<{id: string; callPage: number | null; notePage: number | null}>
  /** Headings that end a page (nothing of theirs follows them on it), except on the last page. */
  strandedHeadings: PlacedElement[]
  /** The first family of each font stack used by text; `synthesized`: weight/style combinations used with no matching face. */
  fonts: Array<{family: string; status: FontStatus; synthesized?: string[]}>
  /** Raster images with their resolution at printed size (96 CSS px per inch). */
  /** `nth`: which showing of that file it is, in reading order (from 0). */
  images: Array<{src: string; nth?: number; dpi: number; page: number}>
  /** Images that did not load or decode (the request problem says why, when there is one). */
  brokenImages: Array<{src: string; nth?: number; page: number}>
  /**
   * Recommendations, stats, viewpoints and callouts split across pages (the theme asks
   * `break-inside: avoid` of them; a box taller than a page has to split anyway).
   */
  splitBoxes: PlacedElement[]
  /**
   * Tables wider than the text with their words whole, in the smallest type tried: the width they
   * need and have, in mm; `overflows`, whether they run past the text's edge all the same (else
   * their words break); `smaller`, the step of smaller type they were given (0: none, 3 the smallest).
   */
  crampedTables: Array<PlacedElement & {needed: number; available: number; overflows?: boolean; smaller?: number}>
}

/** Read the preflight report from a page Paged.js has finished with. */
export async function collectPreflight(page: Page): Promise<PreflightReport> {
  return (await page.evaluate(preflightScript)) as PreflightReport
}
