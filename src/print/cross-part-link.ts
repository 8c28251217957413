/**
 * Where a link points when its target sits in another part of a document printed part by part
 * (print-parts.ts): Chromium writes no annotation for a `#id` its own document does not hold, so
 * such a link is written as this address followed by the id (`rapporteur-part:#ch-3`), which it
 * prints as a URI link, and joinPdfs (join-pdfs.ts) makes it point at the destination again. A
 * scheme of its own, not `https:`: a stylesheet's `a[href^="http"]` (print.css breaks such
 * addresses anywhere) must not take it for a web link.
 */
export const CROSS_PART_LINK = 'rapporteur-part:#'
