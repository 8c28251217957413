import {describe, expect, test} from 'vitest'
import {projectPathSchema, visible} from '../../src/model/schemas/project-path.js'

/** Paths as Windows writers type them in rapporteur.yaml and sources.yaml: said with the path to write. */
describe('projectPathSchema', () => {
  const problem = (value: string) => {
    const result = projectPathSchema.safeParse(value)
    return result.success ? undefined : result.error.issues.map((issue) => issue.message).join('; ')
  }

  test('a relative path with `/` is a path', () => {
    expect(problem('chapters/01 Résumé – été.md')).toBeUndefined()
    expect(problem('./sources.yaml')).toBeUndefined()
  })

  test('backslashes: the path with `/`', () => {
    expect(problem('chapters\\01-findings.md')).toBe('a path written with `/`, as on the web and on every system: `chapters/01-findings.md`')
  })

  test('a NUL or a tab from YAML\'s double quotes: shown as written, with the path to write', () => {
    expect(problem('chapters\u00001-findings.md')).toBe('a path without control characters (`chapters\\01-findings.md`): in double quotes YAML reads `\\0`, `\\t` or `\\n` as one, so write the path with `/` (`chapters/01-findings.md`)')
  })

  test('a path from the root of the disk: the file copied into the report folder', () => {
    expect(problem('C:\\Users\\Marie\\OneDrive\\images\\logo.png')).toBe('a path relative to the report folder, not from the root of the disk: copy the file into the report folder and name it from there (`logo.png`)')
    expect(problem('/home/marie/logo.png')).toMatch(/^a path relative to the report folder/u)
  })

  test('visible: control characters as YAML writes them', () => {
    expect(visible('a\tb\u0001')).toBe('a\\tb\\x01')
  })
})
