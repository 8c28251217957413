// citation-js ships JavaScript without types; we use the input chain and the CSL output only.
declare module '@citation-js/core' {
  export const plugins: {
    input: {
      chain(data: unknown, options?: {forceType?: string; generateGraph?: boolean}): unknown[]
      /** One parsing step (BibTeX text → raw entries → CSL items). */
      chainLink(data: unknown, options?: {forceType?: string}): unknown
    }
    config: {get(name: string): {styles: {add(name: string, xml: string): void; has(name: string): boolean}; locales: {add(name: string, xml: string): void}}}
  }
  export class Cite {
    constructor(data?: unknown)
    data: unknown[]
    format(format: string, options?: Record<string, unknown>): string
  }
}
declare module '@citation-js/plugin-bibtex'
declare module '@citation-js/plugin-ris'
declare module '@citation-js/plugin-csl'
declare module '@citation-js/plugin-bibtex/lib/input/value.js'

/** citeproc-js: one CommonJS file exporting its `CSL` object (render/citations/engine.ts types the parts it uses). */
declare module 'citeproc' {
  const CSL: unknown
  export default CSL
}
