import {access, readdir} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, describe, expect, test} from 'vitest'
import {doctor} from '../../src/doctor/doctor.js'
import type {DoctorLine} from '../../src/doctor/line.js'
import {nodeLine, versionAtLeast} from '../../src/doctor/machine.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/**
 * The project lines of doctor, each failing on its own. `--browser /nonexistent` keeps the browser
 * from starting: these tests look at the lines after it.
 */
const made: string[] = []

afterEach(async () => {
  await Promise.all(made.splice(0).map(removeProject))
})

async function run(files: Record<string, string>): Promise<{dir: string; lines: Map<string, DoctorLine>}> {
  const dir = await writeProject(files)
  made.push(dir)
  const report = await doctor(dir, {browser: '/nonexistent', env: {}})
  expect(report.isProject).toBe(true)
  return {dir, lines: new Map(report.lines.map((line) => [line.label, line]))}
}

describe('doctor on a project', () => {
  test('a clean project: config, check, theme, fonts and output are ✓', async () => {
    const {lines} = await run({})
    for (const label of ['Config', 'Check', 'Theme', 'Fonts', 'Output folder']) expect(lines.get(label)?.status, label).toBe('ok')
  })

  test('a broken config: its first error, and the lines that need it skipped', async () => {
    const {lines} = await run({'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('lang: fr', 'lang: 42 fr')})
    expect(lines.get('Config')).toMatchObject({status: 'fail', detail: expect.stringMatching(/^rapporteur\.yaml is invalid: rapporteur\.yaml:3:7 /u), fix: expect.stringContaining('docs/format.md')})
    expect(['Check', 'Theme', 'Fonts'].map((label) => lines.get(label)?.status)).toEqual(['skip', 'skip', 'skip'])
  })

  test('errors from check: ✗ with how to see them', async () => {
    const {lines} = await run({'chapters/intro.md': '# Introduction\n\n40 % des affaires ont conduit à des actes. La :term[sextorsion] progresse [@enquete-2024].\n'})
    expect(lines.get('Check')).toMatchObject({status: 'fail', detail: '1 error, 0 warnings, 0 info', fix: expect.stringContaining('rapporteur check')})
  })

  test('an unknown theme: ✗ listing the themes there are', async () => {
    const {lines} = await run({'rapporteur.yaml': `${baseProject['rapporteur.yaml']}theme: fancy\n`})
    expect(lines.get('Theme')).toMatchObject({status: 'fail', detail: 'Unknown theme `fancy`, expected one of: default, sobre'})
    expect(lines.get('Fonts')?.status).toBe('skip')
  })

  test('the theme line says where each file comes from', async () => {
    const {lines} = await run({'rapporteur.yaml': `${baseProject['rapporteur.yaml']}theme: sobre\n`, 'theme/styles/screen.css': '/* mine */\n', 'theme/custom.css': '/* mine */\n'})
    expect(lines.get('Theme')?.detail).toBe('sobre (extends default)')
    expect(lines.get('Theme')?.more).toEqual([
      'templates/document.html    default (templates/document.html)',
      'templates/cover.html       sobre (themes/sobre/templates/cover.html)',
      'templates/back-cover.html  sobre (themes/sobre/templates/back-cover.html)',
      'styles/fonts.css           sobre (themes/sobre/styles/fonts.css)',
      'styles/base.css            default (styles/base.css) + sobre (themes/sobre/styles/base.css)',
      `styles/screen.css          project (${path.join('theme', 'styles', 'screen.css')})`,
      'styles/print-core.css      default (styles/print-core.css)',
      'styles/print.css           default (styles/print.css) + sobre (themes/sobre/styles/print.css)',
      `custom.css                 project (${path.join('theme', 'custom.css')})`
    ])
  })

  test('a font file that is not there: ✗ naming it and where it is named, with a fix that is not "reinstall"', async () => {
    const {lines} = await run({'theme/styles/fonts.css': '@font-face { font-family: "House"; src: url("../fonts/house.woff2"); }\n'})
    expect(lines.get('Fonts')).toMatchObject({status: 'fail', detail: `House: 1 file, 1 missing: house.woff2 (named in ${path.join('theme', 'styles', 'fonts.css')}:1:46)`})
    expect(lines.get('Fonts')?.fix).toMatch(/^Put `house\.woff2` in the project's theme\/fonts\/ folder/u)
    expect(lines.get('Fonts')?.fix).not.toContain('einstall')
  })

  test("a font named the @fontsource way but not installed, in the project's custom.css: ✗, put it in theme/fonts/", async () => {
    const {lines} = await run({'theme/custom.css': '@font-face {\n  font-family: "Inter";\n  src: url("fonts/inter-latin-400-normal.woff2");\n}\n'})
    expect(lines.get('Fonts')?.detail).toContain(`1 missing: inter-latin-400-normal.woff2 (named in ${path.join('theme', 'custom.css')}:3:13)`)
    expect(lines.get('Fonts')?.fix).not.toContain('einstall')
  })

  test('the fonts line lists each family with where its files come from', async () => {
    const {lines} = await run({})
    expect(lines.get('Fonts')).toMatchObject({status: 'ok', detail: 'Source Serif 4, Source Sans 3: 16 files, all found'})
    expect(lines.get('Fonts')?.more).toEqual(['Source Serif 4             8 files, from @fontsource/source-serif-4', 'Source Sans 3              8 files, from @fontsource/source-sans-3'])
  })

  test('the output check leaves no dist/ behind when there was none', async () => {
    const {dir, lines} = await run({})
    expect(lines.get('Output folder')?.status).toBe('ok')
    await expect(access(path.join(dir, 'dist'))).rejects.toThrow()
    expect((await readdir(dir)).sort()).toEqual(['chapters', 'glossary.yaml', 'rapporteur.yaml', 'sources.yaml'])
  })
})

describe('the Node.js line', () => {
  test('compares versions part by part', () => {
    expect(versionAtLeast('20.19.0', '20.19')).toBe(true)
    expect(versionAtLeast('v22.1.0', '20.19')).toBe(true)
    expect(versionAtLeast('20.9.0', '20.19')).toBe(false)
    expect(versionAtLeast('18.20.4', '20.19')).toBe(false)
  })

  test('an old Node.js is ✗ with how to get a newer one', () => {
    expect(nodeLine('20.18.1', '20.19')).toMatchObject({status: 'fail', detail: '20.18.1, older than the 20.19 rapporteur needs', fix: expect.stringContaining('Node.js 20.19 or later')})
    expect(nodeLine('20.20.2', '20.19').status).toBe('ok')
  })
})
