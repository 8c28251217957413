import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test('a theme.yaml in the project, which nothing would read, is a schema error at its first line', async () => {
  const dir = await writeProject({'theme/theme.yaml': 'extends: sobre\n', 'theme/custom.css': ':root { --rp-color-accent: #7a1f5c; }\n'})
  made.push(dir)
  const result = await check(dir)
  if (!result.ok) throw new Error('the project did not load')
  const findings = result.files.flatMap((file) => file.messages.map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
  expect(findings).toEqual([
    'theme/theme.yaml:1:1 schema Unexpected `theme/theme.yaml` in the project, expected `theme:` in rapporteur.yaml to name the theme the project builds on, and what differs in `theme/custom.css` (docs/designers.md)'
  ])
})
