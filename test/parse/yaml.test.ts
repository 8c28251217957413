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
