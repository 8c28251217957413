import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    // As many test files at once as there are cores: vitest's default leaves one core out, which on
    // the 2-core CI machine ran the files one at a time (`npm test` 603 s, against 465 s with two,
    // each file's own time up by about half: the slowest test, 36 s, has a 60 s timeout).
    maxWorkers: availableParallelism()
  }
})
