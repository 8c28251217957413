/**
 * The script the preview adds to every page it serves, as plain JavaScript source (served as is,
 * no bundler). It listens on `/__rapporteur/events`; every event carries the whole state
 * `{version, assets, diagnostics, stale}`. A version other than the page's own means the page
 * changed. When only the text did (same `assets`, same stylesheets), a web page fetches itself
 * again and swaps in the new body: no flash, no stylesheet or font requests, the scroll position
 * kept. Otherwise (a stylesheet or template changed, the paged view, which Paged.js must lay out
 * from scratch) it reloads, keeping the scroll position. It shows the diagnostics in an overlay.
 *
 * The overlay lives in a shadow root on `<html>`, outside `<body>`: Paged.js moves the body into
 * its pages and reads every `<style>` in the document, and neither should see the overlay; a
 * body swap leaves it in place.
 */
export const clientScript = String.raw`(() => {
  const script = document.currentScript
  let version = script.dataset.version
  const assets = script.dataset.assets
  const paged = script.dataset.paged === 'true'
  const scrollKey = 'rapporteur-scroll:' + location.pathname

  const restoreScroll = () => {
    const saved = sessionStorage.getItem(scrollKey)
    if (saved === null) return
    sessionStorage.removeItem(scrollKey)
    window.scrollTo({top: Number(saved), behavior: 'instant'})
  }
  if (paged) {
    // The pages exist only once Paged.js is done: restore the scroll then, not at load.
    history.scrollRestoration = 'manual'
    window.PagedConfig = {auto: true, after: () => { document.documentElement.dataset.rapporteurPaged = 'done'; restoreScroll() }}
  } else {
    window.addEventListener('load', restoreScroll)
  }

  const reload = () => {
    events.close()
    sessionStorage.setItem(scrollKey, String(window.scrollY))
    location.reload()
  }
  const stylesOf = (doc) => [...doc.querySelectorAll('link[rel~="stylesheet"], style')].map((element) => element.outerHTML).join('')
  // Fetch this page again and swap its body in; anything unexpected falls back to a reload.
  let refreshing = false
  let latest
  const refresh = async () => {
    refreshing = true
    const asked = latest.version
    try {
      const response = await fetch(location.href, {cache: 'no-store'})
      const next = new DOMParser().parseFromString(await response.text(), 'text/html')
      const nextScript = next.querySelector('script[data-version]')
      if (!response.ok || !nextScript || nextScript.dataset.assets !== assets || stylesOf(next) !== stylesOf(document)) return reload()
      document.title = next.title
      document.documentElement.lang = next.documentElement.lang
      document.body.replaceWith(document.adoptNode(next.body))
      version = nextScript.dataset.version
    } catch {
      return reload()
    } finally {
      refreshing = false
    }
    // Another change may have come in while this one was fetched.
    if (latest.version !== asked && latest.version !== version) onState(latest)
    else render(latest)
  }

  let host
  let dismissed = ''
  const render = (state) => {
    const shown = state.diagnostics.filter((item) => item.severity !== 'info')
    const key = JSON.stringify(shown)
    if (shown.length === 0 || key === dismissed) { if (host) { host.remove(); host = undefined } return }
    if (!host) {
      host = document.createElement('rapporteur-overlay')
      host.attachShadow({mode: 'open'})
      document.documentElement.append(host)
    }
    const root = host.shadowRoot
    root.replaceChildren()
    const style = document.createElement('style')
    style.textContent = ${JSON.stringify(overlayCss())}
    const panel = document.createElement('section')
    panel.setAttribute('role', 'status')
    panel.setAttribute('aria-label', 'rapporteur')
    const errors = shown.filter((item) => item.severity === 'error').length
    const warnings = shown.length - errors
    const title = document.createElement('p')
    title.className = 'title'
    title.textContent = [errors ? errors + (errors > 1 ? ' errors' : ' error') : '', warnings ? warnings + (warnings > 1 ? ' warnings' : ' warning') : ''].filter(Boolean).join(', ')
    const close = document.createElement('button')
    close.type = 'button'
    close.textContent = '×'
    close.setAttribute('aria-label', 'Hide until the next change')
    close.addEventListener('click', () => { dismissed = key; render(state) })
    title.append(close)
    panel.append(title)
    if (state.stale) {
      const note = document.createElement('p')
      note.className = 'stale'
      note.textContent = 'The page shows the last version that could be read: fix the error to see your changes.'
      panel.append(note)
    }
    const list = document.createElement('ul')
    for (const item of shown) {
      const entry = document.createElement('li')
      entry.className = item.severity
      const place = document.createElement('code')
      place.textContent = item.file + ':' + item.line + ':' + item.column
      const message = document.createElement('span')
      message.textContent = ' ' + item.severity + ' ' + item.message + ' '
      const rule = document.createElement('small')
      rule.textContent = item.rule
      entry.append(place, message, rule)
      list.append(entry)
    }
    panel.append(list)
    root.append(style, panel)
    host.dataset.count = String(shown.length)
  }

  const events = new EventSource('/__rapporteur/events?page=' + encodeURIComponent(location.pathname))
  const onState = (state) => {
    latest = state
    if (refreshing) return
    if (state.version === version) return render(state)
    if (paged || state.assets !== assets) return reload()
    render(state)
    refresh()
  }
  const onEvent = (event) => onState(JSON.parse(event.data))
  events.addEventListener('reload', onEvent)
  events.addEventListener('diagnostics', onEvent)
})()
`

function overlayCss(): string {
  return [
    ':host { all: initial; }',
    'section { position: fixed; z-index: 2147483647; right: 12px; bottom: 12px; max-width: min(720px, calc(100vw - 24px)); max-height: 50vh; overflow: auto;',
    '  background: #1e1e1e; color: #f0f0f0; font: 13px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; border-left: 4px solid #e5484d;',
    '  border-radius: 6px; box-shadow: 0 4px 16px rgba(0, 0, 0, 0.4); padding: 8px 12px; }',
    '.title { display: flex; justify-content: space-between; margin: 0 0 4px; font-weight: bold; }',
    'button { all: unset; cursor: pointer; padding: 0 6px; font-size: 16px; }',
    'button:focus-visible { outline: 2px solid #fff; }',
    '.stale { margin: 0 0 6px; color: #ffd479; }',
    'ul { margin: 0; padding: 0; list-style: none; }',
    'li { margin: 4px 0; white-space: pre-wrap; }',
    'li.error span { color: #ff9592; } li.warning span { color: #ffd479; }',
    'code { color: #9cdcfe; } small { color: #999; font-size: 11px; }'
  ].join('\n')
}
