import {mkdir, mkdtemp, rm, utimes, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, expect, test} from 'vitest'
import {fingerprintOf} from '../../src/api/build-state.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'rapporteur-install-'))
  await mkdir(path.join(root, 'dist', 'render', 'deep'), {recursive: true})
  await mkdir(path.join(root, 'themes', 'sobre'), {recursive: true})
  await writeFile(path.join(root, 'package.json'), '{"version": "1.0.0"}')
  await writeFile(path.join(root, 'dist', 'index.js'), 'export {}')
  await writeFile(path.join(root, 'dist', 'render', 'deep', 'page.js'), 'export const page = 1')
  await writeFile(path.join(root, 'themes', 'sobre', 'print.css'), 'body {}')
})
afterEach(() => rm(root, {recursive: true, force: true}))

test('the same install gives the same fingerprint', async () => {
  expect(await fingerprintOf(root)).toBe(await fingerprintOf(root))
})

test('a file changed, added or removed anywhere in the code or the themes is another rapporteur', async () => {
  const first = await fingerprintOf(root)
  // A file deep in dist/ rebuilt with other contents.
  await writeFile(path.join(root, 'dist', 'render', 'deep', 'page.js'), 'export const page = 22')
  const changed = await fingerprintOf(root)
  expect(changed).not.toBe(first)
  // Same size, another time: rebuilt.
  await utimes(path.join(root, 'themes', 'sobre', 'print.css'), new Date(2020, 0, 1), new Date(2020, 0, 1))
  const touched = await fingerprintOf(root)
  expect(touched).not.toBe(changed)
  await writeFile(path.join(root, 'templates-not-watched.txt'), 'x')
  expect(await fingerprintOf(root)).toBe(touched)
  await mkdir(path.join(root, 'styles'))
  await writeFile(path.join(root, 'styles', 'extra.css'), 'p {}')
  const added = await fingerprintOf(root)
  expect(added).not.toBe(touched)
  await rm(path.join(root, 'dist', 'index.js'))
  expect(await fingerprintOf(root)).not.toBe(added)
  // The version in package.json.
  const before = await fingerprintOf(root)
  await writeFile(path.join(root, 'package.json'), '{"version": "1.0.1"}')
  expect(await fingerprintOf(root)).not.toBe(before)
})

test('a checkout\'s code in src/ counts, its READMEs there do not', async () => {
  await mkdir(path.join(root, 'src', 'render'), {recursive: true})
  await writeFile(path.join(root, 'src', 'render', 'page.ts'), 'export const page = 1')
  await writeFile(path.join(root, 'src', 'render', 'README.md'), '# Render')
  const first = await fingerprintOf(root)
  await writeFile(path.join(root, 'src', 'render', 'README.md'), '# Render, explained at length')
  expect(await fingerprintOf(root)).toBe(first)
  await writeFile(path.join(root, 'src', 'render', 'page.ts'), 'export const page = 22')
  expect(await fingerprintOf(root)).not.toBe(first)
})
