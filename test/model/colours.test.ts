import {expect, test} from 'vitest'
import {contrastRatio, hexColour} from '../../src/model/colours.js'

test('WCAG 2.x contrast ratios, whatever the order of the colours', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  expect(contrastRatio('#ffffff', '#ffffff')).toBe(1)
  // The lightest grey that passes AA on white, as WCAG's own examples give it: 4.54:1.
  expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2)
  expect(contrastRatio('#ffffff', '#767676')).toBeCloseTo(4.54, 2)
})

test('hex colours are read in both lengths and any case; anything else is not read', () => {
  expect(hexColour('#ABC')).toBe('#aabbcc')
  expect(hexColour(' #1E6B45 ')).toBe('#1e6b45')
  for (const other of ['var(--rp-color-accent)', 'rgb(0, 0, 0)', 'red', '#abcd', '']) expect(hexColour(other)).toBeUndefined()
})
