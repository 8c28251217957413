import {expect, test} from 'vitest'
import {z} from 'zod'
import {refinedConfigSchema} from '../../src/model/schemas/config.js'
import {keysAt} from '../../src/model/schema-keys.js'
import {describeIssue} from '../../src/model/zod-issues.js'

test('the keys an object of a schema may have, through optional, default, pipe, array, record and union', () => {
  const schema = z.strictObject({
    a: z.strictObject({b: z.string(), c: z.number().optional()}).default({b: 'x'}),
    list: z.array(z.strictObject({id: z.string(), label: z.string()})),
    byName: z.record(z.string(), z.strictObject({size: z.number()})),
    either: z.union([z.strictObject({left: z.string()}), z.strictObject({right: z.string()})]),
    piped: z.strictObject({inner: z.string()}).transform((value) => value.inner)
  })
  expect(keysAt(schema, [])).toEqual(['a', 'list', 'byName', 'either', 'piped'])
  expect(keysAt(schema, ['a'])).toEqual(['b', 'c'])
  expect(keysAt(schema, ['list', 3])).toEqual(['id', 'label'])
  expect(keysAt(schema, ['byName', 'anything'])).toEqual(['size'])
  expect(keysAt(schema, ['either'])).toEqual(['left', 'right'])
  expect(keysAt(schema, ['piped'])).toEqual(['inner'])
  expect(keysAt(schema, ['a', 'b'])).toEqual([])
  // rapporteur.yaml's own schema, refined: its top level and its print settings.
  expect(keysAt(refinedConfigSchema, [])).toContain('organisation')
  expect(keysAt(refinedConfigSchema, ['print'])).toContain('chapterStart')
})

test('an unknown key is reported with the closest known one, else with all of them, unless there are too many to read', () => {
  const issue = (keys: string[]) => ({code: 'unrecognized_keys', keys, path: [], input: {}, message: ''}) as unknown as z.core.$ZodIssue
  expect(describeIssue(issue(['organization']), 'rapporteur.yaml', ['title', 'organisation'])).toBe('Unexpected key `organization` in rapporteur.yaml, expected one of its keys, did you mean `organisation`?')
  expect(describeIssue(issue(['couleur']), '`print`', ['size', 'margins'])).toBe('Unexpected key `couleur` in `print`, expected one of `size`, `margins`')
  expect(describeIssue(issue(['jornal']), 'entry `doe`', Array.from({length: 40}, (_, index) => `key-${index}`))).toBe('Unexpected key `jornal` in entry `doe`')
  expect(describeIssue(issue(['x']), 'theme.yaml')).toBe('Unexpected key `x` in theme.yaml')
})
