/**
 * A link's address that names a file on the writer's computer rather than a place on the web or
 * in the report: a relative path (`annexe.pdf`, `../data/tableau.xlsx`), a path from a root
 * (`/docs/note.pdf`), or a `file:` URL. The build publishes no file a link names, so such a link
 * would lead nowhere in the HTML, and Chromium would write it into the PDF as the absolute
 * `file:` path of the build machine. Not local: `#id`, a scheme (`https:`, `mailto:`, `tel:`…), a
 * protocol-relative `//host/…`, and an empty address.
 */
export function isLocalAddress(url: string): boolean {
  const address = url.trim()
  if (address === '' || address.startsWith('#') || address.startsWith('//')) return false
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(address)?.[1]
  // `C:\…` and `C:/…` are Windows paths, not a URL scheme of one letter.
  if (scheme && scheme.length > 1) return scheme.toLowerCase() === 'file'
  return true
}

/** `#m%C3%A9thode` → `méthode`: the id a link into the page names (a malformed escape is kept as written). */
export function fragmentId(href: string): string {
  return unescapedAddress(href.replace(/^#/u, ''))
}

/** An address's escapes read (`Chart%20%231.png` → `Chart #1.png`); one malformed keeps the address as written. */
export function unescapedAddress(address: string): string {
  try {
    return decodeURIComponent(address)
  } catch {
    return address
  }
}

/**
 * An address a page would fetch from the network: a scheme other than `file:` and `data:`
 * (`https:`, `http:`, `ftp:`…) or a protocol-relative `//host/…`. The print has no network, so
 * what it names is missing from the PDF. Read for Markdown's images (load/images.ts) and for what
 * raw HTML loads (raw-html.ts).
 */
export function isWebAddress(url: string): boolean {
  const address = url.trim()
  if (address.startsWith('//')) return true
  const scheme = /^([a-z][a-z\d+.-]*):/iu.exec(address)?.[1]?.toLowerCase()
  return scheme !== undefined && scheme.length > 1 && scheme !== 'file' && scheme !== 'data'
}

/**
 * A link to one of the files the build publishes side by side (`rapport.html`, `synthese.pdf`,
 * `rapport.html#methode`: an edition's \`output\` name and a format): the edition it names. Such a
 * link leads where it says on the web, unlike a link to any other file of the project.
 */
export function editionPageOf(url: string, outputs: ReadonlyArray<{edition: string; output: string}>): string | undefined {
  const path = url.trim().replace(/^\.\//u, '').replace(/[?#].*$/su, '')
  return outputs.find(({output}) => path === `${output}.html` || path === `${output}.pdf`)?.edition
}
