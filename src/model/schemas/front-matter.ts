import {z} from 'zod'
import {idSchema} from './common.js'

/** Front matter of a chapter or of the synthesis. */
export const frontMatterSchema = z.strictObject({
  title: z.string().min(1).optional(),
  id: idSchema.optional(),
  /** Leave the chapter out of the table of contents. */
  toc: z.boolean().optional()
})

export type FrontMatter = z.infer<typeof frontMatterSchema>
