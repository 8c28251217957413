import {appendFile, mkdir, mkdtemp, rename, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {watchFolders, type Watcher} from '../../src/preview/watch.js'

/** The watcher on a real folder: each test waits for the next batch of changes, never for a delay. */
let root: string
let watcher: Watcher
let waiting: ((files: string[]) => void) | undefined
const errors: Error[] = []
const nextBatch = () => new Promise<string[]>((resolve) => (waiting = resolve))

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-watch-'))
  await mkdir(path.join(root, 'chapters'))
  await mkdir(path.join(root, 'dist'))
  await writeFile(path.join(root, 'chapters', 'a.md'), '# A\n')
  const onChange = (files: string[]) => waiting?.(files.map((file) => path.relative(root, file)))
  watcher = await watchFolders([{dir: root, recursive: true}], onChange, {debounceMs: 20, onError: (error) => errors.push(error)})
})

afterAll(async () => {
  watcher?.close()
  await rm(root, {recursive: true, force: true})
})

describe('watchFolders', () => {
  test('sees a save in place', async () => {
    const batch = nextBatch()
    await appendFile(path.join(root, 'chapters', 'a.md'), 'one\n')
    expect(await batch).toEqual(['chapters/a.md'])
  })

  test('keeps seeing a file after an editor renamed a temporary file over it', async () => {
    let batch = nextBatch()
    await writeFile(path.join(root, 'chapters', '.a.md.tmp'), '# A\ntwo\n')
    await rename(path.join(root, 'chapters', '.a.md.tmp'), path.join(root, 'chapters', 'a.md'))
    expect(await batch).toEqual(['chapters/a.md'])
    // Node 20's recursive fs.watch on Linux goes deaf to this one.
    batch = nextBatch()
    await appendFile(path.join(root, 'chapters', 'a.md'), 'three\n')
    expect(await batch).toEqual(['chapters/a.md'])
  })

  test('watches folders created after it started', async () => {
    let batch = nextBatch()
    await mkdir(path.join(root, 'chapters', 'annexes'))
    expect(await batch).toEqual(['chapters/annexes'])
    batch = nextBatch()
    await writeFile(path.join(root, 'chapters', 'annexes', 'b.md'), '# B\n')
    expect(await batch).toContain('chapters/annexes/b.md')
  })

  test('sees files written into a new folder before its watch started', async () => {
    // The folder's event and the file's may come in one batch or two: wait until the file shows.
    const seen = new Promise<void>((resolve) => {
      waiting = (files) => void (files.includes('theme/styles/print.css') && resolve())
    })
    await mkdir(path.join(root, 'theme', 'styles'), {recursive: true})
    await writeFile(path.join(root, 'theme', 'styles', 'print.css'), '@page {}\n')
    await seen
  })

  test('leaves out build output and editor files', async () => {
    const batch = nextBatch()
    await writeFile(path.join(root, 'dist', 'rapport.html'), '<p>')
    await writeFile(path.join(root, 'chapters', '.a.md.swp'), 'x')
    await writeFile(path.join(root, 'chapters', 'a.md~'), 'x')
    await appendFile(path.join(root, 'chapters', 'a.md'), 'four\n')
    expect(await batch).toEqual(['chapters/a.md'])
    expect(errors).toEqual([])
  })
})
