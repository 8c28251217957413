import {readFile, writeFile, mkdir} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {ruleDocs, rulesIndex} from '../../src/check/rule-docs.js'
import {rules} from '../../src/check/rules/index.js'
import type {Example} from '../../src/check/rule.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** Every rule's examples, run for real on a project on disk: ok ones stay silent, not-ok ones report. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

async function findingsOf(ruleId: string, example: Example) {
  const dir = await writeProject(example)
  made.push(dir)
  const result = await check(dir)
  expect(result.ok, 'example project must load').toBe(true)
  return result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === ruleId)
}

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  test('has examples and docs', () => {
    expect(rule.examples.ok.length).toBeGreaterThan(0)
    expect(rule.examples.notOk.length).toBeGreaterThan(0)
    expect(rule.summary.length).toBeGreaterThan(10)
  })

  test.each(rule.examples.ok.map((example, index) => [index, example] as const))('ok example %i passes', async (_, example) => {
    const findings = await findingsOf(id, example)
    expect(findings.map((finding) => finding.reason)).toEqual([])
  })

  test.each(rule.examples.notOk.map((example, index) => [index, example] as const))('not-ok example %i is reported, with a place', async (_, example) => {
    const findings = await findingsOf(id, example)
    expect(findings.length).toBeGreaterThan(0)
    for (const finding of findings) {
      expect(finding.line).toBeGreaterThanOrEqual(1)
      expect(finding.reason).toMatch(/^(Unexpected|Missing|Cannot)/)
    }
  })
})

describe('rule docs', () => {
  const docs = path.join(import.meta.dirname, '../../docs/rules')
  const pages: Array<[string, string]> = [...rules.map((rule) => [`${rule.id}.md`, ruleDocs(rule)] as [string, string]), ['README.md', rulesIndex(rules)]]

  test.each(pages)('docs/rules/%s is up to date (npm run docs:rules)', async (name, expected) => {
    if (process.env.UPDATE_DOCS) {
      await mkdir(docs, {recursive: true})
      await writeFile(path.join(docs, name), expected)
    }
    expect(await readFile(path.join(docs, name), 'utf8')).toBe(expected)
  })
})
