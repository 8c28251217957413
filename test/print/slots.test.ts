import {expect, test} from 'vitest'
import {Slots} from '../../src/print/slots.js'

test('never more than `size` at once, in the order they asked, and a failure frees its slot', async () => {
  const slots = new Slots(2)
  let running = 0
  let most = 0
  const started: number[] = []
  const work = (index: number) =>
    slots.use(async () => {
      started.push(index)
      most = Math.max(most, ++running)
      await new Promise((resolve) => setTimeout(resolve, 5))
      running--
      if (index === 1) throw new Error('part 1 failed')
      return index
    })
  const outcomes = await Promise.allSettled([0, 1, 2, 3, 4].map(work))
  expect(most).toBe(2)
  expect(started).toEqual([0, 1, 2, 3, 4])
  expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'fulfilled'])
  expect(await slots.use(async () => 'free again')).toBe('free again')
})
