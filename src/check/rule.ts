import type {MessageExtras} from '../diagnostics/message.js'
import type {Severity} from '../diagnostics/severity.js'
import type {Located, ReportModel} from '../model/types.js'

/** An example project fragment: file path → content, laid over the base example project. */
/** A project's files, by path: their text, or text to save in another encoding than UTF-8 (rule file-encoding). */
export type Example = Record<string, string | EncodedText>

/** Text a rule's example saves as Windows-1252 or UTF-16 (with its byte order mark), as Word and Notepad save it. */
export interface EncodedText {
  encoding: 'windows-1252' | 'utf-16le'
  text: string
}

/** What a rule body gets: the model, and the one way to report. */
export interface RuleContext {
  model: ReportModel
  report(at: Located, message: string, extras?: MessageExtras): void
}

/**
 * A rule: a permanent id, a default severity, one line of summary, docs, and examples that are
 * both its tests (`test/check/rules.test.ts`) and its documentation (`docs/rules/<id>.md`).
 */
export interface Rule {
  id: string
  severity: Severity
  summary: string
  /** Markdown: why the rule exists and how to fix what it reports. */
  docs: string
  examples: {ok: Example[]; notOk: Example[]}
  check(context: RuleContext): void
}

/** Stamp a rule; keeps rule files declarative, as remark-lint's `lintRule` does. */
export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+(-[a-z]+)*$/.test(rule.id)) throw new Error(`Rule id \`${rule.id}\` must be kebab-case`)
  return rule
}
