import {z} from 'zod'
import {idSchema} from './common.js'

export const glossaryEntrySchema = z.strictObject({
  id: idSchema,
  term: z.string().min(1),
  definition: z.string().min(1),
  // One alias or one entry to see is often written without brackets (`see: grooming`): a list of one.
  aliases: oneOrMany(z.string()).default([]),
  see: oneOrMany(idSchema).default([])
})

function oneOrMany<T extends z.ZodType<string>>(item: T) {
  return z.union([z.array(item), item.transform((value) => [value])])
}

export const glossarySchema = z.array(glossaryEntrySchema)

export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>
