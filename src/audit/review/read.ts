import type {VFile} from 'vfile'
import {positionFromOffsets} from '../../diagnostics/location.js'
import {reviewFileSchema, type ReviewFile} from '../../model/schemas/review.js'
import type {SchemaProblem} from '../../model/types.js'
import {describeIssue, eachKeyApart} from '../../model/zod-issues.js'
import {validationOptions} from '../../model/validation-options.js'
import {parseYaml, positionOfPath} from '../../parse/yaml.js'

/**
 * Read a review file (`review.json`): strict JSON, validated against its schema. Every problem is
 * placed in the file (JSON is YAML 1.2, so the YAML parser gives each value its line and column)
 * and goes to `problems`, for the `schema` rule; a file with any problem gives no review at all,
 * rather than half of one.
 */
export function parseReview(file: VFile, problems: SchemaProblem[]): ReviewFile | undefined {
  const text = String(file.value).replace(/^\uFEFF/u, '')
  const offset = String(file.value).length - text.length
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    problems.push({file: file.path, position: positionFromOffsets(file, offset + jsonErrorOffset(error as Error, text), offset + jsonErrorOffset(error as Error, text)), message: `Cannot parse JSON: ${jsonReason(error as Error)}, expected the review file the audit page saves`})
    return undefined
  }
  const source = parseYaml(file, text, offset)
  // Valid JSON the YAML reading refuses: a key given twice in one object.
  for (const error of source.errors) problems.push({file: file.path, position: error.position, message: error.message.replace('Cannot parse YAML: ', 'Cannot read JSON: ')})
  const located = source.errors.length === 0
  const result = reviewFileSchema.safeParse(data, validationOptions())
  if (!result.success) {
    for (const issue of eachKeyApart(result.error.issues)) {
      const keyOnly = issue.code === 'unrecognized_keys'
      const path = keyOnly ? [...issue.path, issue.keys[0] ?? ''] : issue.path
      const position = located ? positionOfPath(source, path, keyOnly) : positionFromOffsets(file, offset, offset)
      problems.push({file: file.path, position, message: describeIssue(issue, 'the review file')})
    }
    return undefined
  }
  return source.errors.length === 0 ? result.data : undefined
}

/**
 * Where the JSON broke. V8 says `at position N` for most errors, but not for an unexpected token
 * (Node 20): then find the shortest prefix of the text that fails other than by ending early.
 */
function jsonErrorOffset(error: Error, text: string): number {
  const at = /at position (\d+)/u.exec(error.message)
  if (at) return Number(at[1])
  if (/end of JSON input/u.test(error.message)) return text.length
  // A prefix that only ends early fails at its end (`Unterminated string … at position <its length>`).
  const breaks = (length: number) => {
    try {
      JSON.parse(text.slice(0, length))
      return false
    } catch (inner) {
      const message = (inner as Error).message
      const place = /at position (\d+)/u.exec(message)
      return !/end of JSON input/u.test(message) && !(place && Number(place[1]) >= length)
    }
  }
  let low = 0
  let high = text.length
  while (low < high) {
    const middle = Math.floor((low + high) / 2)
    if (breaks(middle)) high = middle
    else low = middle + 1
  }
  return Math.max(0, low - 1)
}

/** V8's message without the place (given apart) or the quoted text. */
function jsonReason(error: Error): string {
  return error.message
    .replace(/^(Unexpected token '.+?'), .* is not valid JSON$/su, '$1')
    .replace(/ in JSON at position \d+.*$/su, '')
    .replace(/ \(line \d+ column \d+\)$/u, '')
}
