import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, test, vi} from 'vitest'
import {main} from '../../src/cli/main.js'
import {explainFileSystemError} from '../../src/load/file-system-error.js'
import {captureIo} from '../helpers/io.js'
import {writeProject} from '../helpers/project.js'

/**
 * Hostile projects: a canary file outside the project, reached through every path a project can
 * name, must appear in no output and no message; refused files are located findings, never a
 * crash or a hang; what a project writes into outputs is escaped for where it goes.
 */
const CANARY = 'CANARY-7f3a-do-not-leak'
let outside: string
const made: string[] = []

beforeAll(async () => {
  outside = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-outside-'))
  await writeFile(path.join(outside, 'canary.md'), `# ${CANARY}\n\n${CANARY} 40 % [@enquete-2024].\n`)
  await writeFile(path.join(outside, 'canary.css'), `body::after { content: "${CANARY}"; }\n`)
  await writeFile(path.join(outside, 'canary.yaml'), `- id: x\n  term: ${CANARY}\n  definition: ${CANARY}\n`)
  await mkdir(path.join(outside, 'folder'))
  await writeFile(path.join(outside, 'folder', 'canary.png'), CANARY)
})
afterAll(async () => {
  await rm(outside, {recursive: true, force: true})
  await Promise.all(made.map((dir) => rm(dir, {recursive: true, force: true})))
})

async function project(files: Record<string, string> = {}): Promise<string> {
  const dir = await writeProject(files)
  made.push(dir)
  return dir
}

async function configWith(dir: string, extra: string, replace?: [string, string]): Promise<void> {
  const file = path.join(dir, 'rapporteur.yaml')
  let text = await readFile(file, 'utf8')
  if (replace) text = text.replace(replace[0], replace[1])
  await writeFile(file, text + extra)
}

/** Every byte rapporteur wrote under `dir` (outputs), as text. */
async function everythingWritten(dir: string): Promise<string> {
  const out: string[] = []
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, {withFileTypes: true}).catch(() => [])) {
      const full = path.join(folder, entry.name)
      if (entry.isDirectory()) await walk(full)
      else if (entry.isFile()) out.push(await readFile(full, 'latin1'))
    }
  }
  await walk(path.join(dir, 'dist'))
  return out.join('\n')
}

async function run(dir: string, args: string[]) {
  const io = captureIo(dir)
  const code = await main(args, io)
  const said = io.out() + io.err()
  return {code, said, written: await everythingWritten(dir)}
}

describe('the canary outside the project leaks nowhere', () => {
  const cases: Array<[string, (dir: string) => Promise<void>, RegExp]> = [
    ['a chapter path with ../', async (dir) => configWith(dir, '', ['files: [chapters/intro.md]', `files: [chapters/intro.md, ../${path.basename(outside)}/canary.md]`]), /is outside the report folder/u],
    ['a chapter that is a link out', async (dir) => {
      await rm(path.join(dir, 'chapters/intro.md'))
      await symlink(path.join(outside, 'canary.md'), path.join(dir, 'chapters/intro.md'))
    }, /is a link to a file outside the report folder/u],
    ['a glossary that is a link out', async (dir) => {
      await rm(path.join(dir, 'glossary.yaml'))
      await symlink(path.join(outside, 'canary.yaml'), path.join(dir, 'glossary.yaml'))
    }, /link to a file outside/u],
    ['an absolute CSL path', async (dir) => configWith(dir, `citations: {csl: ${path.join(outside, 'canary.css')}}\n`), /relative to the report folder, not from the root of the disk/u],
    ['an archived copy out of the project', async (dir) => {
      await writeFile(path.join(dir, 'sources.yaml'), `- id: enquete-2024\n  type: survey\n  title: Enquête\n  author: Observatoire\n  date: 2024\n  file: ../${path.basename(outside)}/canary.md\n`)
    }, /outside the report folder/u]
  ]
  test.each(cases)('%s: a located finding, no content, nothing built from it', async (_, arrange, reason) => {
    const dir = await project()
    await arrange(dir)
    const {code, said, written} = await run(dir, ['build', '.', '--format', 'html'])
    expect(said).toMatch(reason)
    expect(said).not.toContain(CANARY)
    expect(written).not.toContain(CANARY)
    expect(said).not.toMatch(/internal error|\n\s+at /u)
    expect(code).toBeGreaterThan(0)
  })

  test('a theme stylesheet that is a link out stops the build with what to do, and no content', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'theme/styles'), {recursive: true})
    await symlink(path.join(outside, 'canary.css'), path.join(dir, 'theme/styles/print.css'))
    const {code, said, written} = await run(dir, ['build', '.', '--format', 'html'])
    expect(code).toBe(2)
    expect(said).toContain('is a link to a file outside the report folder')
    expect(said + written).not.toContain(CANARY)
  })

  test('a theme font named with ../ or linked out is not copied (and never written outside the output)', async () => {
    const dir = await project({'theme/styles/fonts.css': `@font-face { font-family: X; src: url("../fonts/../../../${path.basename(outside)}/canary.md"); }\n@font-face { font-family: Y; src: url("../fonts/lien.woff2"); }\n`})
    await mkdir(path.join(dir, 'theme/fonts'), {recursive: true})
    await symlink(path.join(outside, 'canary.md'), path.join(dir, 'theme/fonts/lien.woff2'))
    const {written} = await run(dir, ['build', '.', '--format', 'html'])
    expect(written).not.toContain(CANARY)
    // Copied by its name, `../../../x/canary.md` would have landed beside the project.
    expect(existsSync(path.join(dir, path.basename(outside), 'canary.md'))).toBe(false)
  })

  test('assets that link out are not copied; the rest is', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'assets'))
    await writeFile(path.join(dir, 'assets', 'carte.txt'), 'inside')
    await symlink(path.join(outside, 'folder'), path.join(dir, 'assets', 'dehors'))
    await symlink(path.join(outside, 'canary.md'), path.join(dir, 'assets', 'canary.md'))
    const {code, written} = await run(dir, ['build', '.', '--format', 'html'])
    expect(code).toBe(0)
    expect(written).toContain('inside')
    expect(written).not.toContain(CANARY)
  })

  test('an assets folder that is itself a link out is not copied', async () => {
    const dir = await project()
    await symlink(path.join(outside, 'folder'), path.join(dir, 'assets'))
    const {code, written} = await run(dir, ['build', '.', '--format', 'html'])
    expect(code).toBe(0)
    expect(written).not.toContain(CANARY)
  })
})

describe('files that are not files', () => {
  test('a chapter that is a folder, and one over 10 MB: located findings', async () => {
    const dir = await project()
    await mkdir(path.join(dir, 'chapters/dossier.md'))
    await writeFile(path.join(dir, 'chapters/enorme.md'), `# Énorme\n\n${'x'.repeat(11 * 1024 * 1024)}\n`)
    await configWith(dir, '', ['files: [chapters/intro.md]', 'files: [chapters/intro.md, chapters/dossier.md, chapters/enorme.md]'])
    const io = captureIo(dir)
    expect(await main(['check', '.', '--format', 'json'], io)).toBe(1)
    const findings = JSON.parse(io.out()) as Array<{file: string; line: number; message: string}>
    expect(findings).toContainEqual(expect.objectContaining({file: 'rapporteur.yaml', message: 'Cannot read `chapters/dossier.md`: it is a folder, expected a file'}))
    expect(findings).toContainEqual(expect.objectContaining({file: 'rapporteur.yaml', message: 'Cannot read `chapters/enorme.md`: it is 11 MB, more than the 10 MB rapporteur reads'}))
  })

  test.skipIf(process.platform === 'win32')('a FIFO as a chapter is refused at once, not waited on', async () => {
    const dir = await project()
    execFileSync('mkfifo', [path.join(dir, 'chapters/tube.md')])
    await configWith(dir, '', ['files: [chapters/intro.md]', 'files: [chapters/intro.md, chapters/tube.md]'])
    const io = captureIo(dir)
    expect(await main(['check', '.', '--format', 'json'], io)).toBe(1)
    expect(io.out()).toContain('Cannot read `chapters/tube.md`: it is not a regular file, expected a file')
  }, 10_000)
})

describe('limits instead of crashes', () => {
  test('10,000 nested quotes, 3,000 nested list levels, braces 20,000 deep: located findings in seconds', async () => {
    const dir = await project({
      'chapters/intro.md': `# Intro\n\n${'> '.repeat(10_000)}x\n`,
      'chapters/listes.md': `# Listes\n\n${Array.from({length: 3000}, (_, level) => `${'  '.repeat(level)}- x`).join('\n')}\n`,
      'sources.bib': `@article{enquete-2024, title = {${'{'.repeat(20_000)}a${'}'.repeat(20_000)}}, author = {A}, year = {2024}}\n`
    })
    await configWith(dir, '', ['files: [chapters/intro.md]', 'files: [chapters/intro.md, chapters/listes.md]'])
    const started = performance.now()
    const io = captureIo(dir)
    expect(await main(['check', '.', '--format', 'json'], io)).toBe(1)
    expect(performance.now() - started).toBeLessThan(20_000)
    const findings = JSON.parse(io.out()) as Array<{file: string; line: number; message: string}>
    expect(findings).toContainEqual(expect.objectContaining({file: 'chapters/intro.md', line: 3, message: 'Cannot read blocks nested 10000 deep, expected at most 100 levels of quotes and lists'}))
    expect(findings).toContainEqual(expect.objectContaining({file: 'chapters/listes.md', message: 'Cannot read blocks nested 101 deep, expected at most 100 levels of quotes and lists'}))
    expect(findings).toContainEqual(expect.objectContaining({file: 'sources.bib', line: 1, message: expect.stringContaining('braces nested more than 100 deep')}))
    expect(io.err()).not.toContain('internal error')
  }, 30_000)
})

describe('many findings', () => {
  test('a terminal is shown the first 500 findings and told how many more; JSON gives all', async () => {
    const dir = await project({'chapters/intro.md': `# Intro\n\n${Array.from({length: 1200}, (_, index) => `Ligne ${index} : ${index + 10} % des cas.`).join('\n\n')}\n\n:term[sextorsion] [@enquete-2024]\n`})
    const pretty = captureIo(dir)
    expect(await main(['check', '.'], pretty)).toBe(1)
    expect(pretty.out().match(/figure-needs-citation/gu)).toHaveLength(500)
    expect(pretty.out()).toContain('… 700 more findings not shown: `--format json` lists them all')
    const json = captureIo(dir)
    await main(['check', '.', '--format', 'json'], json)
    expect(JSON.parse(json.out())).toHaveLength(1200)
  })
})

describe('broken templates', () => {
  test.each([
    ['an unclosed section', '<header>{{#title}}</header>\n', /Cannot read the template `[^`]*cover\.html`: Unclosed section "title" at 2:1/u],
    ['a partial that calls itself', '<header>{{> cover}}</header>\n', /they call each other in a loop \(cover\.html → cover\.html\)/u]
  ])('%s: what is wrong and where, exit 2, in an instant', async (_, template, message) => {
    const dir = await project({'theme/templates/cover.html': template})
    const {code, said} = await run(dir, ['build', '.', '--format', 'html'])
    expect(code).toBe(2)
    expect(said).toMatch(message)
    expect(said).not.toContain('internal error')
  })
})

describe('odd YAML', () => {
  test('a list used as a key is a placed finding, and nothing is printed raw', async () => {
    const warn = vi.spyOn(process, 'emitWarning')
    const dir = await project({'glossary.yaml': '- id: x\n  term: t\n  definition: d\n  ? [a, b]\n  : c\n'})
    const io = captureIo(dir)
    await main(['check', '.', '--format', 'json'], io)
    expect(JSON.parse(io.out())).toContainEqual(expect.objectContaining({file: 'glossary.yaml', line: 4, column: 5, message: 'Cannot read YAML: a list or a map used as a key, expected a name'}))
    expect(warn).not.toHaveBeenCalled()
    warn.mockRestore()
  })
})

describe('messages that say what was wanted', () => {
  test('a YAML alias where a text goes, and `file` in CSL-JSON, say what to write', async () => {
    const dir = await project({'sources.yaml': '- &a\n  id: enquete-2024\n  type: report\n  title: t\n  author: A\n  date: 2020\n  note: *a\n'})
    const io = captureIo(dir)
    await main(['check', '.', '--format', 'json'], io)
    expect(JSON.parse(io.out())).toContainEqual(expect.objectContaining({file: 'sources.yaml', line: 7, message: 'Unexpected map for `note`, expected a string or a number in entry `enquete-2024`'}))
    const json = await project({'sources.json': '[{"id":"enquete-2024","type":"report","title":"E","author":[{"literal":"O"}],"issued":{"date-parts":[[2024]]},"file":"x.pdf"}]'})
    const second = captureIo(json)
    await main(['check', '.', '--format', 'json'], second)
    expect(second.out()).toContain('archived copies are read from sources.yaml only')
  })
})

describe('file-system failures', () => {
  test('an output folder that is a file: the path and what to do, exit 2, no internal error', async () => {
    const dir = await project()
    await writeFile(path.join(dir, 'sortie'), 'a file')
    const {code, said} = await run(dir, ['build', '.', '--out', 'sortie', '--format', 'html'])
    expect(code).toBe(2)
    expect(said).toMatch(/Cannot write `[^`]*sortie[^`]*`: a file stands where a folder is needed/u)
    expect(said).toContain('Give --out a folder')
    expect(said).not.toContain('internal error')
  })

  test('a full disk, a read-only file system, a permission refused: each says what to do', () => {
    for (const [code, words] of [['ENOSPC', 'the disk is full'], ['EROFS', 'read-only'], ['EACCES', 'permission denied']] as const) {
      const error = Object.assign(new Error(code), {code, path: '/srv/rapport/dist/rapport.pdf'})
      const explained = explainFileSystemError(error) as Error & {hint?: string}
      expect(explained.message).toBe(`Cannot write \`/srv/rapport/dist/rapport.pdf\`: ${words === 'read-only' ? 'the file system is read-only' : words}`)
      expect(explained.hint).toBeTruthy()
    }
  })
})

describe('nothing listed is read less than it says', () => {
  test('a file listed twice in an edition is a config error at the second entry (it would be read once)', async () => {
    const dir = await project({'chapters/autre.md': '# Autre\n\nUn texte.\n'})
    await configWith(dir, '', ['files: [chapters/intro.md, chapters/autre.md]', 'files: [chapters/intro.md, chapters/autre.md, ./chapters/intro.md]'])
    const io = captureIo(dir)
    expect(await main(['check', '.', '--format', 'json'], io)).toBe(2)
    const [finding] = JSON.parse(io.out()) as Array<{file: string; line: number; message: string; rule: string}>
    expect(finding).toMatchObject({file: 'rapporteur.yaml', rule: 'schema'})
    expect(finding!.message).toBe('Unexpected value for `editions.full.files[2]`: `./chapters/intro.md` is listed twice in this edition, expected each file once')
  })
})

describe('outputs never collide', () => {
  test('two editions with one output name, and an output name of dots: config errors with a place', async () => {
    const dir = await project({'synthese.md': '# Synthèse\n\nUn texte.\n'})
    await configWith(dir, '  synthesis: {title: Synthèse, files: [synthese.md], output: RAPPORT}\n')
    const io = captureIo(dir)
    expect(await main(['check', '.', '--format', 'json'], io)).toBe(2)
    expect(io.err() + io.out()).toMatch(/rapporteur\.yaml[\s\S]*synthesis[\s\S]*output name other than the full edition's `rapport`|output name other than the full edition's `rapport`/u)
    const dots = await project()
    await configWith(dots, '', ['output: rapport', 'output: ..'])
    const second = captureIo(dots)
    expect(await main(['check', '.'], second)).toBe(2)
    expect(second.err() + second.out()).toContain('expected a file name of plain letters, digits, `-`, `_` and `.`, without folder or extension, as web addresses keep them (`rapport`)')
    // A title typed as the name: the name to write.
    const titled = await project()
    await configWith(titled, '', ['output: rapport', 'output: Rapport annuel – Été 2026'])
    const third = captureIo(titled)
    expect(await main(['check', '.'], third)).toBe(2)
    expect(third.err() + third.out()).toContain('(`rapport-annuel-ete-2026`)')
  })

  test('a theme name that climbs out is a config error with a place', async () => {
    const dir = await project()
    await configWith(dir, 'theme: ../../../../etc\n')
    const io = captureIo(dir)
    // Refused, set aside (the default theme then), and the rest checked: exit 1.
    expect(await main(['check', '.'], io)).toBe(1)
    expect(io.err() + io.out()).toMatch(/rapporteur\.yaml[\s\S]*\d+:\d+[\s\S]*a theme name such as `default`/u)
  })
})

describe('what a project writes is escaped where it goes', () => {
  const script = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
  const sources = `- id: enquete-2024
  type: survey
  title: '${script}'
  author: '${script}'
  date: 2024
`

  test('the HTML edition and the audit page hold the text, never the markup', async () => {
    const dir = await project({'sources.yaml': sources, 'chapters/intro.md': `# Intro ${script.replace(/[<>]/gu, '')}\n\nUn constat de 40 % [@enquete-2024] sur la :term[sextorsion].\n`})
    const built = await run(dir, ['build', '.', '--format', 'html'])
    expect(built.code).toBe(0)
    const html = await readFile(path.join(dir, 'dist', 'rapport.html'), 'utf8')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<img src=x')
    expect(html).toContain('&#x3C;/script>')
    const io = captureIo(dir)
    await main(['check', '.', '--format', 'html'], io)
    const audit = io.out()
    expect(audit).not.toContain('<script>alert')
    expect(audit).not.toContain('<img src=x')
    // The audit page runs only its own script, by hash.
    expect(audit).toMatch(/script-src (?:'|&#x27;)sha256-/u)
  })

  test('CSV cells a spreadsheet would run as formulas start with an apostrophe', async () => {
    const dir = await project({'sources.yaml': sources.replace(`title: '${script}'`, "title: '=HYPERLINK(\"http://x.example\",\"clic\")'").replace(`author: '${script}'`, 'author: "@SUM(1+1)"')})
    const io = captureIo(dir)
    expect(await main(['export', 'sources', '.', '--format', 'csv'], io)).toBe(0)
    expect(io.out()).toContain(`"'=HYPERLINK(""http://x.example"",""clic"")"`)
    expect(io.out()).toContain("'@SUM(1+1)")
    expect(io.out()).not.toMatch(/(^|,)=HYPERLINK/mu)
  })
})
