import {z} from 'zod'
import type {PartPreflight} from './combine-preflight.js'

/**
 * What the preflight read in a part's page (preflight.ts's PreflightReport, with how often the part
 * shows each image), as the layout store keeps it beside the part's PDF (api/layout-store.ts): a
 * kept report is read back through this schema, and one that does not match is printed again,
 * never handed to the findings half-read. Pages are numbers, or null where the page reads none
 * (an element outside every page).
 */
const page = z.number().int().positive().nullable()
const placed = z.object({id: z.string().optional(), text: z.string(), chapter: z.string().optional(), line: z.number().int().optional(), page})
const image = z.object({src: z.string(), nth: z.number().int().nonnegative().optional()})

const reportSchema = z.object({
  pageCount: z.number().int().nonnegative(),
  tocEntries: z.array(z.object({href: z.string(), page})),
  unresolvedRefs: z.array(z.string()),
  overflows: z.array(placed.extend({selector: z.string(), kind: z.string().optional(), image: z.object({src: z.string(), nth: z.number().int().nonnegative(), alt: z.string()}).optional()})),
  footnotes: z.array(z.object({id: z.string(), callPage: page, notePage: page})),
  strandedHeadings: z.array(placed),
  fonts: z.array(z.object({family: z.string(), status: z.enum(['loaded', 'failed', 'not-declared', 'generic']), synthesized: z.array(z.string()).optional()})),
  images: z.array(image.extend({dpi: z.number(), page})),
  brokenImages: z.array(image.extend({page})),
  splitBoxes: z.array(placed),
  crampedTables: z.array(placed.extend({needed: z.number(), available: z.number(), overflows: z.boolean().optional(), smaller: z.number().int().optional()}))
})

export const partPreflightSchema = z.object({report: reportSchema, images: z.record(z.string(), z.number().int().nonnegative())})

/** A kept part's preflight, or undefined when it is not one (a damaged or older entry). */
export function readPartPreflight(value: unknown): PartPreflight | undefined {
  const parsed = partPreflightSchema.safeParse(value)
  // The pages the browser could not read stay null, as they came from it (preflight.ts types them as numbers).
  return parsed.success ? (parsed.data as PartPreflight) : undefined
}
