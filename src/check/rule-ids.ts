import {readdirSync} from 'node:fs'

/**
 * Every rule's id, read from the names of their files (one rule per file, named after its id;
 * test/check/rule-ids.test.ts holds them to it), so that the CLI can check `--rule id=…` without
 * loading every rule and what they load (the parser, the model): a tenth of a second per command.
 */
export const ruleIds: readonly string[] = readdirSync(new URL('./rules/', import.meta.url))
  .filter((name) => /\.[jt]s$/u.test(name) && !name.endsWith('.d.ts') && !/^index\./u.test(name))
  .map((name) => name.replace(/\.[jt]s$/u, ''))
  .sort()
