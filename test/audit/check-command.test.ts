import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {runCheck} from '../../src/cli/commands/check.js'
import {CannotRunError} from '../../src/load/cannot-run.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'
import {auditFixture} from './fixture.js'

/**
 * `check --format html` and `check --audit FILE`, through runCheck with the options commander
 * passes it: the command's behaviour is tested apart from the option wiring in program.ts.
 */
const fixtures = path.join(import.meta.dirname, '../fixtures')
const report = path.join(import.meta.dirname, '../../report')
let project: string
let out: string

beforeAll(async () => {
  project = await writeProject(auditFixture)
  out = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-audit-'))
})

afterAll(async () => {
  await removeProject(project)
  await rm(out, {recursive: true, force: true})
})

async function run(dir: string, options: Parameters<typeof runCheck>[1], env: NodeJS.ProcessEnv = {}) {
  const io = captureIo(fixtures, env)
  const code = await runCheck(dir, options, io)
  return {code, out: io.out(), err: io.err()}
}

describe('rapporteur check --format html', () => {
  test('prints the audit page instead of the findings, with the same exit code', async () => {
    const pretty = await run(project, {format: 'pretty'})
    const html = await run(project, {format: 'html'})
    expect(pretty.code).toBe(1)
    expect(html.code).toBe(pretty.code)
    expect(html.out.startsWith('<!doctype html>')).toBe(true)
    expect(html.out).toContain('figure-needs-citation')
    expect(html.err).toBe('')
    const clean = await run(report, {format: 'html'})
    expect(clean.code).toBe(0)
  })

  test('is the same bytes on every run when SOURCE_DATE_EPOCH is set', async () => {
    const env = {SOURCE_DATE_EPOCH: '1767225600'}
    const first = await run(project, {format: 'html'}, env)
    expect(first.out).toContain('<time datetime="2026-01-01T00:00:00.000Z">')
    expect((await run(project, {format: 'html'}, env)).out).toBe(first.out)
  })

  test('with a broken config prints no page, the findings on stderr, and exits 2', async () => {
    const {code, out: stdout, err} = await run('config-invalid', {format: 'html'})
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(err).toContain('rapporteur.yaml')
  })
})

describe('rapporteur check --audit FILE', () => {
  test('writes the page to the file and leaves stdout and the exit code as they were', async () => {
    const file = path.join(out, 'audit.html')
    const plain = await run(project, {format: 'json'})
    const withAudit = await run(project, {format: 'json', audit: file})
    expect(withAudit.out).toBe(plain.out)
    expect(withAudit.code).toBe(plain.code)
    const page = await readFile(file, 'utf8')
    expect(page.startsWith('<!doctype html>')).toBe(true)
    expect(page).toContain('orpheline')
    // Written through a temporary file renamed over the target: nothing else is left behind.
    expect(await readdir(out)).toEqual(['audit.html'])
  })

  test('is relative to the working folder, and replaces an older audit', async () => {
    const io = captureIo(out)
    await runCheck(project, {format: 'pretty', audit: 'again.html'}, io)
    const before = await readFile(path.join(out, 'again.html'), 'utf8')
    await runCheck(report, {format: 'pretty', audit: 'again.html'}, io)
    const after = await readFile(path.join(out, 'again.html'), 'utf8')
    expect(after).not.toBe(before)
    expect(after).toContain('Fondation pour l')
  })

  test('with a broken config writes no file and says why', async () => {
    const file = path.join(out, 'broken.html')
    const {code, err} = await run('config-invalid', {format: 'pretty', audit: file})
    expect(code).toBe(2)
    expect(err).toContain('no audit written')
    await expect(readFile(file)).rejects.toThrow()
  })

  test('into a folder that does not exist cannot run (exit 2 through CannotRunError)', async () => {
    const file = path.join(out, 'missing', 'audit.html')
    const attempt = run(project, {format: 'pretty', audit: file})
    await expect(attempt).rejects.toBeInstanceOf(CannotRunError)
    await expect(attempt).rejects.toThrow(/Cannot write the audit/u)
  })
})
