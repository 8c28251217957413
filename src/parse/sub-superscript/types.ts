import type {Data, Parent, PhrasingContent} from 'mdast'

/** Info associated with sub- and superscript nodes by the ecosystem. */
export interface SubSuperscriptData extends Data {}

/** Pandoc subscript, `H~2~O`: rendered `<sub>`. */
export interface Subscript extends Parent {
  type: 'subscript'
  /** The content, parsed as inline Markdown; an escaped space (`\ `) is a no-break space. */
  children: PhrasingContent[]
  data?: SubSuperscriptData | undefined
}

/** Pandoc superscript, `10^6^`, `1^er^`: rendered `<sup>`. */
export interface Superscript extends Parent {
  type: 'superscript'
  /** The content, parsed as inline Markdown; an escaped space (`\ `) is a no-break space. */
  children: PhrasingContent[]
  data?: SubSuperscriptData | undefined
}

// Register the nodes as phrasing content, so `Paragraph['children']`, `visit`, and the
// to-markdown handler map all know about them.
declare module 'mdast' {
  interface PhrasingContentMap {
    /** Pandoc subscript in phrasing content. */
    subscript: Subscript
    /** Pandoc superscript in phrasing content. */
    superscript: Superscript
  }

  interface RootContentMap {
    /** Pandoc subscript in phrasing content. */
    subscript: Subscript
    /** Pandoc superscript in phrasing content. */
    superscript: Superscript
  }
}
