import {describe, expect, test} from 'vitest'
import {setAside} from '../../src/load/config-set-aside.js'

/** What a config with mistakes is read as meanwhile (load/config-set-aside.ts): the rest, or nothing. */
const none = () => false

describe('a config with its mistakes set aside', () => {
  test('unknown keys and values of the wrong shape go; the rest stays as written', () => {
    const data = {title: 'T', organisaton: 'O', print: {size: 'A4-ish', bleed: '3mm'}}
    const issues = [{code: 'unrecognized_keys', path: [], keys: ['organisaton']}, {code: 'custom', path: ['print', 'size']}]
    expect(setAside(data, issues, none)).toEqual({title: 'T', print: {bleed: '3mm'}})
    // The data read from the file is left as it was.
    expect(data.print.size).toBe('A4-ish')
  })

  test('an item of a list, or the whole file, cannot be set aside', () => {
    expect(setAside({editions: {full: {files: ['a.md', 3]}}}, [{code: 'invalid_type', path: ['editions', 'full', 'files', 1]}], none)).toBeUndefined()
    expect(setAside(['not', 'a', 'map'], [{code: 'invalid_type', path: []}], none)).toBeUndefined()
  })

  test("Pandoc's bibliography is read as the sources when every file it names is there", () => {
    const issues = [{code: 'unrecognized_keys', path: [], keys: ['bibliography']}]
    expect(setAside({bibliography: ['refs.bib', 'z.json']}, issues, (file) => file === 'refs.bib' || file === 'z.json')).toEqual({sources: ['refs.bib', 'z.json']})
    expect(setAside({bibliography: ['refs.bib', 'gone.json']}, issues, (file) => file === 'refs.bib')).toEqual({})
    expect(setAside({bibliography: 'refs.bib', sources: 'sources.yaml'}, issues, () => true)).toEqual({sources: 'sources.yaml'})
  })
})
