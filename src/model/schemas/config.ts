import {z} from 'zod'
import {isPatternValid} from '../figures/ignore.js'
import {normalProjectPath} from '../project-path.js'
import {severitySettingSchema} from '../../diagnostics/severity.js'
import {idSchema, partialDateSchema} from './common.js'
import {expectedLanguageTag, languageTagProblem} from '../language-tag.js'
import {isPageSize} from './page-size.js'
import {projectPathSchema} from './project-path.js'
import {themeNameSchema} from './theme.js'

const lengthSchema = z.string().regex(/^\d+(\.\d+)?(mm|cm|in|pt|px)$/, 'a length such as `20mm`')

const editionSchema = z.strictObject({
  title: z.string().min(1),
  files: z.array(projectPathSchema).min(1),
  // It names the edition's files on the web (`rapport.html`, `rapport.pdf`) and the links between them.
  output: z.string().superRefine((value, context) => {
    if (!/^(?!\.)[\w.-]+$/u.test(value)) context.addIssue({code: 'custom', message: `a file name of plain letters, digits, \`-\`, \`_\` and \`.\`, without folder or extension, as web addresses keep them (\`${fileNameOf(value)}\`)`})
  }),
  /** A table of contents: by default only for an edition of three chapters or more. */
  toc: z.boolean().optional()
})

/** A colour as CSS and every PDF reader take it: `#1e6b45` or `#1e6`. */
export const hexColourSchema = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/u, 'a colour written `#rrggbb` or `#rgb`, such as `#1e6b45`')

const axisSchema = z.strictObject({
  id: idSchema,
  label: z.string().min(1),
  description: z.string().optional(),
  /** The axis's colour in the theme (`--rp-axis-<id>`); by default the theme's colour for its position. */
  color: hexColourSchema.optional()
})

const printSchema = z.strictObject({
  size: z.string().refine(isPageSize, 'a page size such as `A4`, `A5 landscape`, `letter` or `170mm 240mm`').default('A4'),
  margins: z
    .strictObject({top: lengthSchema, bottom: lengthSchema, inside: lengthSchema, outside: lengthSchema})
    .default({top: '20mm', bottom: '25mm', inside: '22mm', outside: '18mm'}),
  bleed: lengthSchema.default('0mm'),
  /** Printer's marks in a slug outside the bleed: `true` (crop marks) or a list of `crop`, `cross` (registration). */
  marks: z.union([z.boolean(), z.array(z.enum(['crop', 'cross']))]).default(false),
  chapterStart: z.enum(['right', 'any']).default('right'),
  /** A web link on paper: its text and, in brackets, its address (`address`), or its text alone (`text`). */
  links: z.enum(['address', 'text']).default('address'),
  /** PDF/X for the printer: the output profile the printer gives (a CMYK `.icc`) and its printing condition. */
  pdfx: z
    .strictObject({
      version: z.literal('x4'),
      profile: z.string().min(1),
      condition: z.string().min(1).default('Custom'),
      info: z.string().optional()
    })
    .optional()
})

const checkSchema = z.strictObject({
  figures: z
    .strictObject({
      scope: z.enum(['sentence', 'paragraph']).default('sentence'),
      /** The project's own non-figures: phrases as written (`le 3919`, `116 000`) or `/regular expressions/`. */
      ignore: z.array(z.string().min(1).refine(isPatternValid, {message: 'a phrase, or a valid `/regular expression/`'})).default([])
    })
    .default({scope: 'sentence', ignore: []}),
  sources: z.strictObject({maxAgeYears: z.number().int().positive().default(10)}).default({maxAgeYears: 10}),
  html: z.boolean().default(false),
  rules: z.record(z.string(), severitySettingSchema).default({})
})

/** `rapporteur.yaml`: the base shape with defaults; cross-field rules live in `refineConfig`. */
export const configSchema = z.strictObject({
  title: z.string().min(1),
  subtitle: z.string().optional(),
  organisation: z.string().min(1),
  /** A BCP 47 tag of a language CLDR names: the page's `lang`, the voice screen readers read it with. */
  lang: z.string().superRefine((value, context) => {
    const problem = languageTagProblem(value)
    if (problem) context.addIssue({code: 'custom', message: expectedLanguageTag(problem), input: value})
  }),
  date: partialDateSchema,
  authors: z.array(z.string()).optional(),
  /** The organisation's logo on the cover (an image file of the report folder, SVG or PNG). */
  logo: projectPathSchema.optional(),
  /**
   * A picture on the cover (an image file of the report folder): its description for screen readers,
   * and the credit printed under it (a photograph's author and licence).
   */
  cover: z.strictObject({image: projectPathSchema, alt: z.string().min(1), credit: z.string().min(1).optional()}).optional(),
  contact: z
    .strictObject({name: z.string().optional(), email: z.string().optional(), url: z.string().optional(), address: z.string().optional(), phone: z.string().optional()})
    .optional(),
  axes: z.array(axisSchema).min(1),
  editions: z.strictObject({full: editionSchema, synthesis: editionSchema.optional()}),
  /** The sources registry: one file, or several read in turn (Pandoc's `bibliography:` list), e.g. `[sources.yaml, zotero.json]`. */
  sources: z.union([projectPathSchema, z.array(projectPathSchema).min(1)]).optional(),
  glossary: projectPathSchema.default('glossary.yaml'),
  theme: themeNameSchema.default('default'),
  citations: z.strictObject({style: z.enum(['notes', 'author-date']).default('notes'), csl: projectPathSchema.optional()}).default({style: 'notes'}),
  print: printSchema.default(printSchema.parse({})),
  check: checkSchema.default(checkSchema.parse({}))
})

/** Cross-field rules, with the exact path of the offending value. */
export const refinedConfigSchema = configSchema.superRefine((config, context) => {
  const seen = new Set<string>()
  config.axes.forEach((axis, index) => {
    if (seen.has(axis.id)) context.addIssue({code: 'custom', path: ['axes', index, 'id'], message: `duplicate axis id \`${axis.id}\``})
    seen.add(axis.id)
  })
  // A file listed twice would be read once, at its first place: the second entry is a slip.
  for (const name of ['full', 'synthesis'] as const) {
    const files = new Set<string>()
    config.editions[name]?.files.forEach((file, index) => {
      const normal = normalProjectPath(file)
      if (files.has(normal)) context.addIssue({code: 'custom', path: ['editions', name, 'files', index], message: `\`${file}\` is listed twice in this edition, expected each file once`})
      files.add(normal)
    })
  }
  // A registry listed twice would be read twice, every one of its ids a duplicate.
  const registries = new Set<string>()
  registryFiles(config).forEach((file, index) => {
    const normal = normalProjectPath(file)
    if (registries.has(normal)) context.addIssue({code: 'custom', path: ['sources', index], message: `\`${file}\` is listed twice in \`sources\`, expected each file once`})
    registries.add(normal)
  })
  // Two editions with one output name would overwrite each other's files (case-insensitive file systems too).
  const synthesis = config.editions.synthesis
  if (synthesis && synthesis.output.toLowerCase() === config.editions.full.output.toLowerCase()) {
    context.addIssue({code: 'custom', path: ['editions', 'synthesis', 'output'], message: `an output name other than the full edition's \`${config.editions.full.output}\``})
  }
})

/** Each edition's output name (`rapport`: `rapport.html` and `rapport.pdf`), for links between the published files. */
export function editionOutputs(config: Pick<Config, 'editions'>): Array<{edition: EditionName; output: string}> {
  return (['full', 'synthesis'] as const).flatMap((edition) => (config.editions[edition] ? [{edition, output: config.editions[edition].output}] : []))
}

/** The registry files `sources:` names, in the order they are read (none: the default names are looked for). */
export function registryFiles(config: Pick<Config, 'sources'>): string[] {
  return config.sources === undefined ? [] : typeof config.sources === 'string' ? [config.sources] : config.sources
}

export type Config = z.infer<typeof configSchema>
export type Edition = z.infer<typeof editionSchema>
export type EditionName = 'full' | 'synthesis'

/** A title as an output name: accents dropped, spaces and other signs as one `-`, in lower case. */
function fileNameOf(value: string): string {
  const name = value.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').toLowerCase().replace(/[^a-z0-9_.]+/gu, '-').replace(/^[-.]+|-+$/gu, '')
  return name || 'rapport'
}
