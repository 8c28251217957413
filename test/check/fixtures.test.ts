import {readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, test} from 'vitest'
import {main} from '../../src/cli/main.js'
import type {JsonDiagnostic} from '../../src/diagnostics/to-json.js'
import {captureIo} from '../helpers/io.js'

/**
 * Golden fixtures: one small broken project per rule under test/fixtures/, with the exact JSON
 * `rapporteur check --format json` prints. `UPDATE_GOLDEN=1 npx vitest run test/check/fixtures.test.ts`
 * rewrites them; review the diff before committing.
 */
const root = path.join(import.meta.dirname, '../fixtures')
const cases = (await readdir(root, {withFileTypes: true})).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()

describe.each(cases)('fixture %s', (name) => {
  test('check --format json prints the expected diagnostics and exit code', async () => {
    const io = captureIo(root)
    const code = await main(['check', name, '--format', 'json'], io)
    const golden = path.join(root, name, 'expected.json')
    if (process.env.UPDATE_GOLDEN) await writeFile(golden, io.out())
    const expected = JSON.parse(await readFile(golden, 'utf8')) as JsonDiagnostic[]
    expect(JSON.parse(io.out())).toEqual(expected)
    const wantedCode = name === 'config-invalid' ? 2 : expected.some((diagnostic) => diagnostic.severity === 'error') ? 1 : 0
    expect(code).toBe(wantedCode)
    if (name !== 'config-invalid') expect(expected.some((diagnostic) => diagnostic.rule === name)).toBe(true)
  })
})
