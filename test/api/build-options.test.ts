import {expect, test} from 'vitest'
import {build} from '../../src/api/build.js'
import {CannotRunError} from '../../src/load/cannot-run.js'

test.each([0, -1, 1.5, Number.NaN])('build() refuses jobs: %s with a message, before it starts anything', async (jobs) => {
  const building = build('report', {jobs, out: '/nonexistent/never-written'})
  await expect(building).rejects.toBeInstanceOf(CannotRunError)
  await expect(building).rejects.toThrow(`Cannot build with \`jobs: ${jobs}\``)
})
