import {z} from 'zod'
import {webAddressSchema} from './common.js'

/**
 * CSL-JSON as the CSL 1.0.2 data schema (`csl-data.json`) defines it: the shape of every source
 * inside rapporteur, whatever file it came from. Variables are grouped by kind, because the kind
 * decides the shape (names are lists of name objects, dates are date objects, the rest text).
 */

export const cslTypes = [
  'article', 'article-journal', 'article-magazine', 'article-newspaper', 'bill', 'book', 'broadcast', 'chapter',
  'classic', 'collection', 'dataset', 'document', 'entry', 'entry-dictionary', 'entry-encyclopedia', 'event',
  'figure', 'graphic', 'hearing', 'interview', 'legal_case', 'legislation', 'manuscript', 'map', 'motion_picture',
  'musical_score', 'pamphlet', 'paper-conference', 'patent', 'performance', 'periodical', 'personal_communication',
  'post', 'post-weblog', 'regulation', 'report', 'review', 'review-book', 'software', 'song', 'speech', 'standard',
  'thesis', 'treaty', 'webpage'
] as const

export const cslNameVariables = [
  'author', 'chair', 'collection-editor', 'compiler', 'composer', 'container-author', 'contributor', 'curator',
  'director', 'editor', 'editorial-director', 'executive-producer', 'guest', 'host', 'illustrator', 'interviewer',
  'narrator', 'organizer', 'original-author', 'performer', 'producer', 'recipient', 'reviewed-author',
  'script-writer', 'series-creator', 'translator'
] as const

export const cslDateVariables = ['accessed', 'available-date', 'event-date', 'issued', 'original-date', 'submitted'] as const

export const cslNumberVariables = [
  'chapter-number', 'citation-number', 'collection-number', 'edition', 'first-reference-note-number', 'issue',
  'locator', 'number', 'number-of-pages', 'number-of-volumes', 'page', 'page-first', 'part-number',
  'printing-number', 'section', 'supplement-number', 'version', 'volume'
] as const

export const cslTextVariables = [
  'abstract', 'annote', 'archive', 'archive_collection', 'archive_location', 'archive-place', 'authority',
  'call-number', 'citation-key', 'citation-label', 'collection-title', 'container-title', 'container-title-short',
  'dimensions', 'division', 'DOI', 'event', 'event-title', 'event-place', 'genre', 'ISBN', 'ISSN', 'jurisdiction',
  'keyword', 'language', 'license', 'medium', 'note', 'original-publisher', 'original-publisher-place',
  'original-title', 'part-title', 'PMCID', 'PMID', 'publisher', 'publisher-place', 'references', 'reviewed-genre',
  'reviewed-title', 'scale', 'source', 'status', 'title', 'title-short', 'URL', 'volume-title', 'year-suffix'
] as const

/** A person or an organisation (`literal`), with Pandoc's and Zotero's particles kept apart. */
export const cslNameSchema = z.looseObject({
  family: z.string().optional(),
  given: z.string().optional(),
  'dropping-particle': z.string().optional(),
  'non-dropping-particle': z.string().optional(),
  suffix: z.string().optional(),
  'comma-suffix': z.union([z.string(), z.number(), z.boolean()]).optional(),
  'static-ordering': z.union([z.string(), z.number(), z.boolean()]).optional(),
  literal: z.string().optional(),
  'parse-names': z.union([z.string(), z.number(), z.boolean()]).optional()
})

const datePart = z.union([z.number(), z.string()])

/** A date object; an EDTF string (`2021-05`, allowed by CSL 1.0.2) is read as `raw`. */
/** A CSL date object: `{"date-parts": [[2024, 5, 1]]}`, `{raw: …}`, `{literal: …}`. */
export const cslDateObjectSchema = z.looseObject({
  'date-parts': z.array(z.array(datePart).min(1).max(3)).min(1).max(2).optional(),
  season: z.union([z.number(), z.string()]).optional(),
  circa: z.union([z.string(), z.number(), z.boolean()]).optional(),
  literal: z.string().optional(),
  raw: z.string().optional()
})

export const cslDateSchema = z.union([
  cslDateObjectSchema,
  z.string().transform((raw) => ({raw}))
], {error: 'a date such as {"date-parts": [[2024, 5, 1]]} or "2024-05-01"'})

const textValue = z.union([z.string(), z.number()]).transform(String)
const numberValue = z.union([z.string(), z.number()])

function variablesShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {
    categories: z.array(z.string()).optional(),
    custom: z.record(z.string(), z.unknown()).optional()
  }
  for (const name of cslNameVariables) shape[name] = z.array(cslNameSchema).optional()
  for (const name of cslDateVariables) shape[name] = cslDateSchema.optional()
  for (const name of cslNumberVariables) shape[name] = numberValue.optional()
  for (const name of cslTextVariables) shape[name] = textValue.optional()
  // As in sources.yaml: `www.exemple.org/page`, without its scheme, is refused with it (the
  // bibliography linked it to doi.org, taking it for a DOI).
  shape.URL = webAddressSchema.optional()
  return shape
}

/**
 * One CSL-JSON item. Keys that are not CSL variables are kept (`looseObject`): they are reported
 * by `unread-field`, since no style prints them, but nothing the file holds is lost.
 */
export const cslItemSchema = z.looseObject({
  ...variablesShape(),
  id: z.union([z.string().min(1), z.number()]).transform(String),
  type: z.enum(cslTypes)
})

export type CslName = z.infer<typeof cslNameSchema>
export type CslDate = {'date-parts'?: Array<Array<number | string>>; season?: number | string; circa?: unknown; literal?: string; raw?: string}
/** A validated CSL-JSON item: what citeproc formats. */
export type CslItem = {id: string; type: (typeof cslTypes)[number]} & Record<string, unknown>

export const cslVariables: ReadonlySet<string> = new Set(['id', 'type', 'categories', 'custom', ...cslNameVariables, ...cslDateVariables, ...cslNumberVariables, ...cslTextVariables])

/** A CSL style: its XML and where it comes from (a file name, for messages). */
export interface CslStyle {
  xml: string
  name: string
  /** True for the project's own `citations.csl`, false for rapporteur's defaults. */
  custom: boolean
}
