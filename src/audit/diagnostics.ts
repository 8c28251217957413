import type {Element} from 'hast'
import {h} from 'hastscript'
import type {JsonDiagnostic} from '../diagnostics/to-json.js'
import type {AuditLabels} from './labels.js'

/** The findings of the same run, so the page is a complete record of the check. */
export function diagnosticsSection(diagnostics: readonly JsonDiagnostic[], labels: AuditLabels): Element {
  const columns = labels.diagnosticColumns
  return h('section#diagnostics', {ariaLabelledby: 'diagnostics-title'}, [
    h('h2#diagnostics-title', `${labels.diagnostics} (${diagnostics.length})`),
    diagnostics.length === 0
      ? h('p', labels.noDiagnostics)
      : h('table.diagnostics', [
          h('caption', labels.diagnosticsCaption),
          h('colgroup', ['place', 'severity', 'rule', 'message'].map((column) => h('col', {className: [`col-${column}`]}))),
          h('thead', h('tr', [columns.place, columns.severity, columns.rule, columns.message].map((name) => h('th', {scope: 'col'}, name)))),
          h(
            'tbody',
            diagnostics.map((diagnostic) =>
              h('tr', {dataSeverity: diagnostic.severity}, [
                h('td', h('code', `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`)),
                h('td', h('span', {className: ['severity', `severity-${diagnostic.severity}`]}, labels.severity[diagnostic.severity])),
                h('td.rule', h('code', diagnostic.rule)),
                h('td', diagnostic.message)
              ])
            )
          )
        ])
  ])
}
