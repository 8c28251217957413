import {readFileSync} from 'node:fs'
import {mkdir, mkdtemp, realpath} from 'node:fs/promises'
import {createRequire} from 'node:module'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {main} from '../../src/cli/main.js'
import {captureIo} from '../helpers/io.js'
import {removeProject, writeProject} from '../helpers/project.js'

/**
 * The SARIF output, validated against the SARIF 2.1.0 JSON schema (draft-04). Needs a validator and
 * the schema, neither of which rapporteur ships: the devDependencies `ajv-draft-04` and
 * `ajv-formats`, and a schema from SARIF_SCHEMA (a path, e.g. the OASIS file
 * sarif-schema-2.1.0.json) or, else, the copy in `@microsoft/jest-sarif`. Without them the test
 * is skipped and says why.
 */
const require = createRequire(import.meta.url)
const needs = 'ajv-draft-04, ajv-formats, and SARIF_SCHEMA or @microsoft/jest-sarif'

interface Validator {
  (data: unknown): boolean
  errors?: unknown[] | null
}

function loadValidator(): Validator | undefined {
  try {
    const schemaFile = process.env.SARIF_SCHEMA ?? require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as object
    const Ajv = (require('ajv-draft-04') as {default: new (options: object) => {compile(schema: object): Validator}}).default
    const addFormats = (require('ajv-formats') as {default: (ajv: unknown) => void}).default
    // The schema's `language` pattern is not valid with the `u` flag, which ajv sets by default.
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats(ajv)
    return ajv.compile(schema)
  } catch {
    return undefined
  }
}

const validate = loadValidator()
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function sarifOf(dir: string, args: string[]): Promise<unknown> {
  const io = captureIo(dir)
  await main(['check', dir, '--format', 'sarif', ...args], io)
  return JSON.parse(io.out())
}

describe(validate ? 'sarif schema' : `sarif schema (skipped: install ${needs})`, () => {
  const cases: Array<[string, () => Promise<string>, string[], string[]]> = [
    [
      'an error, a warning and a note, in a repository',
      async () => {
        const repo = await realpath(await mkdtemp(path.join(os.tmpdir(), 'rapporteur-repo-')))
        made.push(repo)
        await mkdir(path.join(repo, '.git'))
        return writeProject(
          {
            'chapters/intro.md': '# Introduction\n\n40 % des affaires ont conduit à des actes. La :term[sextorsion] progresse [@enquete-2042].\n',
            'glossary.yaml': '- id: sextorsion\n  term: sextorsion\n  definition: Chantage.\n- id: inutile\n  term: inutile\n  definition: Jamais employé.\n'
          },
          undefined,
          path.join(repo, 'rapport')
        )
      },
      // figure-needs-citation an error, unknown-source made a warning, unused-term a note: each level once.
      ['--rule', 'unknown-source=warning', '--rule', 'unused-term=info'],
      ['error', 'note', 'warning']
    ],
    ['no finding, outside a repository', () => writeProject({}), [], []],
    ['a broken rapporteur.yaml', () => writeProject({'rapporteur.yaml': 'title: [\n'}), [], ['error']]
  ]

  test.skipIf(!validate).each(cases)('%s', async (_, make, args, levels) => {
    const dir = await make()
    made.push(dir)
    const log = await sarifOf(dir, args)
    expect([...new Set((log as {runs: Array<{results: Array<{level: string}>}>}).runs[0]!.results.map((result) => result.level))].sort()).toEqual(levels)
    const valid = validate!(log)
    expect(validate!.errors ?? [], 'schema errors').toEqual([])
    expect(valid).toBe(true)
  })
})
