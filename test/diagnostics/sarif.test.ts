import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, realpath, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {afterAll, describe, expect, test} from 'vitest'
import {rules} from '../../src/check/rules/index.js'
import {main} from '../../src/cli/main.js'
import {fingerprintName, fingerprints} from '../../src/diagnostics/fingerprint.js'
import type {JsonDiagnostic} from '../../src/diagnostics/to-json.js'
import {locateReport} from '../../src/load/repository.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

/** A figure without a source on line 3 of the chapter. */
const uncited = '# Introduction\n\n40 % des affaires ont conduit à des actes. La :term[sextorsion] progresse [@enquete-2024].\n'

interface SarifResult {
  ruleId: string
  locations: Array<{physicalLocation: {artifactLocation: {uri: string; uriBaseId: string}; region: {startLine: number}}}>
  partialFingerprints: Record<string, string>
}

async function sarifOf(dir: string) {
  const io = captureIo(dir)
  const code = await main(['check', dir, '--format', 'sarif'], io)
  const log = JSON.parse(io.out())
  const run = log.runs[0]
  return {code, log, run, results: run.results as SarifResult[]}
}

/** A temporary repository (a folder holding `.git`, a folder or, as in a worktree, a file) with the report two folders down. */
async function projectInRepository(files: Record<string, string>, git: 'folder' | 'file' = 'folder') {
  const repo = await realpath(await mkdtemp(path.join(os.tmpdir(), 'rapporteur-repo-')))
  made.push(repo)
  if (git === 'folder') await mkdir(path.join(repo, '.git'))
  else await writeFile(path.join(repo, '.git'), 'gitdir: /elsewhere/.git/worktrees/report\n')
  const dir = await writeProject(files, undefined, path.join(repo, 'docs', 'rapport annuel'))
  return {repo, dir}
}

/** Where a result points, as a viewer resolves it: its `uri` against its base in `originalUriBaseIds`. */
function resolved(run: {originalUriBaseIds: Record<string, {uri: string}>}, result: SarifResult): string {
  const {uri, uriBaseId} = result.locations[0]!.physicalLocation.artifactLocation
  return fileURLToPath(new URL(uri, run.originalUriBaseIds[uriBaseId]!.uri))
}

function fingerprintOf(result: SarifResult | undefined): string {
  return result!.partialFingerprints[fingerprintName]!
}

describe('sarif paths', () => {
  test.each(['folder', 'file'] as const)('are relative to the repository root (`.git` as a %s), which originalUriBaseIds gives', async (git) => {
    const {repo, dir} = await projectInRepository({'chapters/intro.md': uncited}, git)
    const {code, run, results} = await sarifOf(dir)
    expect(code).toBe(1)
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(repo).href}/`)
    const result = results.find((item) => item.ruleId === 'figure-needs-citation')!
    expect(result.locations[0]!.physicalLocation.artifactLocation).toEqual({uri: 'docs/rapport%20annuel/chapters/intro.md', uriBaseId: '%SRCROOT%'})
    expect(resolved(run, result)).toBe(path.join(dir, 'chapters', 'intro.md'))
    expect(existsSync(resolved(run, result))).toBe(true)
  })

  test('are relative to the report folder outside a repository, which originalUriBaseIds gives', async () => {
    expect((await locateReport(os.tmpdir())).root, 'the temporary folder must be in no git repository for this test').toBeUndefined()
    const dir = await realpath(await writeProject({'chapters/intro.md': uncited}))
    made.push(dir)
    const {run, results} = await sarifOf(dir)
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(dir).href}/`)
    const result = results.find((item) => item.ruleId === 'figure-needs-citation')!
    expect(result.locations[0]!.physicalLocation.artifactLocation).toEqual({uri: 'chapters/intro.md', uriBaseId: '%SRCROOT%'})
    expect(resolved(run, result)).toBe(path.join(dir, 'chapters', 'intro.md'))
  })
})

describe('sarif fingerprints', () => {
  test('stay the same when lines are added above the finding, change when its text changes', async () => {
    const {dir} = await projectInRepository({'chapters/intro.md': uncited})
    const chapter = path.join(dir, 'chapters', 'intro.md')
    const first = (await sarifOf(dir)).results.find((item) => item.ruleId === 'figure-needs-citation')
    expect(first!.locations[0]!.physicalLocation.region.startLine).toBe(3)

    await writeFile(chapter, uncited.replace('# Introduction\n\n', '# Introduction\n\nUn paragraphe ajouté [@enquete-2024].\n\nEt un autre, :term[sextorsion] [@enquete-2024].\n\n'))
    const moved = (await sarifOf(dir)).results.find((item) => item.ruleId === 'figure-needs-citation')
    expect(moved!.locations[0]!.physicalLocation.region.startLine).toBe(7)
    expect(fingerprintOf(moved)).toBe(fingerprintOf(first))

    await writeFile(chapter, uncited.replace('40 %', '45 %'))
    const changed = (await sarifOf(dir)).results.find((item) => item.ruleId === 'figure-needs-citation')
    expect(changed!.locations[0]!.physicalLocation.region.startLine).toBe(3)
    expect(fingerprintOf(changed)).not.toBe(fingerprintOf(first))
  })

  test('tell apart the same finding twice in a file, by occurrence', async () => {
    const {dir} = await projectInRepository({'chapters/intro.md': `${uncited}\n40 % des affaires, encore. [@enquete-2024]\n\n40 % des affaires ont conduit à des actes. Voir [@enquete-2024].\n`})
    const found = (await sarifOf(dir)).results.filter((item) => item.ruleId === 'figure-needs-citation')
    expect(found).toHaveLength(2)
    expect(fingerprintOf(found[0])).not.toBe(fingerprintOf(found[1]))
  })

  test('an empty range is known by its line, whitespace folded', () => {
    const at = (line: number): JsonDiagnostic => ({file: 'a.md', line, column: 1, endLine: line, endColumn: 1, rule: 'r', severity: 'error', message: 'm'})
    const [before] = fingerprints([at(1)], new Map([['a.md', 'Une  ligne\n']]))
    const [after] = fingerprints([at(3)], new Map([['a.md', 'ajout\n\nUne ligne\n']]))
    const [other] = fingerprints([at(1)], new Map([['a.md', 'Une autre ligne\n']]))
    expect(after).toBe(before)
    expect(other).not.toBe(before)
  })
})

describe('sarif rules', () => {
  test('each rule carries its summary, description, help in text and Markdown, and default level; no link anywhere', async () => {
    const {dir} = await projectInRepository({'chapters/intro.md': uncited})
    const io = captureIo(dir)
    await main(['check', dir, '--format', 'sarif'], io)
    const {runs} = JSON.parse(io.out())
    const driver = runs[0].tool.driver
    expect(driver.informationUri).toBeUndefined()
    expect(driver.rules.map((rule: {id: string}) => rule.id)).toEqual(rules.map((rule) => rule.id))
    for (const rule of rules) {
      const descriptor = driver.rules.find((item: {id: string}) => item.id === rule.id)
      expect(descriptor).toMatchObject({
        shortDescription: {text: rule.summary},
        fullDescription: {text: expect.any(String), markdown: expect.any(String)},
        help: {text: expect.stringContaining('Default severity: '), markdown: expect.stringContaining(`Default severity: **${rule.severity}**`)},
        defaultConfiguration: {level: {error: 'error', warning: 'warning', info: 'note'}[rule.severity]}
      })
      expect(descriptor.helpUri).toBeUndefined()
      expect(descriptor.help.text).not.toContain('**')
    }
    expect(io.out()).not.toMatch(/https?:\/\/github\.com/)
  })
})
