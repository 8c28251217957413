import {expect, test} from 'vitest'
import {mapLimit} from '../../src/print/map-limit.js'
import {Slots} from '../../src/print/slots.js'

const tick = () => new Promise((resolve) => setTimeout(resolve, 2))

test('at most `limit` at a time, results in order, the first failure thrown once the rest settled', async () => {
  let running = 0
  let most = 0
  const settled: number[] = []
  const work = async (index: number) => {
    most = Math.max(most, ++running)
    await tick()
    running--
    settled.push(index)
    if (index === 2) throw new Error('part 2 failed')
    return index * 10
  }
  expect(await mapLimit(5, 2, async (index) => (index === 2 ? index * 10 : work(index)))).toEqual([0, 10, 20, 30, 40])
  expect(most).toBe(2)
  await expect(mapLimit(6, 2, work)).rejects.toThrow('part 2 failed')
  // Nothing still running when the failure is thrown, and nothing new started after it.
  expect(running).toBe(0)
  expect(settled).not.toContain(5)
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
