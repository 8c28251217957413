import type {LaidOutPart} from './browser-side/parts.js'
import type {Side} from './plan-merge.js'
import type {PartPreflight} from './combine-preflight.js'
import type {PDFDocument} from 'pdf-lib'

/**
 * Where a print finds the parts an earlier print laid out (api/layout-store.ts keeps them in the
 * user's cache folder). A part after the first leaves its page as its pages' markup and the rules
 * Paged.js added, packed (browser-side/parts.ts), and the merge takes it in as it is: the same part
 * file laid out on the same side, with the same stylesheets, fonts, images, Paged.js and browser
 * (the store's key), gives those same pages. So a writer's rebuild after editing one chapter lays
 * out only that chapter's part and the first one, which is always laid out: it holds the table of
 * contents and the others are printed in its page (lay-out-parts.ts, print-parts.ts).
 */
export interface PartStore {
  /** The part laid out earlier from this file's text on `startOn`, or undefined. */
  get(html: string, startOn: Side): Promise<StoredPart | undefined>
  /** Keep a part just laid out (cleanly: a part whose page reported a problem is not kept). */
  put(html: string, startOn: Side, laidOut: StoredPart): void
  /**
   * A part printed earlier (print-parts.ts) from the same part, numbered and resolved the same
   * way: `key` says all that (its text, side, first page, the document's page count and the pages
   * of the other parts' targets it shows); `html` is the part's text alone, which readPrintsAhead
   * knows the prints of a part by.
   */
  getPrint(html: string, key: string): Promise<StoredPrint | undefined>
  /** Keep a part just printed (cleanly, as `put`). */
  putPrint(html: string, key: string, printed: StoredPrint): void
  /**
   * Read the parts printed earlier from these texts that the store holds for this print (those of
   * the last build), and hand each PDF to `read`, one at a time, for getPrint to give with the
   * bytes. Called once the layout started and this process has nothing else to do (paginate.ts); never throws.
   */
  readPrintsAhead(htmls: readonly string[], read: (pdf: Uint8Array) => Promise<PDFDocument>): void
}

/** A printed part as kept: Chromium's PDF of it, and what the preflight read in its page. */
export interface StoredPrint {
  pdf: Uint8Array
  preflight: PartPreflight
  /** The PDF as readPrintsAhead's `read` made it, when it was read ahead: for the join to take once. */
  read?: Promise<PDFDocument>
}

/** A laid-out part as kept: its packed pages and page count, and the side its first chapter asks for. */
export interface StoredPart {
  part: LaidOutPart
  wants: Side | 'any'
}
