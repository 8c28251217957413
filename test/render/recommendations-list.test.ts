import {toHtml} from 'hast-util-to-html'
import {afterAll, describe, expect, test} from 'vitest'
import {check} from '../../src/api/check.js'
import {renderEdition} from '../../src/render/edition.js'
import {removeProject, writeProject} from '../helpers/project.js'

/** `::recommendations` lists each axis that has recommendations; an axis with none is left out, and reported. */
const made: string[] = []
afterAll(async () => Promise.all(made.map((dir) => removeProject(dir))))

const config = 'title: Exemple\norganisation: Fondation\nlang: en\ndate: 2026-01\naxes:\n  - {id: offences, label: Offences}\n  - {id: enforcement, label: Enforcement}\neditions:\n  full: {title: Report, files: [chapters/intro.md], output: report}\n  synthesis: {title: Summary, files: [summary.md], output: summary}\n'
const chapter = '# Recommendations\n\n:::recommendation{#rec-a axis=offences}\n### Create an offence\nText [@enquete-2024].\n:::\n'

describe('::recommendations', () => {
  test('an axis with no recommendation prints no heading and no empty list, in both editions, on the web and in print; empty-axis says so at the axis', async () => {
    const dir = await writeProject({'rapporteur.yaml': config, 'chapters/intro.md': chapter, 'summary.md': '# Summary\n\n::recommendations\n'})
    made.push(dir)
    const result = await check(dir)
    if (!result.ok) throw new Error('project did not load')
    for (const edition of ['full', 'synthesis'] as const) {
      for (const mode of ['web', 'print'] as const) {
        const rendered = await renderEdition(result.model, edition, {mode, pageOf: {full: 'report.html', synthesis: 'summary.html'}})
        const html = rendered.main.map((node) => toHtml(node)).join('')
        if (edition === 'synthesis') expect(html).toContain('>Offences</h')
        expect(html).not.toContain('Enforcement')
        expect(html).not.toMatch(/<ol class="rp-recommendations__list"><\/ol>/)
      }
    }
    const findings = result.files.flatMap((file) => file.messages.map((message) => ({file: file.path, message})))
    const empty = findings.filter(({message}) => message.ruleId === 'empty-axis')
    expect(empty.map(({file, message}) => [path(file), message.line, message.column, message.fatal])).toEqual([['rapporteur.yaml', 7, 5, false]])
    expect(empty[0]?.message.reason).toMatch(/^Unexpected axis `enforcement` \(Enforcement\) without a recommendation/)
  })
})

const path = (file: string) => file.split(/[\\/]/).at(-1)
