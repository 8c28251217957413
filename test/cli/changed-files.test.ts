import {execFileSync} from 'node:child_process'
import {mkdtempSync, realpathSync, rmSync, writeFileSync, mkdirSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {changedFiles} from '../../src/cli/changed-files.js'

let root: string
const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', '-c', 'commit.gpgsign=false', ...args], {cwd: root, stdio: 'pipe'})

beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'rapporteur-changed-')))
  git('init', '-q', '-b', 'main')
  mkdirSync(path.join(root, 'report/chapters'), {recursive: true})
  writeFileSync(path.join(root, 'report/zotero.json'), '[]\n')
  writeFileSync(path.join(root, 'report/chapters/01-rail.md'), '# Rail\n')
  git('add', '.')
  git('commit', '-q', '-m', 'base')
  // What actions/checkout leaves with `fetch-depth: 0`: the base branch as a remote-tracking ref.
  git('update-ref', 'refs/remotes/origin/main', 'HEAD')
  git('checkout', '-q', '-b', 'feature')
  writeFileSync(path.join(root, 'report/chapters/01-rail.md'), '# Rail\n\nMore.\n')
  writeFileSync(path.join(root, 'report/chapters/02 bus é.md'), '# Bus\n')
  git('add', '.')
  git('commit', '-q', '-m', 'feature')
})
afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('the files a pull request changed', () => {
  test('are read from git against origin/$GITHUB_BASE_REF, as paths from the repository root, unquoted', async () => {
    expect(await changedFiles(root, {GITHUB_BASE_REF: 'main'})).toEqual(new Set(['report/chapters/01-rail.md', 'report/chapters/02 bus é.md']))
  })

  test('are not known outside a pull request, outside a repository, or when the base branch was not fetched', async () => {
    expect(await changedFiles(root, {})).toBeUndefined()
    expect(await changedFiles(undefined, {GITHUB_BASE_REF: 'main'})).toBeUndefined()
    expect(await changedFiles(root, {GITHUB_BASE_REF: 'develop'})).toBeUndefined()
  })
})
