import {describe, expect, test} from 'vitest'
import {glossaryEntrySchema} from '../../src/model/schemas/glossary.js'
import {isPluralOf, resolveTerm} from '../../src/model/terms.js'
import type {Entry} from '../../src/model/types.js'
import {ruleFindings} from '../helpers/rule-findings.js'

const entry = (value: Record<string, unknown>) => ({value: glossaryEntrySchema.parse(value)}) as unknown as Entry<ReturnType<typeof glossaryEntrySchema.parse>>
const glossary = [
  entry({id: 'sextorsion', term: 'sextorsion', definition: 'd'}),
  entry({id: 'reseau', term: 'réseau social', definition: 'd', aliases: 'réseau'}),
  entry({id: 'journal', term: 'journal', definition: 'd'}),
  entry({id: 'policy', term: 'policy', definition: 'd'}),
  entry({id: 'e2e', term: 'chiffrement de bout en bout', definition: 'd'}),
  entry({id: 'fait', term: 'fait', definition: 'd'}),
  entry({id: 'faits', term: 'faits', definition: 'd'})
]
const idOf = (label: string) => resolveTerm(glossary, {label, id: undefined})?.value.id

/** The text writes a term as the sentence needs it: the plural finds its entry. */
describe(':term in the plural', () => {
  test('-s, -x, -al → -aux, -y → -ies, word by word, whatever the case', () => {
    expect(['Sextorsions', 'réseaux sociaux', 'réseaux', 'journaux', 'policies', 'chiffrements de bout en bout'].map(idOf)).toEqual(['sextorsion', 'reseau', 'reseau', 'journal', 'policy', 'e2e'])
  })

  test('an entry that is the form itself wins; a form two entries could be is not guessed; other words are not plurals', () => {
    expect(idOf('faits')).toBe('faits')
    expect(isPluralOf('chiffrements de bout', 'chiffrement de bout en bout')).toBe(false)
    expect(isPluralOf('days', 'day')).toBe(true)
    expect(isPluralOf('dais', 'day')).toBe(false)
    expect(idOf('sextorsionss')).toBeUndefined()
  })

  test('check and the glossary’s one-word `see:` and `aliases:`', async () => {
    const undefinedTerms = ruleFindings('undefined-term')
    expect(await undefinedTerms({
      'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage.\n  aliases: sextortion\n  see: grooming\n- id: grooming\n  term: pédopiégeage\n  definition: Approche.\n',
      'chapters/intro.md': '# Introduction\n\nLes :term[sextorsions] [@enquete-2024] et les :term[pédopiégeages], la :term[sextortion], les :term[chantages].\n'
    })).toEqual(['chapters/intro.md:3:95 Unexpected term `chantages`, expected an entry of the glossary'])
  })
})
