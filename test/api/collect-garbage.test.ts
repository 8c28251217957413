import {expect, test} from 'vitest'
import {collectGarbage} from '../../src/api/collect-garbage.js'

test('a full collection runs without --expose-gc and frees what nothing holds', async () => {
  expect(process.execArgv).not.toContain('--expose-gc')
  const ref = (() => new WeakRef({large: new Array(100_000).fill(1)}))()
  // A WeakRef's target is kept until the end of the job that made it.
  await new Promise((resolve) => setTimeout(resolve, 0))
  collectGarbage()
  collectGarbage()
  expect(ref.deref()).toBeUndefined()
})
