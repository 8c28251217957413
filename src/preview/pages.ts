import type {JsonDiagnostic} from '../diagnostics/to-json.js'
import {escapeHtml, injectClient} from './render.js'

/** An edition as the index lists it. */
export interface IndexEntry {
  title: string
  output: string
}

const css = `body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 3rem auto; padding: 0 1rem; color: #1d1d1f; }
h1 { font-size: 1.5rem; } li { margin: 0.4rem 0; } code { font-size: 0.9em; }
.error { color: #b3261e; } .warning { color: #8a5a00; }`

function shell(title: string, body: string, state: {version: string; assets: string}, lang = 'en'): string {
  const html = `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`
  return injectClient(html, {...state, paged: false})
}

function diagnosticList(diagnostics: readonly JsonDiagnostic[]): string {
  const items = diagnostics.map(
    (item) =>
      `<li class="${item.severity}"><code>${escapeHtml(`${item.file}:${item.line}:${item.column}`)}</code> ${item.severity} ${escapeHtml(item.message)} <small>${escapeHtml(item.rule)}</small></li>`
  )
  return `<ul>\n${items.join('\n')}\n</ul>`
}

/** `/`: each edition's web and paged views, and a count of the findings. */
export function indexPage(options: {title: string; lang: string; entries: readonly IndexEntry[]; diagnostics: readonly JsonDiagnostic[]; version: string; assets: string}): string {
  const links = options.entries.map((entry) => {
    const file = encodeURIComponent(entry.output) + '.html'
    return `<li>${escapeHtml(entry.title)}: <a href="/${file}">web page</a> · <a href="/paged/${file}">paged (print)</a></li>`
  })
  const errors = options.diagnostics.filter((item) => item.severity === 'error').length
  const warnings = options.diagnostics.filter((item) => item.severity === 'warning').length
  const count = (number: number, word: string) => `${number} ${word}${number === 1 ? '' : 's'}`
  const status = errors + warnings === 0 ? '<p>No problems found.</p>' : `<p>${count(errors, 'error')}, ${count(warnings, 'warning')}: see the terminal or the overlay.</p>`
  return shell(options.title, `<h1>${escapeHtml(options.title)}</h1>\n<ul>\n${links.join('\n')}\n</ul>\n${status}`, options, options.lang)
}

/** What a page shows when there is nothing to serve yet: the config is broken, or no build succeeded. */
export function errorPage(diagnostics: readonly JsonDiagnostic[], state: {version: string; assets: string}): string {
  const body = `<h1>Cannot show the report yet</h1>
<p>Fix the problems below; this page reloads by itself once the report can be read.</p>
${diagnosticList(diagnostics.filter((item) => item.severity !== 'info'))}`
  return shell('rapporteur preview: cannot build', body, state)
}
