import type {FontStatus, PreflightReport} from './preflight.js'

/** What the preflight read in one part's page (numbered as in the whole document), with how often it shows each image file. */
export interface PartPreflight {
  report: PreflightReport
  /** Image files by `src`, how many times the part shows each. */
  images: Record<string, number>
}

/** Which status of a font family the whole document reports when parts saw it differently: the one a reader must act on first. */
const worst: FontStatus[] = ['failed', 'not-declared', 'generic', 'loaded']

/**
 * The preflight report of a document printed part by part (print-parts.ts), put together from each
 * part's, in order, as if read in the whole document: its page count, every list one after the
 * other, the n-th showing of an image file counted over the document (each part counts from 0),
 * a font family's status the worst any part saw, its synthesized faces all together. Pure.
 */
export function combinePreflights(parts: readonly PartPreflight[], pageCount: number): PreflightReport {
  const shownBefore = new Map<string, number>()
  const combined: PreflightReport = {pageCount, tocEntries: [], unresolvedRefs: [], overflows: [], footnotes: [], strandedHeadings: [], fonts: [], images: [], brokenImages: [], splitBoxes: [], crampedTables: []}
  const unresolved = new Set<string>()
  const fonts = new Map<string, {status: FontStatus; synthesized: Set<string>}>()
  for (const {report, images} of parts) {
    const nth = <T extends {src: string; nth?: number}>(image: T): T => ({...image, nth: (image.nth ?? 0) + (shownBefore.get(image.src) ?? 0)})
    combined.tocEntries.push(...report.tocEntries)
    for (const ref of report.unresolvedRefs) unresolved.add(ref)
    combined.overflows.push(...report.overflows.map((overflow) => (overflow.image ? {...overflow, image: nth(overflow.image)} : overflow)))
    combined.footnotes.push(...report.footnotes)
    combined.strandedHeadings.push(...report.strandedHeadings)
    combined.images.push(...report.images.map(nth))
    combined.brokenImages.push(...report.brokenImages.map(nth))
    combined.splitBoxes.push(...report.splitBoxes)
    combined.crampedTables.push(...report.crampedTables)
    for (const font of report.fonts) {
      const known = fonts.get(font.family) ?? {status: font.status, synthesized: new Set<string>()}
      if (worst.indexOf(font.status) < worst.indexOf(known.status)) known.status = font.status
      for (const face of font.synthesized ?? []) known.synthesized.add(face)
      fonts.set(font.family, known)
    }
    for (const [src, count] of Object.entries(images)) shownBefore.set(src, (shownBefore.get(src) ?? 0) + count)
  }
  combined.unresolvedRefs = [...unresolved]
  combined.fonts = [...fonts].map(([family, {status, synthesized}]) => (synthesized.size > 0 ? {family, status, synthesized: [...synthesized]} : {family, status}))
  return combined
}
