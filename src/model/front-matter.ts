import type {Root} from 'mdast'
import type {VFile} from 'vfile'
import {positionOfPath, parseYaml} from '../parse/yaml.js'
import {frontMatterSchema, type FrontMatter} from './schemas/front-matter.js'
import {describeIssue} from './zod-issues.js'
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
  for (const issue of result.error.issues) {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path
    problems.push({file: file.path, position: positionOfPath(source, path, issue.code === 'unrecognized_keys'), message: describeIssue(issue, 'front matter')})
  }
  return {}
}
