import {z} from 'zod'
import {projectPathSchema} from './project-path.js'
import {idSchema, partialDateSchema, webAddressSchema} from './common.js'
import {cslDateObjectSchema, cslDateVariables, cslNameSchema, cslNameVariables, cslNumberVariables, cslTextVariables, cslTypes, type CslItem} from './csl.js'

/** rapporteur's own kinds of source: what the rules reason about (a web page needs its URL…). */
export const sourceKinds = ['report', 'survey', 'article', 'law', 'dataset', 'webpage', 'interview', 'press-release', 'book', 'hearing'] as const
export type SourceKind = (typeof sourceKinds)[number]

/** A name as a writer gives it: a string is an organisation or a name kept as written (CSL `literal`). */
const nameSchema = z.union([z.string().min(1), cslNameSchema])
const namesSchema = z.union([nameSchema, z.array(nameSchema).min(1)]).transform((value) => (Array.isArray(value) ? value : [value]))
/**
 * `2024`, `2024-04` or `2024-04-23`, or a CSL date object. A date written another way
 * (`accessed: 15.01.2026`) is refused with its ISO form, as `date` is: read as CSL's `raw`, it was
 * dropped without a word, and the web page reported without `accessed`.
 */
const dateSchema = z.union([partialDateSchema, cslDateObjectSchema])

const knownTypes: ReadonlySet<string> = new Set([...sourceKinds, ...cslTypes])

/** One of our kinds, or any CSL type; the message lists ours and points at CSL's, not all 55. */
const sourceTypeSchema = z.string().refine((type) => knownTypes.has(type), {
  message: `expected one of ${sourceKinds.join(', ')}, or a CSL type such as article-journal, chapter, thesis, paper-conference or legislation`
})

/** The friendly fields and their CSL names: a writer may use either, not both. */
export const friendlyFields = {date: 'issued', url: 'URL', pages: 'page'} as const

function shapeOf(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {}
  for (const name of cslNameVariables) shape[name] = namesSchema.optional()
  for (const name of cslDateVariables) shape[name] = dateSchema.optional()
  for (const name of cslNumberVariables) shape[name] = z.union([z.string(), z.number()]).optional()
  for (const name of cslTextVariables) shape[name] = z.union([z.string(), z.number()]).transform(String).optional()
  return shape
}

/**
 * One entry of `sources.yaml`: `id`, `type` (ours or a CSL type), `title`, `author`, `date`, and
 * every CSL variable under its CSL name. `note` is the reviewers' own note: it is kept and
 * exported, never printed.
 */
export const sourceEntrySchema = z
  .strictObject({
    ...shapeOf(),
    id: idSchema,
    type: sourceTypeSchema,
    title: z.string().min(1),
    author: namesSchema,
    date: partialDateSchema.optional(),
    url: webAddressSchema.optional(),
    URL: webAddressSchema.optional(),
    pages: z.union([z.string(), z.number()]).transform(String).optional(),
    file: projectPathSchema.optional(),
    categories: z.array(z.string()).optional(),
    custom: z.record(z.string(), z.unknown()).optional()
  })
  .superRefine((value, context) => {
    const entry = value as Record<string, unknown>
    for (const [friendly, csl] of Object.entries(friendlyFields)) {
      if (entry[friendly] !== undefined && entry[csl] !== undefined) context.addIssue({code: 'custom', path: [csl], message: `either \`${friendly}\` or \`${csl}\`, not both`})
    }
    if (entry.date === undefined && entry.issued === undefined) context.addIssue({code: 'custom', path: ['date'], message: 'a `date` (YYYY, YYYY-MM or YYYY-MM-DD)', input: undefined})
  })

/** An entry as validated: the named fields, and any CSL variable by its name. */
export type SourceEntry = z.infer<typeof sourceEntrySchema> & Record<string, unknown>

/**
 * A source inside rapporteur: the whole CSL-JSON item (`csl`, what styles format and `export
 * sources` gives), and a summary of it that rules, the audit page and exports read.
 */
export interface Source {
  id: string
  /** The type as written: one of ours, a CSL type, or a BibTeX entry type (`techreport`). */
  type: string
  /** Our kind of source, when the type maps onto one. */
  kind: SourceKind | undefined
  title: string | undefined
  /** Names as a reader sees them: `Kees de Hoogh`, `Fondation pour l'Enfance`. */
  author: string[]
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when the item has no usable date. */
  date: string | undefined
  /** The publisher, or the authority that issued a law. */
  publisher: string | undefined
  /** The journal, newspaper, website or book the source is part of (CSL's `container-title`). */
  container: string | undefined
  url: string | undefined
  accessed: string | undefined
  pages: string | undefined
  /** The reviewers' note of `sources.yaml` (never printed), or the CSL `note`. */
  note: string | undefined
  /** An archived copy inside the project (`sources/rapport.pdf`): figures are looked up in it. */
  file?: string
  csl: CslItem
}
