import {check} from '../../src/api/check.js'
import type {Example} from '../../src/check/rule.js'
import {writeProject} from './project.js'
import {temporaryFolders} from './temporary.js'

/**
 * The projects this module made for the test file importing it, removed after its tests: the hook
 * is registered as the file imports the module, so that a `ruleFindings` made inside a test (where
 * vitest takes no new hook) leaves no folder behind either (six were left in /tmp by each run).
 */
const {keep} = temporaryFolders()

/**
 * For a test file about one rule: a function that checks a project made of these files (laid over
 * the base project) and gives that rule's findings as `file:line:column message`, with the end
 * column (`file:line:column-end`) when `endColumn`, the message cut to `length` characters when
 * given. The projects are removed after the file's tests.
 */
export function ruleFindings(ruleId: string, {length, endColumn = false}: {length?: number; endColumn?: boolean} = {}): (files: Example) => Promise<string[]> {
  return async (files) => {
    const dir = keep(await writeProject(files))
    const result = await check(dir)
    return result.files.flatMap((file) =>
      file.messages
        .filter((message) => message.ruleId === ruleId)
        .map((message) => {
          const end = endColumn ? `-${message.place && 'end' in message.place ? message.place.end.column : ''}` : ''
          return `${file.path}:${message.line}:${message.column}${end} ${length === undefined ? message.reason : message.reason.slice(0, length)}`
        })
    )
  }
}
