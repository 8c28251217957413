import {existsSync, readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {describe, expect, test} from 'vitest'
import {defaultStylesRoot} from '../../src/load/citation-style.js'
import {cslStyleProblems} from '../../src/load/csl-style-file.js'

/** A project's CSL style is checked before citeproc-js runs it: what would crash it is a finding with a place. */
const problemsOf = (xml: string) => cslStyleProblems(new VFile({path: 'styles/style.csl', value: xml})).map((problem) => `${problem.position.start.line}:${problem.position.start.column} ${problem.message}`)

const head = '<?xml version="1.0" encoding="utf-8"?>\n<style xmlns="http://purl.org/net/xbiblio/csl" class="note" version="1.0">\n'

describe('a CSL style file', () => {
  test("rapporteur's own styles pass", () => {
    for (const name of readdirSync(defaultStylesRoot).filter((file) => file.endsWith('.csl'))) {
      expect(problemsOf(readFileSync(path.join(defaultStylesRoot, name), 'utf8')), name).toEqual([])
    }
  })

  const shared = path.join(import.meta.dirname, '../../../shared/csl')
  test.skipIf(!existsSync(shared))('styles of the CSL repository pass (../shared/csl; skipped where absent)', () => {
    for (const name of readdirSync(shared).filter((file) => file.endsWith('.csl'))) {
      expect(problemsOf(readFileSync(path.join(shared, name), 'utf8')), name).toEqual([])
    }
  })

  test('XML that does not parse is placed where it breaks', () => {
    expect(problemsOf('<style>not a CSL style</styl>\n')).toEqual([expect.stringMatching(/^1:\d+ Cannot read the CSL style, the XML does not parse: Missing end tag for element style$/)])
  })

  test('a root that is not a CSL style', () => {
    expect(problemsOf('<style>not a CSL style</style>\n')).toEqual(['1:1 Unexpected root `<style>`, expected a CSL style: `<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0">`'])
    expect(problemsOf('<html><body/></html>')[0]).toMatch(/^1:1 Unexpected root `<html>`/)
  })

  test('a dependent style names its parent', () => {
    const xml = `${head}<info><title>Journal X</title><link href="http://www.zotero.org/styles/apa" rel="independent-parent"/></info>\n</style>\n`
    expect(problemsOf(xml)).toEqual(['3:31 Unexpected dependent CSL style (it only names its parent, http://www.zotero.org/styles/apa), expected an independent style: download the parent style and name that file in `citations.csl`'])
  })

  test('no citation, no layout, a wrong class or version, an undefined macro', () => {
    const xml = '<style xmlns="http://purl.org/net/xbiblio/csl" class="footnote" version="0.8">\n<bibliography><sort/></bibliography>\n</style>'
    expect(problemsOf(xml)).toEqual([
      '1:1 Unexpected CSL version `0.8`, expected `1.0` (CSL 0.8 styles can be converted with the CSL project\'s updater)',
      '1:1 Unexpected `class="footnote"` on `<style>`, expected `note` or `in-text`',
      '1:1 Missing `<citation>` in the CSL style, expected one with a `<layout>`',
      '2:1 Missing `<layout>` in `<bibliography>`'
    ])
    const macro = `${head}<macro name="author"><names variable="author"/></macro>\n<citation><layout><text macro="autor"/></layout></citation>\n</style>`
    expect(problemsOf(macro)).toEqual(['4:19 Unexpected `macro="autor"`, expected the name of a `<macro>` of the style'])
  })

  test('macros that call each other in a loop, placed at the call that closes it', () => {
    const loop = `${head}<macro name="a"><group><text macro="b"/></group></macro>\n<macro name="b"><text macro="a"/></macro>\n<macro name="c"><text macro="c"/></macro>\n<citation><layout><text macro="a"/><text macro="c"/></layout></citation>\n</style>`
    expect(problemsOf(loop)).toEqual([
      '4:17 Unexpected `macro="a"`: the macros call each other in a loop (a → b → a), which citeproc-js cannot format',
      '5:17 Unexpected `macro="c"`: the macros call each other in a loop (c → c), which citeproc-js cannot format'
    ])
    // A macro used by several others, without a loop, is not one.
    const shared = `${head}<macro name="name"><names variable="author"/></macro>\n<macro name="a"><text macro="name"/></macro>\n<macro name="b"><text macro="a"/><text macro="name"/></macro>\n<citation><layout><text macro="b"/></layout></citation>\n</style>`
    expect(problemsOf(shared)).toEqual([])
  })
})
