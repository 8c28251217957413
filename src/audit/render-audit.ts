import {createHash} from 'node:crypto'
import type {Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {JsonDiagnostic} from '../diagnostics/to-json.js'
import type {ReviewFile} from '../model/schemas/review.js'
import type {ReportModel} from '../model/types.js'
import {auditData} from './data.js'
import {diagnosticsSection} from './diagnostics.js'
import {figuresSection} from './figures.js'
import {auditHeader} from './header.js'
import {auditLabelsFor} from './labels.js'
import {projectKey} from './review/fingerprint.js'
import {orphansSection} from './review/parts.js'
import {auditScript} from './script.js'
import {sourcesSection, unusedSection} from './sources.js'
import {auditStyles} from './styles.js'

export interface AuditOptions {
  /** When the audit was made, shown in the header; left out, the page is the same on every run. */
  generatedAt?: string
  /**
   * A reviewer's marks (`check --review`) and the file they came from, relative to the report
   * folder; `review` is undefined when the file had problems (they are among the diagnostics).
   */
  review?: {file: string; review: ReviewFile | undefined}
}

/**
 * The reviewer's audit page: every figure with its sentence, status, sources and review mark, the
 * sources with where each is used, and the diagnostics, as one self-contained HTML document. Pure: the same
 * model, diagnostics and options give the same bytes. All report text goes through hast text and
 * attribute nodes, which `toHtml` escapes; the only raw text is our own CSS and script.
 */
export function renderAudit(model: ReportModel, diagnostics: JsonDiagnostic[], options: AuditOptions = {}): string {
  const labels = auditLabelsFor(model.config.lang)
  const data = auditData(model, options.review?.review)
  const read = options.review ? {file: options.review.file, savedAt: options.review.review?.savedAt} : undefined
  const project = {key: projectKey(model.config), title: model.config.title, organisation: model.config.organisation}
  const tree: Root = {
    type: 'root',
    children: [
      {type: 'doctype'},
      h('html', {lang: model.config.lang}, [
        h('head', [
          h('meta', {charset: 'utf-8'}),
          // Nothing may load from anywhere, and only our own style and script (by hash) may run:
          // the page stays offline, and text that slipped through as markup could not execute.
          h('meta', {httpEquiv: 'Content-Security-Policy', content: contentSecurityPolicy()}),
          h('meta', {name: 'viewport', content: 'width=device-width, initial-scale=1'}),
          h('meta', {name: 'generator', content: 'rapporteur'}),
          h('title', `${labels.kicker} — ${model.config.title}`),
          h('style', auditStyles)
        ]),
        h('body', [
          auditHeader(model, data, diagnostics, labels, options.generatedAt, read),
          h('nav', {ariaLabel: labels.sections}, [
            h('ul', [
              h('li', h('a', {href: '#figures'}, labels.figures)),
              data.orphans.length > 0 ? h('li', h('a', {href: '#review-orphans'}, labels.review.orphans)) : undefined,
              h('li', h('a', {href: '#sources'}, labels.sources)),
              h('li', h('a', {href: '#unused-sources'}, labels.unused)),
              h('li', h('a', {href: '#diagnostics'}, labels.diagnostics))
            ])
          ]),
          h('main', [figuresSection(data, labels, project), orphansSection(data, labels), sourcesSection(data, labels), unusedSection(data, labels), diagnosticsSection(diagnostics, labels)]),
          // Last in the body: the rows it filters exist by the time it runs.
          h('script', auditScript)
        ])
      ])
    ]
  }
  return toHtml(tree) + '\n'
}

function contentSecurityPolicy(): string {
  const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`
  return [`default-src 'none'`, `style-src ${hash(auditStyles)}`, `script-src ${hash(auditScript)}`, `base-uri 'none'`, `form-action 'none'`].join('; ')
}
