/**
 * mdast-util-to-markdown extension: serialize `inlineNote` nodes as `^[content]`.
 *
 * Text that would read back as a note (`^[`) gets its `^` escaped; inside a note, a `]` that
 * would close it early is escaped by the default unsafe patterns of labels.
 */
import type {Info, Options as ToMarkdownExtension, State, Unsafe} from 'mdast-util-to-markdown'
import type {InlineNote} from './types.js'

/** Constructs in which text is not phrasing to escape (as in `mdast-util-to-markdown`). */
const fullPhrasingSpans: NonNullable<Unsafe['notInConstruct']> = [
  'autolink',
  'destinationLiteral',
  'destinationRaw',
  'reference',
  'titleQuote',
  'titleApostrophe'
]

/** Create an extension for `mdast-util-to-markdown` to enable Pandoc inline notes. */
export function inlineNoteToMarkdown(): ToMarkdownExtension {
  return {
    handlers: {inlineNote: handleInlineNote},
    unsafe: [
      // `^[` in text would read back as a note.
      {character: '^', after: '\\[', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
      // Inside a note, any `]` could close it: escape them all.
      {character: ']', inConstruct: 'inlineNote'},
      {character: '[', inConstruct: 'inlineNote'}
    ]
  }
}

function handleInlineNote(node: InlineNote, _: unknown, state: State, info: Info): string {
  const tracker = state.createTracker(info)
  const exit = state.enter('inlineNote')
  let value = tracker.move('^[')
  value += state.containerPhrasing(node, {...tracker.current(), before: value, after: ']'})
  value += tracker.move(']')
  exit()
  return value
}

handleInlineNote.peek = peekInlineNote

function peekInlineNote(): string {
  return '^'
}

declare module 'mdast-util-to-markdown' {
  interface ConstructNameMap {
    /** Whole inline note: `^[a]`. */
    inlineNote: 'inlineNote'
  }
}
