import type {Root} from 'mdast'
import {z} from 'zod'
import type {VFile} from 'vfile'
import {positionOfPath, parseYaml} from '../parse/yaml.js'
import {frontMatterSchema, type FrontMatter} from './schemas/front-matter.js'
import {describeIssue, eachKeyApart} from './zod-issues.js'
import {validationOptions} from './validation-options.js'
import type {SchemaProblem} from './types.js'

/** Read and validate a document's front matter; problems are placed in the YAML block. */
export function readFrontMatter(file: VFile, tree: Root, problems: SchemaProblem[]): FrontMatter {
  const node = tree.children[0]
  if (node?.type !== 'yaml' || node.position?.start.offset === undefined) return {}
  const text = String(file.value)
  // The YAML text starts on the line after the opening `---`.
  const offset = text.indexOf('\n', node.position.start.offset) + 1
  const source = parseYaml(file, node.value, offset)
  for (const error of source.errors) problems.push({file: file.path, ...error})
  if (source.data === undefined || source.data === null) return {}
  const result = frontMatterSchema.safeParse(source.data, validationOptions())
  if (result.success) return result.data
  for (const issue of eachKeyApart(result.error.issues)) {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path
    const message = issue.code === 'unrecognized_keys' && issue.path.length === 0 ? unknownKeys(issue.keys) : describeIssue(issue, 'front matter')
    problems.push({file: file.path, position: positionOfPath(source, path, issue.code === 'unrecognized_keys'), message})
  }
  // Keys it does not read are reported, not a reason to lose those it does: a Quarto chapter's
  // `title:` next to its `author:` and `format:` is still its title.
  const known = lenientSchema.safeParse(source.data, validationOptions())
  return known.success ? known.data : {}
}

/** The front matter's own keys, others left aside (they are reported). */
const lenientSchema = z.object(frontMatterSchema.shape)

/** Keys of Pandoc's and Quarto's front matter that have a place in rapporteur.yaml. */
const movedToConfig: Record<string, string> = {author: 'authors', date: 'date', subtitle: 'subtitle', lang: 'lang', bibliography: 'sources', csl: 'citations.csl'}

function unknownKeys(keys: readonly string[]): string {
  const allowed = Object.keys(frontMatterSchema.shape).map((key) => `\`${key}\``)
  const moved = keys.filter((key) => key in movedToConfig).map((key) => `\`${key}\` is \`${movedToConfig[key]}\` there`)
  const where = moved.length > 0 ? `; the report's own settings are in rapporteur.yaml (${moved.join(', ')})` : ''
  return `Unexpected key${keys.length > 1 ? 's' : ''} ${keys.map((key) => `\`${key}\``).join(', ')} in front matter, expected ${allowed.slice(0, -1).join(', ')} or ${allowed.at(-1)}${where}: ${keys.length > 1 ? 'they are' : 'it is'} not read`
}
