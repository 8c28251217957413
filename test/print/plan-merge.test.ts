import fc from 'fast-check'
import {describe, expect, test} from 'vitest'
import {planMerge, type PartLayout} from '../../src/print/plan-merge.js'

const right = (pageCount: number, wants: PartLayout['wants'] = 'right'): PartLayout => ({pageCount, wants, laidOutOn: 'right'})

describe('planMerge', () => {
  test('parts that must start on a right-hand page get a blank page after an odd page count', () => {
    expect(planMerge([right(3), right(4), right(5), right(2)])).toEqual({blanksBefore: [false, true, false, true], relayout: [], pageCount: 3 + 1 + 4 + 5 + 1 + 2})
  })

  test('the first part never gets a blank page, even when it asks for a left-hand start', () => {
    expect(planMerge([right(2, 'left')]).blanksBefore).toEqual([false])
  })

  test('a part that starts on any page and lands on a left-hand page is laid out again there', () => {
    const plan = planMerge([right(3, 'any'), right(2, 'any'), right(4, 'any')])
    expect(plan.blanksBefore).toEqual([false, false, false])
    // Pages 4–5, then 6–9: both on a left-hand page first.
    expect(plan.relayout).toEqual([
      {index: 1, startOn: 'left'},
      {index: 2, startOn: 'left'}
    ])
    const again = planMerge([right(3, 'any'), {pageCount: 2, wants: 'any', laidOutOn: 'left'}, {pageCount: 4, wants: 'any', laidOutOn: 'left'}])
    expect(again.relayout).toEqual([])
    expect(again.pageCount).toBe(9)
  })

  test('a part that asks for a left-hand page gets a blank page, and is laid out as a left-hand page (Paged.js starts on the right)', () => {
    expect(planMerge([right(2), right(3, 'left'), right(1)])).toEqual({blanksBefore: [false, true, false], relayout: [{index: 1, startOn: 'left'}], pageCount: 7})
  })

  test('every part lands on the side it asks for and the side it was laid out on, once relaid', () => {
    const part = fc.record({pageCount: fc.integer({min: 1, max: 9}), wants: fc.constantFrom('right', 'left', 'any') as fc.Arbitrary<PartLayout['wants']>})
    fc.assert(
      fc.property(fc.array(part, {minLength: 1, maxLength: 12}), (parts) => {
        let layouts: PartLayout[] = parts.map((one) => ({...one, laidOutOn: 'right'}))
        let plan = planMerge(layouts)
        for (const {index, startOn} of plan.relayout) layouts[index] = {...layouts[index]!, laidOutOn: startOn}
        plan = planMerge(layouts)
        expect(plan.relayout).toEqual([])
        let next = 1
        layouts.forEach((layout, index) => {
          if (plan.blanksBefore[index]) next++
          const side = next % 2 === 1 ? 'right' : 'left'
          if (index > 0 && layout.wants !== 'any') expect(side).toBe(layout.wants)
          expect(layout.laidOutOn).toBe(side)
          next += layout.pageCount
        })
        expect(plan.pageCount).toBe(next - 1)
        layouts = []
      })
    )
  })
})
