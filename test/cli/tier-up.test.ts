import {describe, expect, test} from 'vitest'
import {INTERRUPT_BUDGET, tieringFlag} from '../../src/cli/tier-up.js'

describe('tieringFlag', () => {
  test('the CLI asks V8 to optimise after 4× its default budget of bytecode', () => {
    expect(INTERRUPT_BUDGET).toBe(270_336)
    expect(tieringFlag([])).toBe('--interrupt-budget=270336')
    expect(tieringFlag(['--enable-source-maps'])).toBe('--interrupt-budget=270336')
  })

  test('a budget the user gave node is kept', () => {
    expect(tieringFlag(['--interrupt-budget=1000'])).toBeUndefined()
    expect(tieringFlag(['--interrupt_budget=1000'])).toBeUndefined()
    expect(tieringFlag(['--interrupt-budget', '1000'])).toBeUndefined()
  })
})
