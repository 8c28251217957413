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
      expect(messages).toEqual(['rapporteur.yaml:7:52 Cannot find `chapters/03-service.md`, expected a file in the report folder, did you mean `chapters/03-services.md`?'])
    } finally {
      await removeProject(dir)
    }
  })
})
