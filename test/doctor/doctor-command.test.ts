import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {runDoctor} from '../../src/cli/commands/doctor.js'
import {captureIo} from '../helpers/io.js'

/** `rapporteur doctor` on the sample report, with a browser that is not there, and outside a project. */
const root = path.join(import.meta.dirname, '../..')
let empty: string

beforeAll(async () => {
  empty = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-doctor-empty-'))
})

afterAll(async () => {
  await rm(empty, {recursive: true, force: true})
})

/** The lines that open with a mark, as `{mark, label}`. */
function marks(out: string): Array<{mark: string; label: string}> {
  return [...out.matchAll(/^([✓✗-]) ([^:]+):/gmu)].map((match) => ({mark: match[1]!, label: match[2]!}))
}

describe('rapporteur doctor report', () => {
  test('every line is ✓ on the sample report (this machine has @sparticuz/chromium), exit 0', async () => {
    const io = captureIo(root)
    const code = await runDoctor('report', {}, io)
    expect(io.err()).toBe('')
    expect(marks(io.out())).toEqual(['Node.js', 'Browser', 'Browser version', 'Config', 'Check', 'Theme', 'Fonts', 'Output folder'].map((label) => ({mark: '✓', label})))
    expect(io.out()).toMatch(/^✓ Browser: .+ \((the @sparticuz\/chromium package|a system browser|named by PUPPETEER_EXECUTABLE_PATH)\)$/mu)
    expect(io.out()).toMatch(/^✓ Browser version: \S*Chrom\S*\/\d+/mu)
    expect(io.out()).toMatch(/^✓ Config: rapporteur\.yaml is valid$/mu)
    expect(io.out()).toMatch(/^✓ Check: 0 errors, \d+ warnings?, \d+ info/mu)
    expect(io.out()).toMatch(/^✓ Theme: default\n {4}templates\/document\.html +default \(templates\/document\.html\)$/mu)
    expect(io.out()).toMatch(/^✓ Fonts: Source Serif 4, Source Sans 3: 16 files, all found$/mu)
    expect(io.out()).toMatch(/^✓ Output folder: report\/dist is writable$/mu)
    expect(io.out()).not.toContain('fix:')
    expect(code).toBe(0)
  }, 60_000)

  test('with --browser /nonexistent the browser line is ✗ with a fix, exit 1', async () => {
    const io = captureIo(root)
    const code = await runDoctor('report', {browser: '/nonexistent'}, io)
    expect(io.out()).toContain('✗ Browser: Cannot find the browser `/nonexistent` given with --browser\n    fix: Check the path, or leave out --browser to use the bundled Chromium.\n')
    expect(io.out()).toContain('- Browser version: not started: no browser found\n')
    expect(marks(io.out()).filter((line) => line.mark === '✗').map((line) => line.label)).toEqual(['Browser'])
    expect(io.out()).toMatch(/\n1 problem to fix\.\n$/u)
    expect(code).toBe(1)
  })
})

describe('rapporteur doctor outside a project', () => {
  test('a folder without rapporteur.yaml: the machine lines, then ✗ Project, exit 2', async () => {
    const io = captureIo(empty)
    const code = await runDoctor('.', {}, io)
    expect(marks(io.out()).map((line) => line.label)).toEqual(['Node.js', 'Browser', 'Browser version', 'Project'])
    expect(io.out()).toMatch(/^✗ Project: Cannot find `rapporteur\.yaml` in `.+`\n {4}fix: .*rapporteur init/mu)
    expect(code).toBe(2)
  }, 60_000)

  test('a folder that does not exist: exit 2', async () => {
    const io = captureIo(empty)
    expect(await runDoctor('missing', {browser: '/nonexistent'}, io)).toBe(2)
    expect(io.out()).toContain('✗ Project: Cannot find the report folder')
  })
})
