/**
 * mdast-util-to-markdown extension: serialize `subscript` nodes as `~content~` and `superscript`
 * nodes as `^content^`.
 *
 * Text that would read back as one gets its marker escaped: every `^` in phrasing (GFM
 * strikethrough already escapes every `~`). Inside, spaces and line endings would end the
 * construct: they are written as character references.
 */
import type {Info, Options as ToMarkdownExtension, State, Unsafe} from 'mdast-util-to-markdown'
import type {Subscript, Superscript} from './types.js'

/** Constructs in which text is not phrasing to escape (as in `mdast-util-to-markdown`). */
const fullPhrasingSpans: NonNullable<Unsafe['notInConstruct']> = [
  'autolink',
  'destinationLiteral',
  'destinationRaw',
  'reference',
  'titleQuote',
  'titleApostrophe'
]

/** Create an extension for `mdast-util-to-markdown` to enable Pandoc sub- and superscripts. */
export function subSuperscriptToMarkdown(): ToMarkdownExtension {
  return {
    handlers: {subscript: handleSubscript, superscript: handleSuperscript},
    unsafe: [
      {character: '^', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
      {character: '~', inConstruct: 'phrasing', notInConstruct: fullPhrasingSpans},
      {character: ' ', inConstruct: ['subscript', 'superscript']},
      {character: '\t', inConstruct: ['subscript', 'superscript']},
      {character: '\n', inConstruct: ['subscript', 'superscript']},
      {character: '\r', inConstruct: ['subscript', 'superscript']}
    ]
  }
}

function handleSubscript(node: Subscript, _: unknown, state: State, info: Info): string {
  return wrap(node, state, info, 'subscript', '~')
}

function handleSuperscript(node: Superscript, _: unknown, state: State, info: Info): string {
  return wrap(node, state, info, 'superscript', '^')
}

handleSubscript.peek = () => '~'
handleSuperscript.peek = () => '^'

function wrap(node: Subscript | Superscript, state: State, info: Info, construct: 'subscript' | 'superscript', marker: string): string {
  const tracker = state.createTracker(info)
  const exit = state.enter(construct)
  let value = tracker.move(marker)
  value += state.containerPhrasing(node, {...tracker.current(), before: value, after: marker})
  value += tracker.move(marker)
  exit()
  return value
}

declare module 'mdast-util-to-markdown' {
  interface ConstructNameMap {
    /** Whole subscript: `~a~`. */
    subscript: 'subscript'
    /** Whole superscript: `^a^`. */
    superscript: 'superscript'
  }
}
