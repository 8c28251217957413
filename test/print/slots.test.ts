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

test('a freed slot goes to the lowest rank waiting, in the order asked within a rank', async () => {
  const slots = new Slots(1)
  const started: string[] = []
  let release!: () => void
  const holding = slots.use(() => new Promise<void>((resolve) => (release = resolve)))
  const work = (name: string, rank: number) => slots.use(async () => void started.push(name), rank)
  // The synthesis asks while the full edition's first part holds the slot, then the full edition's later parts.
  const queued = [work('synthesis', 1), work('full part 2', 0), work('synthesis part 2', 1), work('full part 3', 0)]
  release()
  await Promise.all([holding, ...queued])
  expect(started).toEqual(['full part 2', 'full part 3', 'synthesis', 'synthesis part 2'])
})
