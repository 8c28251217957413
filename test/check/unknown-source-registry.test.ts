import {symlink} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {baseProject, removeProject, writeProject} from '../helpers/project.js'

/** A sources registry that cannot be read: each citation says so and points to the finding that says why. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function findings(dir: string) {
  const result = await check(dir)
  return result.files.flatMap((file) => file.messages.filter((message) => message.ruleId === 'unknown-source' || message.ruleId === 'schema').map((message) => `${file.path}:${message.line}:${message.column} ${message.ruleId} ${message.reason}`))
}

const chapter = '# Intro\n\nUn constat [@enquete-2024] ; selon @enquete-2024, la :term[sextorsion].\n'

describe('unknown-source when the registry could not be read', () => {
  test('a registry outside the report folder: every citation names the schema finding at its place', async () => {
    const outer = await writeProject({'sources.yaml': baseProject['sources.yaml']!}, {})
    made.push(outer)
    const dir = await writeProject({'rapporteur.yaml': baseProject['rapporteur.yaml']!.replace('editions:', 'sources: ../sources.yaml\neditions:'), 'chapters/intro.md': chapter}, baseProject, path.join(outer, 'report'))
    const why = ': the sources registry `../sources.yaml` could not be read, so none of its keys is known, see the `schema` finding at rapporteur.yaml:8:10'
    expect(await findings(dir)).toEqual([
      'rapporteur.yaml:8:10 schema Cannot read `../sources.yaml`: it is outside the report folder',
      `chapters/intro.md:3:13 unknown-source Unexpected source key \`enquete-2024\`${why}`,
      `chapters/intro.md:3:36 unknown-source Unexpected source key \`enquete-2024\`${why}`
    ])
    const result = await check(dir)
    const related = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'unknown-source').map((message) => (message as {related?: {file: string; place: {start: {line: number; column: number}}}}).related)
    expect(related.map((place) => place && `${place.file}:${place.place.start.line}:${place.place.start.column}`)).toEqual(['rapporteur.yaml:8:10', 'rapporteur.yaml:8:10'])
  })

  test('the default sources.yaml, a link to a file outside the folder: likewise', async () => {
    const outer = await writeProject({'elsewhere.yaml': baseProject['sources.yaml']!}, {})
    made.push(outer)
    const dir = await writeProject({'sources.yaml': undefined as unknown as string, 'chapters/intro.md': chapter}, baseProject, path.join(outer, 'report'))
    await symlink(path.join(outer, 'elsewhere.yaml'), path.join(dir, 'sources.yaml'))
    const lines = await findings(dir)
    expect(lines[0]).toMatch(/^rapporteur\.yaml:\d+:\d+ schema Cannot read `sources\.yaml`: it is a link to a file outside the report folder/)
    const place = /^(rapporteur\.yaml:\d+:\d+)/.exec(lines[0]!)![1]
    expect(lines.slice(1)).toEqual([
      `chapters/intro.md:3:13 unknown-source Unexpected source key \`enquete-2024\`: the sources registry \`sources.yaml\` could not be read, so none of its keys is known, see the \`schema\` finding at ${place}`,
      `chapters/intro.md:3:36 unknown-source Unexpected source key \`enquete-2024\`: the sources registry \`sources.yaml\` could not be read, so none of its keys is known, see the \`schema\` finding at ${place}`
    ])
  })
})
