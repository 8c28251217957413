import {z} from 'zod'
import {idSchema} from './common.js'

export const glossaryEntrySchema = z.strictObject({
  id: idSchema,
  term: z.string().min(1),
  definition: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  see: z.array(idSchema).default([])
})

export const glossarySchema = z.array(glossaryEntrySchema)

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>
