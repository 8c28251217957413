import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {findUnreadFiles, unreadFiles, type ReadFiles} from '../../src/load/unread-files.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const sample: ReadFiles = {markdown: ['chapters/01-constat.md', 'chapters/02-enjeux.md', 'synthese.md'], registries: ['sources.yaml'], glossary: 'glossary.yaml', csl: undefined}

/** The files reported, given file names by folder. */
const reported = (listing: Record<string, string[]>, read: ReadFiles = sample) => unreadFiles(new Map(Object.entries(listing)), read).map((problem) => problem.file)

describe('unreadFiles', () => {
  test('a chapter no edition lists is reported, the listed ones are not', () => {
    expect(reported({chapters: ['01-constat.md', '02-enjeux.md', '03-annexe.md'], '': ['rapporteur.yaml', 'synthese.md']})).toEqual(['chapters/03-annexe.md'])
  })

  test('Markdown by its extension, whatever its case: .md, .markdown, .qmd, .Rmd', () => {
    expect(reported({chapters: ['01-constat.md', '02-enjeux.md', 'a.MD', 'b.markdown', 'c.qmd', 'd.Rmd', 'e.txt', 'f.html']})).toEqual(['chapters/a.MD', 'chapters/b.markdown', 'chapters/c.qmd', 'chapters/d.Rmd'])
  })

  test("a repository's own files and names starting with _ or . are left out on purpose", () => {
    expect(reported({'': ['README.md', 'README.fr.md', 'readme.markdown', 'LICENSE.md', 'CHANGELOG.md', 'CONTRIBUTING.md', 'synthese.md'], chapters: ['_brouillon.md', '.notes.md', '01-constat.md', '02-enjeux.md']})).toEqual([])
  })

  test('the paths of the config are compared as paths (./chapters/x.md is chapters/x.md)', () => {
    expect(reported({chapters: ['x.md']}, {...sample, markdown: ['./chapters/x.md']})).toEqual([])
  })

  test('a second registry is reported beside the one read, a BibTeX file when none is read', () => {
    const [beside] = unreadFiles(new Map([['', ['sources.yaml', 'sources.bib']]]), sample)
    expect(beside).toMatchObject({file: 'sources.bib', position: {start: {line: 1, column: 1}}})
    expect(beside!.message).toBe('Unexpected sources file `sources.bib` beside `sources.yaml`, the registry read: expected `sources: [sources.yaml, sources.bib]` in rapporteur.yaml to read it too, or `sources: sources.bib` to read it instead')
    const [alone] = unreadFiles(new Map([['', ['Ma bibliothèque.bib']]]), {...sample, registries: []})
    expect(alone!.message).toBe('Unexpected sources file `Ma bibliothèque.bib` that is not read, expected `sources: Ma bibliothèque.bib` in rapporteur.yaml to read it')
  })

  test('several registries read: none of them is reported, a third one is, with the list to write', () => {
    const read = {...sample, registries: ['sources.yaml', './biblio/zotero.json']}
    const problems = unreadFiles(new Map([['', ['sources.yaml', 'sources.bib']], ['biblio', ['zotero.json']]]), read)
    expect(problems.map((problem) => problem.file)).toEqual(['sources.bib'])
    expect(problems[0]!.message).toMatch(/^Unexpected sources file `sources\.bib` beside `sources\.yaml`, `biblio\/zotero\.json`, the registries read: expected `sources: \[sources\.yaml, biblio\/zotero\.json, sources\.bib\]`/)
  })

  test('a registry named in a folder of its own: that folder is looked at too', async () => {
    const dir = await writeProject({'rapporteur.yaml': `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\nsources: biblio/zotero.bib\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`, 'biblio/zotero.bib': '@report{enquete-2024,\n  title = {Enquête},\n  author = {{Observatoire}},\n  year = {2024}\n}\n', 'biblio/ancien.bib': '% old\n'})
    try {
      const found = await findUnreadFiles(dir, {markdown: ['chapters/intro.md'], registries: ['biblio/zotero.bib'], glossary: 'glossary.yaml', csl: undefined})
      expect(found.map((problem) => [problem.file, problem.firstLine])).toEqual([['sources.yaml', '- id: enquete-2024'], ['biblio/ancien.bib', '% old']])
    } finally {
      await removeProject(dir)
    }
  })

  test('a glossary, a CSL style and a rapporteur.yml nothing reads', () => {
    expect(reported({'': ['glossary.yaml', 'glossary.yml', 'citations.csl', 'rapporteur.yml', 'rapporteur.yaml']})).toEqual(['citations.csl', 'glossary.yml', 'rapporteur.yml'])
    expect(reported({'': ['apa.csl'], styles: ['apa.csl', 'chicago.csl']}, {...sample, csl: 'styles/apa.csl'})).toEqual(['apa.csl', 'styles/chicago.csl'])
  })

  test('folders outside the project are never listed', async () => {
    const dir = await writeProject({})
    try {
      const found = await findUnreadFiles(dir, {markdown: ['chapters/intro.md', '../elsewhere/x.md', '/etc/y.md'], registries: ['sources.yaml'], glossary: 'glossary.yaml', csl: undefined})
      expect(found).toEqual([])
    } finally {
      await removeProject(dir)
    }
  })
})

describe('check reports unread files', () => {
  const made: string[] = []
  afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

  test('at line 1 of each, with its first line as the excerpt, and they can be turned off', async () => {
    const long = `@comment{${'x'.repeat(3000)}}\n`
    const dir = await writeProject({'chapters/annexe.md': '# Annexe\n\nTexte.\n', 'library.bib': long, 'rapporteur.yaml': `title: Exemple\norganisation: Fondation\nlang: fr\ndate: 2026-01\naxes: [{id: prevention, label: Prévention}]\neditions:\n  full: {title: Rapport, files: [chapters/intro.md], output: rapport}\n`})
    made.push(dir)
    const result = await check(dir)
    const findings = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unread-file').map((message) => ({file: file.path, line: message.line, column: message.column, text: String(file.value)})))
    expect(findings).toEqual([
      {file: 'library.bib', line: 1, column: 1, text: `@comment{${'x'.repeat(1015)}`},
      {file: 'chapters/annexe.md', line: 1, column: 1, text: '# Annexe'}
    ])
    const off = await check(dir, {rules: {'unread-file': 'off'}})
    expect(off.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'unread-file')).toEqual([])
  })

  test('a chapter in a subfolder no edition reads from is reported; dist, node_modules, `_`/`.` folders and another report are not looked in', async () => {
    const dir = await writeProject({
      'rapporteur.yaml': baseProject['rapporteur.yaml']!,
      'chapters/case-studies/x.md': '# Case\n',
      'chapters/case-studies/deep/er/y.qmd': '# Deeper\n',
      'chapters/case-studies/notes.txt': 'not Markdown\n',
      'dist/report.md': '# Built\n',
      'node_modules/pkg/index.md': '# Package\n',
      '_drafts/z.md': '# Draft\n',
      '.github/pull_request_template.md': '# PR\n',
      '2025/rapporteur.yaml': 'title: Last year\n',
      '2025/chapters/old.md': '# Old\n'
    })
    made.push(dir)
    const result = await check(dir)
    const files = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unread-file').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
    expect(files).toEqual([
      'chapters/case-studies/x.md:1:1 Unexpected Markdown file `chapters/case-studies/x.md` that no edition reads, expected it in an edition\'s `files` in rapporteur.yaml (or a name starting with `_` to keep it out)',
      'chapters/case-studies/deep/er/y.qmd:1:1 Unexpected Markdown file `chapters/case-studies/deep/er/y.qmd` that no edition reads, expected it in an edition\'s `files` in rapporteur.yaml (or a name starting with `_` to keep it out)'
    ])
  })

  test('the sample report leaves nothing unread', async () => {
    const result = await check('report')
    expect(result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'unread-file')).toEqual([])
  })
})
