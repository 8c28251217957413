import {addMessage} from '../diagnostics/message.js'
import type {SeveritySetting} from '../diagnostics/severity.js'
import type {ReportModel} from '../model/types.js'
import type {Rule} from './rule.js'

/**
 * Run rules over the model, writing their messages to the files they concern, at each rule's
 * severity unless `overrides` says otherwise. Pipeline code never prints: the CLI reports.
 */
export function runRules(model: ReportModel, rules: readonly Rule[], overrides: Readonly<Record<string, SeveritySetting>>): void {
  for (const rule of rules) {
    const setting = overrides[rule.id] ?? rule.severity
    if (setting === 'off') continue
    rule.check({
      model,
      report(at, message, extras) {
        const file = model.files.get(at.file)
        if (!file) throw new Error(`Rule ${rule.id} reported on unknown file ${at.file}`)
        addMessage(file, message, {...extras, ruleId: rule.id, severity: setting, place: at.position})
      }
    })
  }
}
