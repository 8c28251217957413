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

describe('whitespace YAML refuses, as Word and Notepad type it', () => {
  const read = (value: string) => {
    const source = parseYaml(new VFile({path: 'sources.yaml', value}))
    return {data: source.data, errors: source.errors.map((error) => `${error.position.start.line}:${error.position.start.column} ${error.message}`), source}
  }

  test('a tab indenting a line is read as two spaces, and said once, at its place; the other entries are read', () => {
    const {data, errors, source} = read('- id: a\n\ttitle: Un\n  author: X\n- id: b\n  title: Deux\n')
    expect(errors).toEqual(['2:1 Unexpected tab in the indentation, expected spaces (YAML takes no tabs): read as two spaces'])
    expect(data).toEqual([{id: 'a', title: 'Un', author: 'X'}, {id: 'b', title: 'Deux'}])
    // Places after the tab are the file's own.
    expect(positionOfPath(source, [0, 'author']).start).toMatchObject({line: 3, column: 11})
    expect(positionOfPath(source, [0, 'title']).start).toMatchObject({line: 2, column: 9})
  })

  test('a no-break space indenting a line or after a colon is read as a space; one inside a value stays', () => {
    const {data, errors} = read('- id: a\n\u00a0\u00a0title:\u00a010\u00a0% des cas\n')
    expect(errors).toEqual(['2:1 Unexpected no-break space where YAML needs a space (Word and some keyboards type one), expected a plain space: read as one'])
    expect(data).toEqual([{id: 'a', title: '10\u00a0% des cas'}])
  })
})

describe('a `#` that cuts a value short', () => {
  test('a `#` with no space after it, after a value, is said with the value to quote; a comment is not', () => {
    const source = parseYaml(new VFile({path: 'rapporteur.yaml', value: 'title: Enquête #2 : résultats\nfiles:\n  - chapters/Partie #2.md\n  - a.md # un commentaire\nb: "x" #y\n'}))
    expect(source.errors.map((error) => `${error.position.start.line}:${error.position.start.column} ${error.message}`)).toEqual([
      '1:16 Unexpected `#2 : résultats` after `Enquête`, read by YAML as a comment and left out, expected the whole value in quotes if it is part of it (`"Enquête #2 : résultats"`), or a space after `#` for a comment',
      '3:21 Unexpected `#2.md` after `chapters/Partie`, read by YAML as a comment and left out, expected the whole value in quotes if it is part of it (`"chapters/Partie #2.md"`), or a space after `#` for a comment'
    ])
    expect(source.data).toEqual({title: 'Enquête', files: ['chapters/Partie', 'a.md'], b: 'x'})
  })
})

test('JSON indented with tabs, as many tools write it, is read as it is', () => {
  const source = parseYaml(new VFile({path: 'sources.json', value: '[\n\t{\n\t\t"id": "a",\n\t\t"title": "Un"\n\t}\n]\n'}))
  expect(source.errors).toEqual([])
  expect(source.data).toEqual([{id: 'a', title: 'Un'}])
})
