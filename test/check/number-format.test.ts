import {describe, expect, test} from 'vitest'
import {foreignForm} from '../../src/check/rules/number-format.js'

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
