import {describe, expect, test} from 'vitest'

/** What the load stage says of the files rapporteur.yaml lists, at their place there. */
describe('a chapter listed under another name', () => {
  test('the closest Markdown file of its folder is given', async () => {
    const {removeProject, writeProject} = await import('../helpers/project.js')
    const {check} = await import('../../src/api/check.js')
    const config = 'title: Exemple\norganisation: Fondation\nlang: en\ndate: 2026-01\naxes: [{id: prevention, label: Prevention}]\neditions:\n  full: {title: Report, files: [chapters/intro.md, chapters/03-service.md], output: report}\n'
    const dir = await writeProject({'rapporteur.yaml': config, 'chapters/03-services.md': '# Services\n'})
    try {
      const result = await check(dir)
      const messages = result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'schema').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
      expect(messages).toEqual(['rapporteur.yaml:7:52 Cannot find `chapters/03-service.md`, expected a file in the report folder, did you mean `chapters/03-services.md`, which no edition lists?'])
    } finally {
      await removeProject(dir)
    }
  })
})

describe('a chapter renamed without rapporteur.yaml', () => {
  const config = (files: string) => `title: Exemple\norganisation: Fondation\nlang: en\ndate: 2026-01\naxes: [{id: prevention, label: Prevention}]\neditions:\n  full: {title: Report, files: [${files}], output: report}\n`

  async function findings(files: Record<string, string>) {
    const {removeProject, writeProject} = await import('../helpers/project.js')
    const {check} = await import('../../src/api/check.js')
    const dir = await writeProject(files)
    try {
      const result = await check(dir)
      return result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'schema' || message.ruleId === 'unread-file').map((message) => `${file.path}:${message.line}:${message.column} ${message.reason}`))
    } finally {
      await removeProject(dir)
    }
  }

  test('the Markdown file no edition lists is suggested, before a listed one closer in letters', async () => {
    expect(await findings({'rapporteur.yaml': config('chapters/intro.md, chapters/03-buses.md, chapters/06-fares.md'), 'chapters/03-buses.md': '# Buses\n', 'chapters/06-fares-and-ticketing.md': '# Fares\n'})).toEqual([
      'rapporteur.yaml:7:74 Cannot find `chapters/06-fares.md`, expected a file in the report folder, did you mean `chapters/06-fares-and-ticketing.md`, which no edition lists?',
      "chapters/06-fares-and-ticketing.md:1:1 Unexpected Markdown file `chapters/06-fares-and-ticketing.md` that no edition reads, expected it in an edition's `files` in rapporteur.yaml (or a name starting with `_` to keep it out)"
    ])
  })

  test('moved to a folder of its own; with nothing unlisted alike, the closest file of its folder as before', async () => {
    expect((await findings({'rapporteur.yaml': config('chapters/intro.md, chapters/06-fares.md'), 'chapters/transport/06-fares.md': '# Fares\n'}))[0]).toMatch(/did you mean `chapters\/transport\/06-fares\.md`, which no edition lists\?$/u)
    expect((await findings({'rapporteur.yaml': config('chapters/intro.md, chapters/06-fares.md, chapters/03-buses.md'), 'chapters/03-buses.md': '# Buses\n', 'chapters/annex.md': '# Annex\n'}))[0]).toMatch(/expected a file in the report folder, did you mean `chapters\/03-buses\.md`\?$/u)
  })
})

describe('renamedTo', () => {
  test('the longest shared start wins, then the same folder; nothing alike, nothing', async () => {
    const {renamedTo} = await import('../../src/load/load-project.js')
    expect(renamedTo('chapters/06-fares.md', ['chapters/annex.md', 'chapters/06-fares-and-ticketing.md', 'chapters/06-f.md'])).toBe('chapters/06-fares-and-ticketing.md')
    expect(renamedTo('chapters/06-fares.md', ['other/06-fares.md', 'chapters/06-fares.md.bak.md'])).toBe('chapters/06-fares.md.bak.md')
    expect(renamedTo('chapters/06-fares.md', ['chapters/annex.md', 'notes.md'])).toBeUndefined()
  })
})
