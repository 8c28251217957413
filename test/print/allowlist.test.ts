import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, expect, test} from 'vitest'
import {isAllowedUrl} from '../../src/print/watch-page.js'

let base: string
let root: string
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'rapporteur-allow-'))
  root = path.join(base, 'dist')
  await mkdir(path.join(root, 'assets'), {recursive: true})
  await writeFile(path.join(base, 'secret.txt'), 'outside')
  await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'link.txt'))
})
afterAll(() => rm(base, {recursive: true, force: true}))

test('allows files under the root, data: and about: URLs', () => {
  expect(isAllowedUrl(pathToFileURL(path.join(root, 'report.html')).href, root)).toBe(true)
  expect(isAllowedUrl(`${pathToFileURL(path.join(root, 'assets', 'a b.css')).href}?v=1#x`, root)).toBe(true)
  expect(isAllowedUrl('data:image/png;base64,AAAA', root)).toBe(true)
  expect(isAllowedUrl('about:blank', root)).toBe(true)
})

test('blocks the network, files outside the root and links leading out of it', () => {
  for (const url of ['https://example.com/a.png', 'http://localhost:8080/', 'ws://x', 'blob:null/1', 'chrome://settings', 'file://server/share/a.css']) {
    expect(isAllowedUrl(url, root), url).toBe(false)
  }
  expect(isAllowedUrl(pathToFileURL(path.join(base, 'secret.txt')).href, root)).toBe(false)
  expect(isAllowedUrl(`${pathToFileURL(root).href}/../secret.txt`, root)).toBe(false)
  expect(isAllowedUrl(pathToFileURL(`${root}-sibling/a.css`).href, root)).toBe(false)
  expect(isAllowedUrl(pathToFileURL(path.join(root, 'assets', 'link.txt')).href, root)).toBe(false)
})
