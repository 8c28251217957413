import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {auditData} from '../../src/audit/data.js'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'
import {byId, figureRows, findAll, parsePage, textOf} from '../audit/html.js'

/**
 * `rapporteur check --review FILE`, `--no-review`, and the report folder's own `review.json`,
 * through the whole CLI: option wiring, findings for a bad file, exit codes.
 */
const chapter = '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\nEn 2024, 40 % des victimes ont porté plainte [@enquete-2024, p. 12].\n'
let dir: string
let out: string
let valid: string

beforeAll(async () => {
  dir = await writeProject({'chapters/intro.md': chapter})
  out = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-review-cli-'))
  const result = await check(dir)
  if (!result.ok) throw new Error('the project does not load')
  const [row] = auditData(result.model).figures
  const mark = {fingerprint: row!.fingerprint, status: 'queried', note: 'Quelle enquête ?', at: '2026-03-01T10:00:00.000Z', figure: '40 %', file: 'chapters/intro.md', line: 5, sentence: row!.figure.sentence, sources: ['enquete-2024']}
  valid = JSON.stringify({rapporteur: 'review', version: 1, project: {title: 'Exemple', organisation: 'Fondation Exemple'}, savedAt: '2026-03-01T10:05:00.000Z', marks: [mark]}, null, 2) + '\n'
})

afterAll(async () => {
  await removeProject(dir)
  await rm(out, {recursive: true, force: true})
})

async function run(args: string[]) {
  const io = captureIo(out)
  const code = await main(args, io)
  return {code, out: io.out(), err: io.err()}
}

async function withReviewBeside<T>(text: string | undefined, body: () => Promise<T>): Promise<T> {
  const file = path.join(dir, 'review.json')
  if (text === undefined) await rm(file, {force: true})
  else await writeFile(file, text)
  try {
    return await body()
  } finally {
    await rm(file, {force: true})
  }
}

const reviewState = async (page: string) => figureRows(parsePage(await readFile(page, 'utf8'))).map((row) => row.properties.dataReview)

describe('rapporteur check and a review file', () => {
  test('reads the review.json beside the report for the audit page', async () => {
    await withReviewBeside(valid, async () => {
      const page = path.join(out, 'beside.html')
      const {code, out: stdout} = await run(['check', dir, '--format', 'json', '--audit', page])
      expect(code).toBe(0)
      expect(JSON.parse(stdout)).toEqual([])
      expect(await reviewState(page)).toEqual(['queried'])
      const html = parsePage(await readFile(page, 'utf8'))
      expect(textOf(findAll(html, (element) => String(element.properties.className ?? '').includes('review-read'))[0]!)).toBe('Relecture reprise de review.json, enregistrée le 1 mars 2026')
      expect(textOf(findAll(byId(html, 'figures-table'), (element) => element.tagName === 'textarea')[0]!)).toBe('Quelle enquête ?')
    })
  })

  test('--no-review leaves it out; --review FILE reads one from anywhere, named relative to the report folder', async () => {
    await withReviewBeside(valid, async () => {
      const page = path.join(out, 'none.html')
      expect((await run(['check', dir, '--no-review', '--audit', page])).code).toBe(0)
      expect(await reviewState(page)).toEqual(['unreviewed'])
    })
    await mkdir(path.join(out, 'elsewhere'), {recursive: true})
    await writeFile(path.join(out, 'elsewhere', 'mine.json'), valid)
    const page = path.join(out, 'named.html')
    expect((await run(['check', dir, '--review', 'elsewhere/mine.json', '--format', 'html'])).out).toContain('Relecture reprise de ')
    expect((await run(['check', dir, '--review', 'elsewhere/mine.json', '--audit', page])).code).toBe(0)
    expect(await reviewState(page)).toEqual(['queried'])
    expect(await readFile(page, 'utf8')).toContain(`Relecture reprise de ${path.relative(dir, path.join(out, 'elsewhere', 'mine.json'))}`)
  })

  test('a broken review file is a located `schema` finding, not a stack trace; the page is still written, without marks', async () => {
    const broken = valid.replace('"status": "queried"', '"status": "ok"')
    await withReviewBeside(broken, async () => {
      const page = path.join(out, 'broken.html')
      const json = await run(['check', dir, '--format', 'json', '--audit', page])
      expect(json.code).toBe(1)
      expect(json.err).toBe('')
      const line = broken.split('\n').findIndex((text) => text.includes('"status"')) + 1
      expect(JSON.parse(json.out)).toEqual([
        {file: 'review.json', line, column: 17, endLine: line, endColumn: 21, rule: 'schema', severity: 'error', message: 'Unexpected value "ok" for `marks[0].status`, expected "verified", "queried"'}
      ])
      expect(await reviewState(page)).toEqual(['unreviewed'])
      expect(await readFile(page, 'utf8')).toContain('marks[0].status')
      expect(await readFile(page, 'utf8')).toContain('Relecture non reprise\u00A0: review.json n’a pas pu être lu (voir les diagnostics).')
      const pretty = await run(['check', dir, '--audit', page])
      expect(pretty.out).toContain(
        [`review.json`, `  ${line}:17  error  Unexpected value "ok" for \`marks[0].status\`, expected "verified", "queried"  schema`, `    ${line} |       "status": "ok",`, `       |                 ^^^^`].join('\n')
      )
    })
  })

  test('the review.json beside the report is read only for a page; one named with --review always', async () => {
    await withReviewBeside('{ not json', async () => {
      expect(await run(['check', dir, '--format', 'json'])).toMatchObject({code: 0, out: '[]\n'})
      const named = await run(['check', dir, '--format', 'json', '--review', path.join(dir, 'review.json')])
      expect(named.code).toBe(1)
      expect(JSON.parse(named.out)).toEqual([expect.objectContaining({file: 'review.json', line: 1, column: 3, rule: 'schema'})])
    })
  })

  test('a named review file that does not exist cannot run (exit 2), and says what to do', async () => {
    const {code, err} = await run(['check', dir, '--audit', path.join(out, 'x.html'), '--review', 'missing.json'])
    expect(code).toBe(2)
    // Named as the user wrote it, from where they ran the command, not from the report folder.
    expect(err).toBe('rapporteur: Cannot find the review file `missing.json`\n  Save one from the audit page (its “Save review” button; “Enregistrer la relecture” in a French report), or leave out --review.\n')
  })
})
