import {describe, expect, test} from 'vitest'
import {z} from 'zod'
import {validateEntries} from '../../src/model/registry/entries.js'
import {directiveSchemas} from '../../src/model/schemas/directives.js'
import {sourceEntrySchema} from '../../src/model/schemas/sources.js'
import {validationOptions} from '../../src/model/validation-options.js'

/**
 * A few values are validated by zod's generic path, many by the path zod compiles for a schema
 * (validation-options.ts). Both must find the same: the same data, the same issues, the same
 * messages, whichever way a value goes.
 */
const place = {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}

describe('validationOptions', () => {
  test('the generic path for a few values, the compiled one from a few hundred', () => {
    expect(validationOptions().jitless).toBe(true)
    expect(validationOptions(10).jitless).toBe(true)
    expect(validationOptions(1000).jitless).toBe(false)
    expect(validationOptions().reportInput).toBe(true)
  })

  test.each([
    ['a recommendation', directiveSchemas.containerDirective.recommendation, {n: 'trois', priority: 'urgent', extra: 'x'}],
    ['a recommendation', directiveSchemas.containerDirective.recommendation, {n: '3'}],
    ['a stat', directiveSchemas.containerDirective.stat, {value: '', source: 42}],
    ['a term', directiveSchemas.textDirective.term, {id: 'ia', other: 'y'}],
    ['a source', sourceEntrySchema, {id: 'x', type: 'report', title: 'T', date: 'two thousand', url: 'not a url', unknown: 1}],
    ['a source', sourceEntrySchema, {id: 'x', type: 'report', title: 'T', author: 'A', date: 2024}]
  ])('%s validates the same both ways', (_, schema: z.ZodType, value) => {
    const generic = schema.safeParse(value, validationOptions(1))
    const compiled = schema.safeParse(value, validationOptions(10_000))
    expect(compiled.success).toBe(generic.success)
    expect(compiled.data).toEqual(generic.data)
    expect(compiled.error?.issues).toEqual(generic.error?.issues)
  })

  test('a long registry (the compiled path) reports a bad entry as a short one does', () => {
    const good = (index: number) => ({id: `s${index}`, type: 'report', title: `Rapport ${index}`, author: 'Fondation', date: 2020})
    const bad = {id: 'bad', type: 'reprot', title: 42, date: 'deux mille', colour: 'red'}
    const run = (items: unknown[]) => {
      const problems: Array<{message: string}> = []
      const entries = validateEntries(items, sourceEntrySchema, 'sources.yaml', () => place, problems as never)
      return {count: entries.length, messages: problems.map((problem) => problem.message)}
    }
    const short = run([good(0), bad])
    const long = run([...Array.from({length: 500}, (_, index) => good(index)), bad])
    expect(short.messages.length).toBeGreaterThan(0)
    expect(long.messages).toEqual(short.messages)
    expect(long.count).toBe(500)
    expect(short.count).toBe(1)
  })
})
