import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'
import {describe, expect, test} from 'vitest'
import * as entry from '../../src/package-entry.js'
import * as index from '../../src/index.js'

/**
 * `import 'rapporteur'` loads dist/package-entry.js, which hands over the API from its bundle
 * (dist/bundle-api/, scripts/bundle.js) instead of the hundreds of compiled modules. These tests
 * hold it to the same API as index.ts, and run the built one in a fresh Node process, as a
 * program using rapporteur would.
 */
const root = path.join(import.meta.dirname, '../..')
const execute = promisify(execFile)

describe('the package entry', () => {
  test('exports every name index.ts exports, and only those', () => {
    expect(Object.keys(entry).sort()).toEqual(Object.keys(index).sort())
  })

  test('built: loads the API from the bundle, one copy of it, which checks a project as the compiled modules do', async () => {
    // `npm ci` and `npm run build:ts` make it: without it the install is broken, not the test skipped.
    expect(existsSync(path.join(root, 'dist/bundle-api/index.cjs')), 'dist/bundle-api/index.cjs is missing: run `npm run build:ts`').toBe(true)
    // The package imports itself by its name, through package.json's `exports`, as a user's program does.
    const program = `
      const api = await import('rapporteur')
      const compiled = await import('./dist/index.js')
      const summary = (result) => result.files.flatMap((file) => file.messages.map((message) => [file.path, message.line, message.column, message.ruleId].join(':'))).sort()
      const [ours, theirs] = [await api.check('test/fixtures/figure-needs-citation'), await compiled.check('test/fixtures/figure-needs-citation')]
      console.log(JSON.stringify({names: Object.keys(api).sort(), compiledNames: Object.keys(compiled).sort(), same: api.check === compiled.check, findings: summary(ours), compiledFindings: summary(theirs)}))`
    const {stdout} = await execute(process.execPath, ['--input-type=module', '--eval', program], {cwd: root, timeout: 60_000})
    const result = JSON.parse(stdout) as {names: string[]; compiledNames: string[]; same: boolean; findings: string[]; compiledFindings: string[]}
    expect(result.names).toEqual(result.compiledNames)
    // Not the compiled modules' function: the bundle's.
    expect(result.same).toBe(false)
    expect(result.findings.filter((finding) => finding.endsWith(':figure-needs-citation')).length).toBeGreaterThan(0)
    expect(result.findings).toEqual(result.compiledFindings)
  }, 90_000)
})
