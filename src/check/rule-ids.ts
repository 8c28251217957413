import {existsSync, readdirSync} from 'node:fs'

/**
 * The rules' folder: beside this module in src/ and dist/; the CLI's bundle (dist/bundle/, see
 * scripts/bundle.js) has none beside it and reads dist/check/rules, compiled from the same files.
 */
const besideThis = new URL('./rules/', import.meta.url)
const rulesFolder = existsSync(besideThis) ? besideThis : new URL('../check/rules/', import.meta.url)

/**
 * Every rule's id, read from the names of their files (one rule per file, named after its id;
 * test/check/rule-ids.test.ts holds them to it), so that the CLI can check `--rule id=…` without
 * loading every rule and what they load (the parser, the model): a tenth of a second per command.
 */
export const ruleIds: readonly string[] = readdirSync(rulesFolder)
  .filter((name) => /\.[jt]s$/u.test(name) && !name.endsWith('.d.ts') && !/^index\./u.test(name))
  .map((name) => name.replace(/\.[jt]s$/u, ''))
  .sort()
