import {z} from 'zod'

/** What a reviewer can say of a figure; a figure with neither is unreviewed. */
export const reviewMarkStatuses = ['verified', 'queried'] as const
export type ReviewMarkStatus = (typeof reviewMarkStatuses)[number]

/** `2026-03-01T10:00:00.000Z`, as the page's `Date.toISOString()` writes it (an offset is accepted). */
const timeSchema = z.iso.datetime({offset: true, error: 'expected a time such as `2026-03-01T10:00:00.000Z`'})

/**
 * One mark: the verdict and note, and the figure as it was when marked. `fingerprint` is what
 * matches it to a figure on the next run; the rest is for people reading the file, and for
 * finding the figure again when its sentence or source changed (`src/audit/review/match.ts`).
 */
export const reviewMarkSchema = z.strictObject({
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/u, 'expected 16 hexadecimal digits, as the audit page writes them'),
  status: z.enum(reviewMarkStatuses),
  note: z.string().max(20_000).default(''),
  at: timeSchema,
  figure: z.string().min(1),
  file: z.string().min(1),
  line: z.number().int().positive(),
  sentence: z.string(),
  sources: z.array(z.string()).default([])
})

/** `review.json`: what the audit page's "Save review" writes and `check --review` reads back. */
export const reviewFileSchema = z
  .strictObject({
    rapporteur: z.literal('review'),
    version: z.literal(1),
    project: z.strictObject({title: z.string(), organisation: z.string()}),
    savedAt: timeSchema,
    marks: z.array(reviewMarkSchema)
  })
  .superRefine((review, context) => {
    // Two marks for one figure would make the result depend on their order: say so, at the second.
    const first = new Map<string, number>()
    review.marks.forEach((mark, index) => {
      const seen = first.get(mark.fingerprint)
      if (seen === undefined) first.set(mark.fingerprint, index)
      else context.addIssue({code: 'custom', path: ['marks', index, 'fingerprint'], message: `the figure of \`marks[${seen}]\` again, expected one mark per figure`, input: mark.fingerprint})
    })
  })

export type ReviewMark = z.infer<typeof reviewMarkSchema>
export type ReviewFile = z.infer<typeof reviewFileSchema>
