import {appendFile, mkdir, mkdtemp, readFile, rm, symlink, utimes, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/**
 * `rapporteur build` on a report nothing changed in since the last build says so and stops
 * (api/build-state.ts), and builds again as soon as anything it is made from changed. HTML-only
 * builds, to keep the browser out of it; the PDF goes through the same state.
 */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

/** A project with one warning (a source nothing cites), built once. */
const unusedSource = `- id: enquete-2024\n  type: survey\n  title: Enquête nationale\n  author: Observatoire\n  date: 2024\n- id: autre-2023\n  type: report\n  title: Autre rapport\n  author: Observatoire\n  date: 2023\n`

async function built(): Promise<string> {
  const dir = await writeProject({'sources.yaml': unusedSource})
  made.push(dir)
  const first = await run(dir)
  expect(first.code).toBe(0)
  expect(first.err).not.toContain('nothing changed')
  return dir
}

async function run(dir: string, ...args: string[]) {
  const io = captureIo(dir)
  const code = await main(['build', '.', '--format', 'html', '--no-progress', ...args], io)
  return {code, out: io.out(), err: io.err()}
}

describe('an unchanged report is not built again', () => {
  test('the second build says nothing changed, lists the outputs and shows the findings again', async () => {
    const dir = await built()
    const first = await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')
    const again = await run(dir)
    expect(again.code).toBe(0)
    expect(again.err).toContain('nothing changed since the last build')
    expect(again.out).toBe('dist/rapport.html (up to date)\n')
    expect(await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')).toBe(first)
  })

  test('findings are shown again, at the same place, with their excerpt', async () => {
    const dir = await writeProject({'sources.yaml': unusedSource})
    made.push(dir)
    const first = await run(dir)
    const again = await run(dir)
    expect(again.err).toContain('nothing changed')
    expect(first.err).toMatch(/6:7 +warning .*unused-source/u)
    expect(again.err.replace(/rapporteur: nothing changed.*\n/u, '')).toBe(first.err)
    expect(again.code).toBe(first.code)
  })

  test('a file saved with the same content is not a change; a changed, added or removed file is', async () => {
    const dir = await built()
    const chapter = path.join(dir, 'chapters', 'intro.md')
    const later = new Date(Date.now() + 5_000)
    await utimes(chapter, later, later)
    expect((await run(dir)).err).toContain('nothing changed')

    await writeFile(chapter, `${await readFile(chapter, 'utf8')}\nUne phrase de plus.\n`)
    const changed = await run(dir)
    expect(changed.err).not.toContain('nothing changed')
    expect(await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')).toContain('Une phrase de plus.')
    expect((await run(dir)).err).toContain('nothing changed')

    await writeFile(path.join(dir, 'notes.txt'), 'un fichier de plus\n')
    expect((await run(dir)).err).not.toContain('nothing changed')
    await rm(path.join(dir, 'notes.txt'))
    expect((await run(dir)).err).not.toContain('nothing changed')
  })

  test('a missing or edited output, other options, or --force build again', async () => {
    const dir = await built()
    await rm(path.join(dir, 'dist', 'rapport.html'))
    expect((await run(dir)).err).not.toContain('nothing changed')
    await writeFile(path.join(dir, 'dist', 'assets', 'styles', 'base.css'), '/* edited */\n')
    expect((await run(dir)).err).not.toContain('nothing changed')
    expect(await readFile(path.join(dir, 'dist', 'assets', 'styles', 'base.css'), 'utf8')).not.toBe('/* edited */\n')
    expect((await run(dir)).err).toContain('nothing changed')
    expect((await run(dir, '--force')).err).not.toContain('nothing changed')
    const io = captureIo(dir)
    await main(['build', '.', '--format', 'html', '--edition', 'full', '--no-progress'], io)
    expect(io.err()).not.toContain('nothing changed')
  })

  test('--force prints every PDF again, even one whose print is unchanged, with the browser asked for', async () => {
    const dir = await built()
    const pdf = async (...args: string[]) => {
      const io = captureIo(dir)
      const code = await main(['build', '.', '--format', 'pdf', '--edition', 'full', '--no-progress', ...args], io)
      return {code, out: io.out(), err: io.err()}
    }
    expect((await pdf()).code).toBe(0)
    // The whole build unchanged, then only the print: each is kept without --force.
    expect((await pdf()).err).toContain('nothing changed')
    await appendFile(path.join(dir, 'notes.txt'), 'un fichier de plus\n')
    expect((await pdf()).out).toMatch(/rapport\.pdf \(\d+ pages?, up to date\)/u)
    const forced = await pdf('--force')
    expect(forced.code).toBe(0)
    expect(forced.out).toMatch(/rapport\.pdf \(\d+ pages?\)/u)
    // A browser that is not there is said, not passed over because the PDF was there.
    const missing = await pdf('--force', '--browser', path.join(dir, 'no-such-browser'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('no-such-browser')
  }, 90_000)

  test('a build that fails leaves the state of the last good one: back to its inputs, it is up to date again', async () => {
    const dir = await built()
    const chapter = path.join(dir, 'chapters', 'intro.md')
    const good = await readFile(chapter, 'utf8')
    await writeFile(chapter, `${good}\nEn 2024, 42 % des cas.\n`)
    const failed = await run(dir)
    expect(failed.code).toBe(1)
    expect(failed.err).toContain('figure-needs-citation')
    await writeFile(chapter, good)
    expect((await run(dir)).err).toContain('nothing changed')
  })
})

describe('an edition whose print is unchanged is taken from the layout store', () => {
  test('with `.print/` removed and another edition edited, its PDF comes back as it was, not laid out; not with the store off or --force', async () => {
    const two = `${baseProject['rapporteur.yaml']!.replace('files: [chapters/intro.md]', 'files: [chapters/intro.md, chapters/deux.md]')}  synthesis: {title: Synthèse, files: [chapters/intro.md], output: synthese}\n`
    const dir = await writeProject({'rapporteur.yaml': two, 'chapters/deux.md': '# Deux\n\nUn second chapitre.\n'})
    // The user's cache folder, beside the project (not one of its files).
    const cache = `${dir}.cache`
    made.push(dir, cache)
    const pdf = async (env: NodeJS.ProcessEnv = {}, ...args: string[]) => {
      const io = captureIo(dir, {RAPPORTEUR_CACHE: cache, RAPPORTEUR_LAYOUT_CACHE: 'on', ...env})
      const code = await main(['build', '.', '--format', 'pdf', '--no-progress', ...args], io)
      return {code, out: io.out(), err: io.err()}
    }
    const first = await pdf()
    expect(first.code).toBe(0)
    expect(first.out).not.toContain('up to date')
    const synthesis = await readFile(path.join(dir, 'dist', 'synthese.pdf'))
    const edit = async (text: string) => {
      await rm(path.join(dir, 'dist', '.print'), {recursive: true, force: true})
      await appendFile(path.join(dir, 'chapters', 'deux.md'), `\n${text}\n`)
    }
    await edit('Une phrase de relecture.')
    const again = await pdf()
    expect(again.code).toBe(0)
    // The full edition printed again (its second chapter changed), the synthesis taken as it was.
    expect(again.out).toMatch(/dist\/rapport\.pdf \(\d+ pages?\)\n/u)
    expect(again.out).toMatch(/dist\/synthese\.pdf \(\d+ pages?, up to date\)/u)
    expect(Buffer.compare(await readFile(path.join(dir, 'dist', 'synthese.pdf')), synthesis)).toBe(0)
    // Its key is back in `.print/`: the next build keeps it from there.
    await appendFile(path.join(dir, 'notes.txt'), 'un fichier de plus\n')
    expect((await pdf()).out).toMatch(/dist\/synthese\.pdf \(\d+ pages?, up to date\)/u)
    // With the store off, or --force, it is printed again.
    await edit('Une autre phrase.')
    expect((await pdf({RAPPORTEUR_LAYOUT_CACHE: 'off'})).out).toMatch(/dist\/synthese\.pdf \(\d+ pages?\)\n/u)
    await edit('Une troisième phrase.')
    expect((await pdf({}, '--force')).out).toMatch(/dist\/synthese\.pdf \(\d+ pages?\)\n/u)
  }, 120_000)
})

describe('the files a build is made from', () => {
  test('every file of the report but its output, .git and node_modules; links followed inside the report only', async () => {
    const {projectFiles} = await import('../../src/api/build-state.js')
    const dir = await writeProject({'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>\n'})
    made.push(dir)
    const outside = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-outside-'))
    await writeFile(path.join(outside, 'secret.txt'), 'not part of the report\n')
    await mkdir(path.join(dir, '.git'), {recursive: true})
    await writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n')
    await mkdir(path.join(dir, 'dist'), {recursive: true})
    await writeFile(path.join(dir, 'dist', 'rapport.html'), '<p>output</p>\n')
    await symlink(outside, path.join(dir, 'dehors'))
    await symlink(path.join(dir, 'assets'), path.join(dir, 'assets-bis'))
    await symlink(dir, path.join(dir, 'boucle'))
    const files = await projectFiles(dir, path.join(dir, 'dist'))
    await rm(outside, {recursive: true, force: true})
    expect(files).toContain('chapters/intro.md')
    expect(files).toContain('assets/logo.svg')
    expect(files).not.toContain('dehors/secret.txt')
    expect(files.some((file) => file.startsWith('.git') || file.startsWith('dist'))).toBe(false)
    // A folder reached twice (a link to a folder of the report, a link to the report itself) is listed once.
    expect(files.filter((file) => file.endsWith('logo.svg'))).toHaveLength(1)
  })

  test('a file that cannot be read, or is gone, does not stop the build: it is stamped so that no later build matches it', async () => {
    const {stampOf} = await import('../../src/api/build-state.js')
    const dir = await writeProject({})
    made.push(dir)
    const unreadable = await stampOf(path.join(dir, 'chapters'), 'chapters')
    expect(unreadable.sha1).toBe('')
    const gone = await stampOf(path.join(dir, 'absent.md'), 'absent.md')
    expect(gone).toEqual({path: 'absent.md', size: -1, mtimeMs: -1, sha1: ''})
  })
})
