import {existsSync, mkdtempSync, readdirSync, realpathSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, describe, expect, test} from 'vitest'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'

const fixtures = path.join(import.meta.dirname, '../fixtures')
const repositoryRoot = realpathSync(path.join(import.meta.dirname, '../..'))
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function run(args: string[], cwd = fixtures) {
  const io = captureIo(cwd)
  const code = await main(args, io)
  return {code, out: io.out(), err: io.err()}
}

describe('rapporteur check', () => {
  test('a merge conflict’s code frame shows its marker as written, not the empty line read in its place', async () => {
    const dir = await writeProject({'chapters/intro.md': '# Intro\n\n<<<<<<< HEAD\nLa :term[sextorsion] progresse [@enquete-2024].\n=======\nLa sextorsion recule.\n>>>>>>> relecture\n'})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--rule', 'figure-needs-citation=off'], path.dirname(dir))
    expect(code).toBe(1)
    expect(out).toContain('  3:1  error  Unexpected merge conflict between `HEAD` (1 line) and `relecture` (1 line)')
    expect(out).toContain('    3 | <<<<<<< HEAD\n')
  })

  test('pretty output groups by file, shows a code frame and a summary line', async () => {
    const {code, out} = await run(['check', 'figure-needs-citation'])
    expect(code).toBe(1)
    expect(out).toBe(
      [
        'chapters/intro.md',
        '  3:1  error  Unexpected figure `40 %` without a source, expected a citation in its sentence, a footnote with one, or a `stat` block  figure-needs-citation',
        '    3 | 40 % des affaires ont conduit à des actes. La :term[sextorsion] progresse [@enquete-2024].',
        '      | ^^^^',
        '',
        '✖ 1 error',
        ''
      ].join('\n')
    )
  })

  test('a clean project prints one line and exits 0', async () => {
    const dir = await writeProject({})
    made.push(dir)
    const {code, out} = await run(['check', dir])
    expect(code).toBe(0)
    expect(out).toBe('✓ no problems\n')
  })

  test('input Markdown or the browser would drop is reported where it is: a TIFF image exits 1, a stray chapter and a lone footnote warn', async () => {
    const tiff = 'II*\0\x08\0\0\0\x02\0\0\x01\x03\0\x01\0\0\0\x28\0\0\0\x01\x01\x03\0\x01\0\0\0\x1e\0\0\0\0\0\0\0'
    const config = `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`
    const dir = await writeProject({'rapporteur.yaml': config, 'chapters/intro.md': '# Intro\n\n![La salle d’écoute](photo.tif)\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n[^1]: Une note seule.\n', 'chapters/photo.tif': tiff, 'chapters/annexe.md': '# Annexe\n'})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--format', 'json'])
    expect(code).toBe(1)
    expect((JSON.parse(out) as Array<{file: string; line: number; column: number; rule: string; severity: string; message: string}>).map(({file, line, column, rule, severity, message}) => `${file}:${line}:${column} ${severity} ${rule} ${message}`)).toEqual([
      'chapters/annexe.md:1:1 warning unread-file Unexpected Markdown file `chapters/annexe.md` that no edition reads, expected it in an edition\'s `files` in rapporteur.yaml (or a name starting with `_` to keep it out)',
      'chapters/intro.md:3:1 error missing-image Unexpected TIFF image `chapters/photo.tif`, expected a PNG, JPEG, GIF, WebP, AVIF or SVG image: browsers do not show TIFF, so it would be missing from the HTML and the PDF (export it as PNG or JPEG)',
      'chapters/intro.md:7:1 warning unmatched-footnote Unexpected footnote `[^1]` that no call uses, expected a call `[^1]` in the text of chapters/intro.md: the note is left out'
    ])
  })

  test('a Better BibTeX export with the slips of a user trial: each said at its line and column, no entry lost for another\'s slip', async () => {
    const config = `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\nsources: refs.bib\ncheck: {sources: {maxAgeYears: 100}, rules: {duplicate-id: warning}}\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`
    const bib = [
      '@book{sen1999,',
      '  title = {Development as Freedom},',
      "  author = {Mart{\\'\\i}n, Jos{\\'e}},",
      '  publisher = {Oxford University Press},',
      '  year = {1999}',
      '}',
      '',
      '@book{sen1999,',
      '  title = {Un doublon},',
      '  author = {Sen, Amartya},',
      '  publisher = oup,',
      '  year = {2000}',
      '}',
      '',
      '@report{ok2020,',
      '  title = {Entrée avec une accolade {non fermée},',
      '  author = {{Observatoire}},',
      '  year = {2020}',
      '}',
      '',
      '@report{bon2021,',
      '  title = {Taux de 20,2\\,\\% \\citeorg{ONPE}},',
      '  author = {{Observatoire}},',
      '  institution = {Observatoire},',
      '  date = {2021-02-30}',
      '}',
      ''
    ].join('\n')
    const dir = await writeProject({'rapporteur.yaml': config, 'refs.bib': bib, 'sources.yaml': undefined as unknown as string, 'chapters/intro.md': '# Intro\n\nUn constat [@sen1999; @ok2020; @bon2021] sur la :term[sextorsion].\n'})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--format', 'json'])
    expect(code).toBe(1)
    expect((JSON.parse(out) as Array<{file: string; line: number; column: number; rule: string; severity: string; message: string}>).map(({file, line, column, rule, severity, message}) => `${file}:${line}:${column} ${severity} ${rule} ${message}`)).toEqual([
      'refs.bib:8:1 warning duplicate-id Unexpected duplicate source id `sen1999`, expected a unique one (first defined at refs.bib:1:1)',
      'refs.bib:8:1 warning source-incomplete Unexpected @book `sen1999` without `publisher`, expected what a reader needs to find it again',
      'refs.bib:11:15 error schema Unexpected undefined BibTeX string `oup` in `publisher`, expected `@string{oup = {…}}` before `@book{sen1999`, or the text in braces (`publisher = {oup}`): the field is read as empty',
      'refs.bib:16:11 error schema Cannot parse BibTeX entry `ok2020`: expected `}` closing the entry opened at line 15 before the next entry, at line 21: the `{` of `title` here is not closed (its value runs into the field on line 17); the entry is left out',
      'refs.bib:22:29 warning unread-field Unexpected LaTeX command `\\citeorg` in `title` of `@report{bon2021`: rapporteur does not decode it and prints it as written; write the character or the text it stands for',
      'refs.bib:25:3 error schema Unexpected value `2021-02-30` for `date`, expected a day of February 2021, 1 to 28: the date is read as `2021-02` in entry `bon2021`',
      'chapters/intro.md:3:23 error unknown-source Unexpected source key `ok2020`: its entry in refs.bib is invalid, see the `schema` finding there'
    ])
  })

  test('a web font imported in theme/custom.css stops the build at check, located, exit 1 and no stack trace (the print failed on it with "ProgressEvent")', async () => {
    const dir = await writeProject({'theme/custom.css': '@import url("https://fonts.googleapis.com/css2?family=Inter");\n\n:root { --rp-font-body: "Inter", sans-serif; }\n'})
    made.push(dir)
    const {code, out, err} = await run(['build', dir, '--format', 'html', '--no-color'])
    expect(code).toBe(1)
    expect(out + err).toContain('theme/custom.css\n  1:14  error  Unexpected address on the web `https://fonts.googleapis.com/css2?family=Inter` in theme/custom.css')
    expect(out + err).not.toMatch(/ProgressEvent|\n\s+at /u)
    expect(existsSync(path.join(dir, 'dist', 'rapport.html'))).toBe(false)
  })

  test('warnings alone exit 0, unless there are more than --max-warnings', async () => {
    expect((await run(['check', 'unused-term'])).code).toBe(0)
    const strict = await run(['check', 'unused-term', '--max-warnings', '0'])
    expect(strict.code).toBe(1)
    expect(strict.err).toContain('more than --max-warnings 0')
    // In GitHub Actions the failure is an annotation too, beside the warning's own.
    const github = await run(['check', 'unused-term', '--max-warnings', '0', '--format', 'github'])
    expect(github.code).toBe(1)
    expect(github.out).toMatch(/^::warning /mu)
    expect(github.out).toMatch(/^::error title=rapporteur::1 warning, more than --max-warnings 0$/mu)
  })

  test('--rule overrides a severity for one run', async () => {
    const off = await run(['check', 'figure-needs-citation', '--rule', 'figure-needs-citation=off', '--format', 'json'])
    expect(JSON.parse(off.out)).toEqual([])
    expect(off.code).toBe(0)
    const warning = await run(['check', 'figure-needs-citation', '--rule', 'figure-needs-citation=warning', '--format', 'json'])
    expect(JSON.parse(warning.out)[0].severity).toBe('warning')
  })

  test('an unknown rule in --rule is refused with a suggestion and exit 2', async () => {
    const {code, err} = await run(['check', 'figure-needs-citation', '--rule', 'figure-need-citation=off'])
    expect(code).toBe(2)
    expect(err).toContain('did you mean `figure-needs-citation`?')
  })

  test('sarif output is SARIF 2.1.0 with rules and located results, paths from the repository root', async () => {
    const {out} = await run(['check', 'unknown-source', '--format', 'sarif'])
    const log = JSON.parse(out)
    expect(log.version).toBe('2.1.0')
    const [sarifRun] = log.runs
    expect(sarifRun.tool.driver.name).toBe('rapporteur')
    const result = sarifRun.results.find((item: {ruleId: string}) => item.ruleId === 'unknown-source')
    expect(result.level).toBe('error')
    // The fixtures are in rapporteur's own repository (a clone or a worktree).
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: {uri: 'test/fixtures/unknown-source/chapters/intro.md', uriBaseId: '%SRCROOT%'},
      region: {startLine: 3, startColumn: 13, endLine: 3, endColumn: 26}
    })
    expect(sarifRun.originalUriBaseIds['%SRCROOT%'].uri).toBe(`${pathToFileURL(repositoryRoot).href}/`)
    expect(sarifRun.tool.driver.rules[result.ruleIndex].id).toBe('unknown-source')
  })

  test('github output is one workflow annotation per finding, paths from the repository root', async () => {
    const {out} = await run(['check', 'unused-source', '--format', 'github'])
    expect(out).toBe(
      '::warning file=test/fixtures/unused-source/sources.yaml,line=1,col=7,endLine=1,endColumn=19,title=unused-source::Unexpected unused source `enquete-2024`, expected a citation of it somewhere in the report\n'
    )
  })

  test('gitlab output is a Code Quality report, paths from the repository root', async () => {
    const {code, out} = await run(['check', 'unused-source', '--format', 'gitlab'])
    expect(code).toBe(0)
    const [issue, ...rest] = JSON.parse(out) as Array<Record<string, unknown>>
    expect(rest).toEqual([])
    expect(issue).toEqual({
      description: 'Unexpected unused source `enquete-2024`, expected a citation of it somewhere in the report',
      check_name: 'unused-source',
      fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      severity: 'minor',
      location: {path: 'test/fixtures/unused-source/sources.yaml', lines: {begin: 1, end: 1}}
    })
  })

  test('a folder without rapporteur.yaml exits 2 with what to do, no stack trace', async () => {
    const {code, err} = await run(['check', 'no-such-folder'])
    expect(code).toBe(2)
    expect(err).toBe(
      `rapporteur: Cannot find the report folder \`${path.join(fixtures, 'no-such-folder')}\`\n  Pass the folder that holds rapporteur.yaml (the sample is report/; docs/format.md describes one).\n`
    )
  })

  test('a broken rapporteur.yaml is reported at its place and exits 2', async () => {
    const {code, out} = await run(['check', 'config-invalid', '--format', 'json'])
    expect(code).toBe(2)
    expect(JSON.parse(out)[0]).toMatchObject({file: 'rapporteur.yaml', line: 3, column: 7, rule: 'schema', message: 'Unexpected number 12 for `lang`, expected a string'})
  })

  test('a broken rapporteur.yaml exits 2 with SARIF, GitHub and GitLab outputs that hold its findings at their places (docs/ci.md uploads them)', async () => {
    const sarif = await run(['check', 'config-invalid', '--format', 'sarif'])
    expect(sarif.code).toBe(2)
    const [sarifRun] = (JSON.parse(sarif.out) as {runs: Array<{results: Array<{ruleId: string; locations: Array<{physicalLocation: unknown}>}>}>}).runs
    expect(sarifRun!.results[0]).toMatchObject({ruleId: 'schema', locations: [{physicalLocation: {artifactLocation: {uri: 'test/fixtures/config-invalid/rapporteur.yaml', uriBaseId: '%SRCROOT%'}, region: {startLine: 3, startColumn: 7}}}]})
    const github = await run(['check', 'config-invalid', '--format', 'github'])
    expect(github.code).toBe(2)
    expect(github.out).toMatch(/^::error file=test\/fixtures\/config-invalid\/rapporteur\.yaml,line=3,col=7,endLine=3,endColumn=9,title=schema::Unexpected number 12 for `lang`, expected a string$/mu)
    const gitlab = await run(['check', 'config-invalid', '--format', 'gitlab'])
    expect(gitlab.code).toBe(2)
    expect((JSON.parse(gitlab.out) as unknown[])[0]).toMatchObject({check_name: 'schema', severity: 'major', location: {path: 'test/fixtures/config-invalid/rapporteur.yaml', lines: {begin: 3}}})
  })

  test('an unknown page size is refused where it is written', async () => {
    const dir = await writeProject({'rapporteur.yaml': `title: T\norganisation: O\nlang: fr\ndate: 2026\naxes: [{id: a, label: A}]\neditions: {full: {title: R, files: [chapters/intro.md], output: r}}\nprint: {size: A4-ish}\n`})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--format', 'json'])
    // An error, set aside (the default size then), and the rest of the report checked: exit 1, not 2.
    expect(code).toBe(1)
    expect(JSON.parse(out)).toContainEqual(
      expect.objectContaining({line: 7, column: 15, rule: 'schema', message: 'Unexpected value `A4-ish` for `print.size`, expected a page size such as `A4`, `A5 landscape`, `letter` or `170mm 240mm`'})
    )
  })

  test('a misspelt key in rapporteur.yaml is set aside: the rest of the report is still checked; a required key missing stops everything', async () => {
    const config = `title: T\norganisation: O\nlang: fr\ndate: 2026\naxes: [{id: a, label: A}]\neditions: {full: {title: R, files: [chapters/intro.md], output: r}}\n`
    const dir = await writeProject({'rapporteur.yaml': `${config}bibliography: sources.yaml\n`, 'chapters/intro.md': '# Intro\n\nUn constat de 45 % sur la :term[sextorsion] [@enquete-2024].\n\nEt 12 % sans source.\n'})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--format', 'json'])
    expect(code).toBe(1)
    // Pandoc's `bibliography:` is read as `sources:` meanwhile: the citation is not reported unknown.
    expect((JSON.parse(out) as Array<{file: string; line: number; rule: string}>).map((finding) => `${finding.file}:${finding.line} ${finding.rule}`)).toEqual(['rapporteur.yaml:7 schema', 'chapters/intro.md:5 figure-needs-citation'])
    await writeFile(path.join(dir, 'rapporteur.yaml'), config.replace('organisation: O\n', ''))
    expect((await run(['check', dir, '--format', 'json'])).code).toBe(2)
  })

  test('--list-waivers lists each waiver with its reason', async () => {
    const dir = await writeProject({'chapters/intro.md': ':waive[Sur 10 élèves]{reason="exemple fictif"}, aucun ne le sait [@enquete-2024] :term[sextorsion].\n'})
    made.push(dir)
    const {code, err} = await run(['check', dir, '--list-waivers'])
    expect(code).toBe(0)
    expect(err).toBe('1 waiver:\n  chapters/intro.md:1:1  Sur 10 élèves  — exemple fictif\n')
  })

  test('a waiver without a reason is a schema error', async () => {
    const dir = await writeProject({'chapters/intro.md': ':waive[Sur 10 élèves], aucun ne le sait [@enquete-2024] :term[sextorsion].\n'})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--format', 'json'])
    expect(code).toBe(1)
    expect(JSON.parse(out)).toContainEqual(expect.objectContaining({rule: 'schema', message: 'Missing attribute `reason` of `waive`, expected a string'}))
  })

  test('times and ratios written with a colon stay prose, not directives', async () => {
    const dir = await writeProject({'chapters/intro.md': '# Réunion\n\nRéunion à 14:30 ; vote 3:1 [@enquete-2024] sur la :term[sextorsion].\n'})
    made.push(dir)
    const {code, out} = await run(['check', dir, '--format', 'json'])
    expect(JSON.parse(out)).toEqual([])
    expect(code).toBe(0)
  })
})

describe('rapporteur check and the tree cache', () => {
  const treesIn = (cache: string) => (existsSync(path.join(cache, 'trees')) ? readdirSync(path.join(cache, 'trees'), {recursive: true}).filter((name) => String(name).endsWith('.v8')) : [])

  test('keeps the Markdown trees in the cache folder, and reports the same the second time', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-trees-'))
    made.push(cache)
    const runWith = async (env: NodeJS.ProcessEnv) => {
      const io = captureIo(fixtures, {RAPPORTEUR_CACHE: cache, ...env})
      const code = await main(['check', 'figure-needs-citation'], io)
      return {code, out: io.out(), err: io.err()}
    }
    const first = await runWith({RAPPORTEUR_TREE_CACHE: undefined})
    expect(treesIn(cache).length).toBeGreaterThan(0)
    expect(await runWith({RAPPORTEUR_TREE_CACHE: undefined})).toEqual(first)
    expect(first.code).toBe(1)
  })

  test('RAPPORTEUR_TREE_CACHE=off keeps none; a value it does not take is said, and the cache stays on', async () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-trees-'))
    made.push(cache)
    await main(['check', 'figure-needs-citation'], captureIo(fixtures, {RAPPORTEUR_CACHE: cache, RAPPORTEUR_TREE_CACHE: 'off'}))
    expect(treesIn(cache)).toEqual([])
    const io = captureIo(fixtures, {RAPPORTEUR_CACHE: cache, RAPPORTEUR_TREE_CACHE: 'of'})
    await main(['check', 'figure-needs-citation'], io)
    expect(io.err()).toBe('rapporteur: RAPPORTEUR_TREE_CACHE="of" is not understood, so the tree cache stays on; set it to `off` (or `on`).\n')
    expect(treesIn(cache).length).toBeGreaterThan(0)
  })
})
