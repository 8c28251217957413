import {rename} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

test('a file Notepad saved with `.txt` added (Windows hides it) is named in the message, with what to rename', async () => {
  const dir = await writeProject({'rapporteur.yaml': `${String(baseProject['rapporteur.yaml'])}glossary: lexique.yaml\n`, 'lexique.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage.\n'})
  made.push(dir)
  await rename(path.join(dir, 'lexique.yaml'), path.join(dir, 'lexique.yaml.txt'))
  const result = await check(dir)
  const messages = result.files.flatMap((file) => file.messages.map((message) => message.reason))
  expect(messages).toContain('Cannot find the glossary `lexique.yaml`, expected a file in the report folder: it was saved as `lexique.yaml.txt` (Notepad adds `.txt`, and Windows hides it): rename it `lexique.yaml`')
  await rename(path.join(dir, 'rapporteur.yaml'), path.join(dir, 'rapporteur.yaml.txt'))
  await expect(check(dir)).rejects.toThrow('Cannot find `rapporteur.yaml` in `' + dir + '`: it was saved as `rapporteur.yaml.txt`')
})
