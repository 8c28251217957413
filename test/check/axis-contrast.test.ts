import {expect, test} from 'vitest'
import {baseProject} from '../helpers/project.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/** axis-contrast's findings on a project with these files: file, line, column, message. */
const findings = ruleFindings('axis-contrast')

const withColour = (colour: string) => baseProject['rapporteur.yaml']!.replace('{id: prevention, label: Prévention}', `{id: prevention, label: Prévention, color: "${colour}"}`)

test('the themes’ own colours, and a dark colour of the project’s, are not reported', async () => {
  expect(await findings({})).toEqual([])
  expect(await findings({'rapporteur.yaml': withColour('#1e6b45')})).toEqual([])
  expect(await findings({'rapporteur.yaml': `${baseProject['rapporteur.yaml']}theme: sobre\n`})).toEqual([])
})

test('a light axis colour is reported at its `color:`, each failing pair with its ratio; dark numbers pass on its badges, not on a dark axis’s', async () => {
  expect(await findings({'rapporteur.yaml': withColour('#f5c400'), 'theme/custom.css': ':root {\n  --rp-color-accent-text: #1c1f23;\n}\n'})).toEqual([
    "rapporteur.yaml:6:48 Unexpected contrast for the axis `prevention`: its titles on the page 1.64:1 (#f5c400 on #ffffff), its labels on a box's background 1.45:1 (#f5c400 on #f3f1ec), expected at least 4.5:1 (WCAG 1.4.3): choose a darker colour, or a dark `--rp-color-accent-text` for light badges",
    // The theme's own purple for the second axis, under the project's dark numbers.
    'theme/custom.css:2:27 Unexpected contrast for the axis `detection`: the numbers on its badges 2.16:1 (#1c1f23 on #6a3d9a), expected at least 4.5:1 (WCAG 1.4.3): choose a darker colour, or a dark `--rp-color-accent-text` for light badges'
  ])
})

test('a light colour for the badges’ numbers, set in theme/custom.css, is reported there for every axis', async () => {
  const found = await findings({'theme/custom.css': ':root {\n  --rp-color-accent-text: #bbbbbb;\n}\n'})
  expect(found).toHaveLength(2)
  expect(found[0]).toMatch(/^theme\/custom\.css:2:27 Unexpected contrast for the axis `prevention`: the numbers on its badges \d\.\d\d:1 \(#bbbbbb on #1e6b45\)/u)
  expect(found[1]).toMatch(/^theme\/custom\.css:2:27 Unexpected contrast for the axis `detection`/u)
})

test('a colour in a comment of theme/custom.css is no colour: the one that applies is checked', async () => {
  expect(await findings({'theme/custom.css': ':root {\n  /* --rp-color-accent-text: #bbbbbb; */\n}\n'})).toEqual([])
})
