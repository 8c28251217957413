import {stylesheetsFor} from '../render/stylesheets.js'
import type {Theme} from '../load/theme.js'
import type {EditionName} from '../model/schemas/config.js'
import type {ReportModel} from '../model/types.js'
import type {RenderMode} from '../render/context.js'
import {renderDocument} from '../render/document.js'
import {renderEdition} from '../render/edition.js'
import type {FormattedStore} from '../render/citations/collector.js'
import {typography} from '../render/typography/index.js'
import {escapeHtml} from '../render/escape-html.js'

/** The edition pages a model has: its editions with their output names, as `build` writes them. */
export function editionPages(model: ReportModel): Array<{edition: EditionName; output: string; title: string}> {
  const names: EditionName[] = ['full', 'synthesis']
  return names.flatMap((edition) => {
    const config = model.config.editions[edition]
    return config ? [{edition, output: config.output, title: config.title ?? model.config.title}] : []
  })
}

/**
 * One edition as `build` writes it: the web page (`mode: 'web'`, no hyphenation) or the HTML that
 * Paged.js lays out for the PDF (`mode: 'print'`, soft hyphens), with the same stylesheet hrefs.
 * The paged view is served one folder down (`/paged/`), as the print HTML sits in `dist/.print/`.
 * Citations are formatted through `formatted` when given (the session's store), else this process's memory.
 */
export async function renderPage(model: ReportModel, theme: Theme, edition: EditionName, mode: RenderMode, formatted?: FormattedStore): Promise<string> {
  const pageOf = {full: `${model.config.editions.full.output}.html`, synthesis: `${model.config.editions.synthesis?.output ?? 'synthese'}.html`}
  const rendered = await renderEdition(model, edition, {mode, pageOf, ...(formatted ? {formatted} : {})})
  return renderDocument(model, rendered, theme, {
    mode,
    stylesheets: stylesheetsFor(mode, rendered, theme),
    transform: typography(model.config.lang, {hyphenate: mode === 'print'})
  })
}

/** Paged.js's stand-alone build, run in the page: it lays out the document once it has loaded. */
export const polyfillPath = '/__rapporteur/paged.polyfill.js'
export const handlersPath = '/__rapporteur/paged-handlers.js'
export const clientPath = '/__rapporteur/client.js'

/**
 * On screen, show the laid-out pages as sheets on a grey desk. `media="screen"` keeps Paged.js
 * from reading it as print CSS (it skips screen stylesheets), so the pages are exactly the PDF's.
 */
const pagedScreenCss = `<style media="screen">
html { background: #5f6368; }
.pagedjs_pages { display: flex; flex-direction: column; align-items: center; gap: 16px; padding: 16px 0; }
.pagedjs_page { background: #fff; box-shadow: 0 2px 8px rgba(0, 0, 0, 0.45); }
</style>`

/**
 * Add the preview's scripts at the end of `<head>`: the client (reload and overlay), and for the
 * paged view Paged.js and rapporteur's handlers, in that order: the client sets `PagedConfig`
 * before the polyfill reads it, and the handlers register before Paged.js starts.
 */
export function injectClient(html: string, options: {version: string; assets: string; paged: boolean}): string {
  const attributes = `data-version="${escapeAttribute(options.version)}" data-assets="${escapeAttribute(options.assets)}"${options.paged ? ' data-paged="true"' : ''}`
  const tags = [`<script src="${clientPath}" ${attributes}></script>`]
  if (options.paged) tags.push(`<script src="${polyfillPath}"></script>`, `<script src="${handlersPath}"></script>`, pagedScreenCss)
  const at = html.search(/<\/head>/iu)
  const block = tags.join('\n') + '\n'
  return at === -1 ? block + html : html.slice(0, at) + block + html.slice(at)
}

export {escapeHtml}

const escapeAttribute = escapeHtml
