import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'

// The "Check the report" step of docs/ci.md's workflow, run by bash with `npx rapporteur` standing
// in: what it writes to stdout and the exit code it returns are what the CLI does (check-command.test.ts).
const doc = readFileSync(path.join(import.meta.dirname, '../../docs/ci.md'), 'utf8')
const step = /- name: Check the report\n(?:.*\n)*?\s+run: \|\n((?: {10}.*\n)+)/u.exec(doc)?.[1]?.replace(/^ {10}/gmu, '')
const dir = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-ci-step-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

function runStep(stdout: string, code: number): {passed: boolean; status: string} {
  const output = path.join(dir, 'output')
  writeFileSync(output, '')
  const stub = `npx() { printf '%s' ${JSON.stringify(stdout)}; return ${code}; }\n`
  try {
    execFileSync('bash', ['-e', '-c', stub + step], {cwd: dir, env: {PATH: process.env.PATH, GITHUB_OUTPUT: output}, stdio: 'pipe'})
    return {passed: true, status: readFileSync(output, 'utf8')}
  } catch {
    return {passed: false, status: readFileSync(output, 'utf8')}
  }
}

describe('docs/ci.md, the check step', () => {
  test('is found in the docs', () => {
    expect(step).toContain('--format sarif > rapporteur.sarif')
  })

  test('findings (exit 1) keep the exit code and go on to the annotations and the upload', () => {
    expect(runStep('{"runs": []}', 1)).toEqual({passed: true, status: 'status=1\n'})
  })

  test('a rapporteur.yaml that cannot be read (exit 2, its findings in the SARIF file) goes on to the annotations and the upload', () => {
    expect(runStep('{"runs": [{"results": [{"ruleId": "schema"}]}]}', 2)).toEqual({passed: true, status: 'status=2\n'})
  })

  test('no report at all (exit 2, nothing written) fails the step: there is nothing to upload', () => {
    expect(runStep('', 2)).toEqual({passed: false, status: 'status=2\n'})
  })
})
