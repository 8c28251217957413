import {expect, test} from 'vitest'
import {mapLimit} from '../../src/print/map-limit.js'
import {Slots} from '../../src/print/slots.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 2))

test('at most `limit` at a time, results in the order of the indices', async () => {
  let running = 0
  let most = 0
  const results = await mapLimit(5, 2, async (index) => {
    most = Math.max(most, ++running)
    await tick()
    running--
    return index * 10
  })
  expect(results).toEqual([0, 10, 20, 30, 40])
  expect(most).toBe(2)
})

test('after a failure nothing new starts, and it is thrown once the work under way has settled', async () => {
  let running = 0
  const started: number[] = []
  const failing = mapLimit(6, 2, async (index) => {
    started.push(index)
    running++
    await tick()
    running--
    if (index === 2) throw new Error('part 2 failed')
  })
  await expect(failing).rejects.toThrow('part 2 failed')
  // Parts 0 and 1, then 2 (fails) and 3 (already running, allowed to finish); never 4 or 5.
  expect(running).toBe(0)
  expect(started).toEqual([0, 1, 2, 3])
})

test('a lane holds its slot from its first piece of work to its last: another print waiting does not get it in between', async () => {
  const slots = new Slots(2)
  const order: string[] = []
  // The full edition's four parts in two lanes; the synthesis asks for a slot as soon as they started.
  const full = mapLimit(4, 2, async (index) => {
    order.push(`full ${index}`)
    await tick()
  }, (run) => slots.use(run, 0))
  const synthesis = slots.use(async () => void order.push('synthesis'), 1)
  await Promise.all([full, synthesis])
  // Every part of the full edition started before the synthesis; per piece of work, it would
  // have taken the slot the first part freed.
  expect(order).toEqual(['full 0', 'full 1', 'full 2', 'full 3', 'synthesis'])
})
