import {describe, expect, test} from 'vitest'
import {VFile} from 'vfile'
import {parseYaml, positionOfPath} from '../../src/parse/yaml.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/** A key given twice is one mistake: one finding at the second, and the file is still read. */
describe('a YAML key given twice', () => {
  test('is found at the second, with the first’s place; the data has the last; a value’s place is the last’s', () => {
    const file = new VFile({path: 'sources.yaml', value: '- id: a\n  title: Un\n  title: Deux\n- id: b\n  title: Trois\n'})
    const source = parseYaml(file)
    expect(source.errors.map((error) => `${error.position.start.line}:${error.position.start.column} ${error.message}`)).toEqual(['3:3 Unexpected duplicate key `title`, expected each key once (first at line 2, column 3)'])
    expect(source.data).toEqual([{id: 'a', title: 'Deux'}, {id: 'b', title: 'Trois'}])
    expect(positionOfPath(source, [0, 'title']).start).toMatchObject({line: 3, column: 10})
  })

  test('in the sources registry: one finding, not one for each citation of the file', async () => {
    const schema = ruleFindings('schema')
    const unknown = ruleFindings('unknown-source')
    const files = {'sources.yaml': '- id: enquete-2024\n  type: survey\n  title: Enquête nationale\n  title: Enquête\n  author: Observatoire\n  date: 2024\n'}
    expect(await schema(files)).toEqual(['sources.yaml:4:3 Unexpected duplicate key `title`, expected each key once (first at line 3, column 3)'])
    expect(await unknown(files)).toEqual([])
  })
})

/** `lang: [fr`: the yaml library gives up lines below, at the next key; the bracket left open is the mistake. */
describe('a list or map in brackets left open', () => {
  const errors = (value: string) => parseYaml(new VFile({path: 'rapporteur.yaml', value})).errors.map((error) => `${error.position.start.line}:${error.position.start.column} ${error.message}`)

  test('is placed at its bracket, not where the parser gave up', () => {
    expect(errors('title: T\nlang: [fr\n\n# la date\ndate: 2026\n')).toEqual(['2:7 Cannot parse YAML: `[` opens a list that is not closed, expected `]` at its end, or the whole value in quotes (`key: "[…"`)'])
    expect(errors('title: T\naxes: {id: a, title: "x # [y"\nfoo: 1\n')).toEqual(['2:7 Cannot parse YAML: `{` opens a map that is not closed, expected `}` at its end, or the whole value in quotes (`key: "{…"`)'])
  })

  test('a bracket closed, or inside quotes or a comment, is not the one left open', () => {
    expect(errors('a: [x, y] # [z\nb: [1, "]"\nc: 2\n')).toEqual(['2:4 Cannot parse YAML: `[` opens a list that is not closed, expected `]` at its end, or the whole value in quotes (`key: "[…"`)'])
  })
})
