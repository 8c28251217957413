import {describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {foreignForm} from '../../src/check/rules/number-format.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

describe("number-format: another language's decimal mark or thousands separator (check/rules/number-format.ts)", () => {
  test('in English, a decimal comma and space-grouped thousands; commas grouping thousands and decimal points pass', () => {
    expect(['12,5 %', '0,25', '3,5 million', '1,2345'].map((text) => foreignForm(text, 'en-GB'))).toEqual(['decimal-comma', 'decimal-comma', 'decimal-comma', 'decimal-comma'])
    expect(['1 234', '100\u00A0000', '2\u202F500 reports'].map((text) => foreignForm(text, 'en'))).toEqual(['space-groups', 'space-groups', 'space-groups'])
    expect(['12.5%', '1,234', '100,000', '1,234,567.89', '£6.8m', '52', '1 in 5'].map((text) => foreignForm(text, 'en-US'))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined])
  })

  test('in French, a decimal point and comma-grouped thousands, but for Swiss French amounts', () => {
    expect(['12.5 %', '3.25', '12,000', '1,234,567'].map((text) => foreignForm(text, 'fr'))).toEqual(['decimal-point', 'decimal-point', 'comma-groups', 'comma-groups'])
    expect(['12,5 %', '1 234', '100 000', '1,234 kg', '3,5 millions'].map((text) => foreignForm(text, 'fr-FR'))).toEqual([undefined, undefined, undefined, 'comma-groups', undefined])
    expect(["CHF 1'200.50", 'CHF 3.50'].map((text) => foreignForm(text, 'fr-CH'))).toEqual([undefined, undefined])
  })

  test('other languages are left to their own numerals', () => {
    expect(foreignForm('12,5 %', 'de')).toBeUndefined()
    expect(foreignForm('1.234', 'es')).toBeUndefined()
  })
})

describe('number-format on a project (check)', () => {
  test("a stat's value, also one of the figures, is reported once; an English helpline is no figure to regroup", async () => {
    const config = String(baseProject['rapporteur.yaml']).replace('lang: fr', 'lang: en-GB')
    const dir = await writeProject({'rapporteur.yaml': config, 'chapters/intro.md': ':::stat{#stat-a value="12,5 %" source=enquete-2024}\nof reports of :term[sextorsion].\n:::\n\nSamaritans answer on 116 123 day and night, and the helpline 116 000 too.\n'})
    try {
      const result = await check(dir)
      const findings = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'number-format' || message.ruleId === 'figure-needs-citation').map((message) => `${message.ruleId} ${message.line}:${message.column}`))
      expect(findings).toEqual(['number-format 1:17'])
    } finally {
      await removeProject(dir)
    }
  })
})
