import {z} from 'zod'
import {idSchema} from './common.js'

/** Directive attributes arrive as strings; a bare `key` arrives as ''. */
const flag = z.string().optional().transform((value) => value !== undefined)

/** A block in another language than the report's (`lang=en`), or another direction: kept on its element for screen readers and hyphenation. */
const language = {lang: z.string().min(1).optional(), dir: z.enum(['ltr', 'rtl', 'auto']).optional()}

export const recommendationAttributes = z.object({id: idSchema, axis: z.string().min(1), actors: z.string().optional(), ...language})
export const statAttributes = z.object({id: idSchema, value: z.string().min(1), source: z.string().min(1), locator: z.string().optional(), key: flag, ...language})
export const viewpointAttributes = z.object({author: z.string().min(1), role: z.string().optional(), ...language})
export const calloutAttributes = z.object({title: z.string().optional(), ...language})
export const recommendationsListAttributes = z.object({axis: z.string().optional()})
export const termAttributes = z.object({id: z.string().optional(), lang: language.lang})
export const waiveAttributes = z.object({reason: z.string().trim().min(1, 'a reason, e.g. `reason="exemple fictif"`')})

/** How each kind of directive is written: `:::callout`, `::toc`, `:term`. */
export const directiveMarks = {containerDirective: ':::', leafDirective: '::', textDirective: ':'} as const

/** Every directive the format knows, by kind, with its attribute schema. */
export const directiveSchemas = {
  containerDirective: {recommendation: recommendationAttributes, stat: statAttributes, viewpoint: viewpointAttributes, callout: calloutAttributes},
  leafDirective: {recommendations: recommendationsListAttributes, keyfigures: z.object({}), glossary: z.object({}), bibliography: z.object({}), toc: z.object({})},
  textDirective: {term: termAttributes, ref: z.object({}), waive: waiveAttributes}
} as const

export type DirectiveKind = keyof typeof directiveSchemas
export type RecommendationAttributes = z.infer<typeof recommendationAttributes>
export type StatAttributes = z.infer<typeof statAttributes>
