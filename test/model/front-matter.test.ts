import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test('a Quarto chapter’s front matter: the keys rapporteur does not read are reported, with where they go; its title is still its title', async () => {
  const chapter = '---\ntitle: "Constat"\nauthor: "Jane Doe"\nformat: html\nbibliography: refs.bib\n---\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n'
  const dir = await writeProject({'chapters/intro.md': chapter})
  made.push(dir)
  const result = await check(dir)
  const messages = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
  // One finding a key, each at its own line.
  expect(messages).toEqual([
    "chapters/intro.md:3:1 schema Unexpected key `author` in front matter, expected `title`, `id` or `toc`; the report's own settings are in rapporteur.yaml (`author` is `authors` there): it is not read",
    'chapters/intro.md:4:1 schema Unexpected key `format` in front matter, expected `title`, `id` or `toc`: it is not read',
    "chapters/intro.md:5:1 schema Unexpected key `bibliography` in front matter, expected `title`, `id` or `toc`; the report's own settings are in rapporteur.yaml (`bibliography` is `sources` there): it is not read"
  ])
  // Not "Missing title of the chapter": its `title:` is read.
  if (!result.ok) throw new Error('project did not load')
  expect(result.model.documents.find((document) => document.path === 'chapters/intro.md')?.title).toBe('Constat')
})

test("rapporteur.yaml with Pandoc's and Quarto's keys: each reported at its line, with where the setting is", async () => {
  const dir = await writeProject({})
  made.push(dir)
  const {writeFile, readFile} = await import('node:fs/promises')
  const config = `${dir}/rapporteur.yaml`
  await writeFile(config, `${await readFile(config, 'utf8')}bibliography: [refs.bib, zotero.json]\ncsl: apa.csl\norganization: Fondation\ntoc: true\n`)
  const result = await check(dir)
  // Each set aside, and the rest of the report checked with them (its own sources.yaml: the files
  // `bibliography` names are not there).
  expect(result.ok).toBe(true)
  expect(result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))).toEqual([
    "rapporteur.yaml:10:1 Unexpected key `bibliography` in rapporteur.yaml: Pandoc's `bibliography` is `sources` here, one file or a list (`sources: [references.bib, zotero.json]`)",
    'rapporteur.yaml:11:1 Unexpected key `csl` in rapporteur.yaml: a CSL style is `citations: {csl: styles/my-style.csl}` here',
    'rapporteur.yaml:12:1 Unexpected key `organization` in rapporteur.yaml, expected one of its keys, did you mean `organisation`?',
    'rapporteur.yaml:13:1 Unexpected key `toc` in rapporteur.yaml: a table of contents is set for each edition: `editions: {full: {toc: true}}`'
  ])
})
