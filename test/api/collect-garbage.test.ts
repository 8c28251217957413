import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {expect, test} from 'vitest'
import {collectGarbage, worthCollecting} from '../../src/api/collect-garbage.js'

test('a full collection runs without --expose-gc and frees what nothing holds', async () => {
  expect(process.execArgv).not.toContain('--expose-gc')
  const ref = (() => new WeakRef({large: new Array(100_000).fill(1)}))()
  // A WeakRef's target is kept until the end of the job that made it.
  await new Promise((resolve) => setTimeout(resolve, 0))
  collectGarbage()
  collectGarbage()
  expect(ref.deref()).toBeUndefined()
  // V8's flags are set back as they were (the CLI's code cache is refused under other flags).
  expect(runInNewContext('typeof gc')).toBe('undefined')
})

test('a small heap is not worth compacting, a large one is', () => {
  expect(worthCollecting(87 * 1024 * 1024)).toBe(false)
  expect(worthCollecting(141 * 1024 * 1024)).toBe(true)
})

/** A heap as a render leaves it: one object in twenty still held, spread over every page. */
function fragmentHeap(): object[] {
  const kept: object[] = []
  let garbage: object[] | undefined = []
  for (let i = 0; i < 2_000_000; i++) {
    const item = {i, text: `item ${i}`, list: [i]}
    garbage.push(item)
    if (i % 20 === 0) kept.push(item)
  }
  garbage = undefined
  return kept
}

test('the collection compacts: one collection gives back the pages the garbage left', () => {
  setFlagsFromString('--expose-gc')
  const plain = runInNewContext('gc') as () => void
  // V8's own full collection moves a bounded number of pages at a time: the heap shrinks over
  // several collections, and a build collects once.
  let kept = fragmentHeap()
  plain()
  const afterPlain = process.memoryUsage().heapTotal
  kept = []
  for (let i = 0; i < 5; i++) plain()
  kept = fragmentHeap()
  collectGarbage()
  const afterCompacting = process.memoryUsage().heapTotal
  expect(afterCompacting).toBeLessThan(afterPlain * 0.5)
  expect(kept).toHaveLength(100_000)
})
