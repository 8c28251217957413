import type {Data, Parent, PhrasingContent} from 'mdast'

/** Info associated with inline note nodes by the ecosystem. */
export interface InlineNoteData extends Data {}

/**
 * Pandoc inline note, `^[Selon une enquête de @doe.]`: a note written where it is called. It
 * takes its number among the document's notes (Markdown footnotes, and citations in a note style)
 * in reading order.
 */
export interface InlineNote extends Parent {
  type: 'inlineNote'
  /** The note's content, parsed as inline Markdown. */
  children: PhrasingContent[]
  data?: InlineNoteData | undefined
}

// Register the node as phrasing content, so `Paragraph['children']`, `visit`, and the
// to-markdown handler map all know about it.
declare module 'mdast' {
  interface PhrasingContentMap {
    /** Pandoc inline note in phrasing content. */
    inlineNote: InlineNote
  }

  interface RootContentMap {
    /** Pandoc inline note in phrasing content. */
    inlineNote: InlineNote
  }
}
