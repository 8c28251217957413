import {z} from 'zod'
import {idSchema, partialDateSchema, stringListSchema} from './common.js'

export const sourceTypes = ['report', 'survey', 'article', 'law', 'dataset', 'webpage', 'interview', 'press-release', 'book', 'hearing'] as const

/** One entry of `sources.yaml`; CSL-JSON and BibTeX entries are mapped onto the same shape. */
export const sourceSchema = z.strictObject({
  id: idSchema,
  type: z.enum(sourceTypes),
  title: z.string().min(1),
  author: stringListSchema,
  date: partialDateSchema,
  publisher: z.string().optional(),
  url: z.url().optional(),
  accessed: partialDateSchema.optional(),
  pages: z.union([z.string(), z.number()]).transform(String).optional(),
  note: z.string().optional()
})

export const sourcesSchema = z.array(sourceSchema)

export type Source = z.infer<typeof sourceSchema>
export type SourceType = Source['type']
