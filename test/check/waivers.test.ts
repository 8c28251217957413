import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {ruleFindings} from '../helpers/rule-findings.js'
import {removeProject, writeProject} from '../helpers/project.js'
import {afterAll} from 'vitest'

/** `:waive[…]`: what it waives, and what it does not. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))
const unneeded = ruleFindings('unneeded-waiver', {length: 60})
const base = 'Un constat sur la :term[sextorsion] [@enquete-2024].\n\n'

describe('waivers', () => {
  test('a waiver around no figure is reported; one around a figure is not', async () => {
    expect(await unneeded({'chapters/intro.md': `${base}:waive[Rien ici]{reason="test"} ne compte. :waive[12 élèves]{reason="exemple"} en classe.\n`})).toEqual([
      'chapters/intro.md:3:1 Unexpected waiver `:waive[Rien ici]` around no figure, expec'
    ])
  })

  test('without its reason a waiver waives nothing: its figure needs a source, as if it were not there (schema says why)', async () => {
    const dir = await writeProject({'chapters/intro.md': `${base}:waive[12 enfants]{reason=""} dans la classe. :waive[13 enfants] aussi.\n`})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    expect(result.model.figures.filter((figure) => figure.text.startsWith('1')).map((figure) => [figure.text, figure.status])).toEqual([
      ['12', 'uncited'],
      ['13', 'uncited']
    ])
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'unneeded-waiver')).toEqual([])
  })
})
