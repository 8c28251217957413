import {expect, test} from 'vitest'
import {ruleIds} from '../../src/check/rule-ids.js'
import {rules} from '../../src/check/rules/index.js'

test('the rules’ ids, read from their files’ names, are those of the rules the checker runs', () => {
  expect(ruleIds).toEqual(rules.map((rule) => rule.id).sort())
})
