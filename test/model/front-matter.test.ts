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
  expect(messages).toEqual([
    "chapters/intro.md:3:1 schema Unexpected keys `author`, `format`, `bibliography` in front matter, expected `title`, `id` or `toc`; the report's own settings are in rapporteur.yaml (`author` is `authors` there, `bibliography` is `sources` there): they are not read"
  ])
  // Not "Missing title of the chapter": its `title:` is read.
  if (!result.ok) throw new Error('project did not load')
  expect(result.model.documents.find((document) => document.path === 'chapters/intro.md')?.title).toBe('Constat')
})
