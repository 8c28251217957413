import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function findings(lang: string): Promise<string[]> {
  const dir = await writeProject({'rapporteur.yaml': String(baseProject['rapporteur.yaml']).replace('lang: fr', `lang: ${lang}`)})
  made.push(dir)
  const result = await check(dir)
  return result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'unsupported-language').map((message) => `${message.file}:${message.line}:${message.column} ${message.reason}`)
}

test('a language rapporteur does not know is said at `lang`, with what rapporteur does in it and what to do', async () => {
  for (const lang of ['de', 'es', 'pt-BR', 'ja']) {
    const [finding, ...rest] = await findings(lang)
    expect(rest).toEqual([])
    expect(finding).toMatch(new RegExp(`rapporteur\\.yaml:3:7 Unexpected \`lang: ${lang}\`, expected a language rapporteur knows \\(\`fr\`, \`en\`\\): in \`${lang}\` it writes its own words in English`))
    expect(finding).toContain('labels cannot be set in rapporteur.yaml yet')
  }
})

test('quotes are said to be English only in a language without its own marks in the table', async () => {
  expect((await findings('de'))[0]).not.toContain('English “…”')
  expect((await findings('ko'))[0]).toContain('makes straight quotes English “…”')
})

test('French and English in any region are known', async () => {
  for (const lang of ['fr', 'fr-CA', 'en', 'en-GB', 'EN-us']) expect(await findings(lang)).toEqual([])
})
