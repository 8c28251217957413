import type {ThemeCoverage} from './glyphs.js'
import type {TemplateValueProblem} from './template-values.js'
import type {SourceNumber} from './figures/source-numbers.js'
import type {FigureValue} from './figures/value.js'
import type {ContainerDirective, LeafDirective, TextDirective} from 'mdast-util-directive'
import type {Root} from 'mdast'
import type {CrossReference} from '../parse/attributes/types.js'
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import type {Config, EditionName} from './schemas/config.js'
import type {GlossaryEntry} from './schemas/glossary.js'
import type {Source} from './schemas/sources.js'
import type {FrontMatter} from './schemas/front-matter.js'
import type {NumberFinding} from './figures/detect.js'
import type {CslStyle} from './schemas/csl.js'
import type {RawHtmlFact} from './raw-html.js'
import type {AxisColours} from './colours.js'

/** Where something is written: a project-relative file and a range in it. */
export interface Located {
  file: string
  position: Position
}

/** A registry entry (source or glossary term) with the places of the entry and of its fields. */
export interface Entry<T> extends Located {
  value: T
  /** Places of the fields as written (`date`, `issued` or `year`, whichever the file has). */
  fields: Partial<Record<string, Position>>
}

export interface MarkdownDocument {
  path: string
  file: VFile
  tree: Root
  role: 'chapter' | 'synthesis'
  editions: EditionName[]
  frontMatter: FrontMatter
  /** Front matter title, else the first level-1 heading's text. */
  title: string | undefined
  /** Anchor id: front matter `id`, else derived from the file name. */
  id: string
}

export interface Recommendation extends Located {
  id: string
  /** R1…Rn in reading order across the full edition (0 when outside it). */
  number: number
  axis: string
  actors: string | undefined
  title: string | undefined
  node: ContainerDirective
}

export interface Stat extends Located {
  id: string
  value: string
  source: string
  locator: string | undefined
  key: boolean
  /** The block's text: what the value is a figure of. */
  text: string
  node: ContainerDirective
  attributePositions: Record<string, Position | undefined>
}

export interface Block extends Located {
  kind: 'viewpoint' | 'callout'
  attributes: Record<string, string>
  node: ContainerDirective
}

export interface TermUse extends Located {
  label: string
  id: string | undefined
  node: TextDirective
}

/** `:ref[#id]`, or `@fig-x` as Quarto writes a cross-reference. */
export interface RefUse extends Located {
  target: string
  node: TextDirective | CrossReference
}

/** A link in the text (`[texte](url)`, or `[texte][x]` with its definition's address). */
export interface LinkUse extends Located {
  url: string
  /** What the reader sees of it: its text, with an image's alternative text. */
  text: string
}

/** A piece of raw HTML (not a comment), with what the output will not have of it as written. */
export interface HtmlUse extends Located {
  facts: Array<RawHtmlFact & Located>
  /** A Pandoc raw block, ```` ```{=html} ```` (`unsupported-syntax` reports it where raw HTML is refused). */
  fenced: boolean
  /** A block of its own (between blank lines), not tags inside a paragraph: where HTML is refused, its text goes with it. */
  block: boolean
}

/** An image named in the Markdown (`![…](url){width=70%}`). */
export interface ImageUse extends Located {
  /** What a screen reader reads for it: `fig-alt` when given, else the text in brackets (a figure's caption). */
  alt: string | null | undefined
  url: string
  /** `width` as written in its attributes (`70%`, `8cm`), for the resolution check. */
  width?: string | undefined
}

/** An image file as the load stage found it, or why it could not. */
export interface ImageFile {
  /** The file, relative to the project, when found. */
  path?: string | undefined
  /** Where it was looked for: beside the Markdown file, then in the report folder. */
  tried: string[]
  /** `unsupported`: an image browsers do not show (TIFF, HEIC, PSD…), in `format`. */
  problem?: 'missing' | 'not-an-image' | 'unsupported' | 'refused' | 'remote' | undefined
  /** Why the sandbox refused it. */
  reason?: string | undefined
  /** For a missing one: the file of the report most likely meant (another case, a close name). */
  closest?: string | undefined
  format?: string | undefined
  /** Pixels, for raster images. */
  width?: number | undefined
  height?: number | undefined
  /** For an SVG: the files it links to, which a browser does not load inside an image, or why its XML does not parse (load/svg-image.ts). */
  svg?: SvgReading | undefined
}

/** A file an SVG names for the browser to load: a linked bitmap, another SVG's symbol, a stylesheet or font. */
export interface SvgLink {
  href: string
  line: number
  column: number
}

/** What an SVG shown as an image would lose: the files it links to, or all of it when its XML does not parse. */
export interface SvgReading {
  links: SvgLink[]
  /** Where its first `<text>` is, when it has one: set in the fonts of the machine that shows it, not the theme's. */
  text?: {line: number; column: number} | undefined
  malformed?: {reason: string; line: number; column: number}
  /**
   * Where its `<svg>` element is, when it has no `viewBox` and no width or height of its own (left
   * out, or a percentage): a browser shows it in a 300 × 150 box, cropped.
   */
  unsized?: {line: number; column: number; width?: string | undefined; height?: string | undefined} | undefined
}

/** What a reference can point at. */
export type TargetKind = 'chapter' | 'section' | 'figure' | 'table'

export interface Anchor extends Located {
  /** A chapter's or section's title, a figure's or table's caption. */
  label: string
  kind: TargetKind
  /** `{.unnumbered}` or `{-}` on the heading. */
  unnumbered: boolean
  /** The id of the chapter (document) it is in. */
  document: string
  /**
   * A heading's id made from its text: that text's slug (`what-has-worked`), which is the id itself
   * unless it was taken when the heading came (`what-has-worked-1`). Absent for an id written by hand.
   */
  slug?: string
}

export interface CitationUse extends Located {
  key: string
  mode: 'normal' | 'suppress-author' | 'in-text' // as CitationItem['mode']: [@key], [-@key], or @key in the text
  prefix: string
  locator: string
  suffix: string
}

export interface DirectiveUse extends Located {
  kind: 'containerDirective' | 'leafDirective' | 'textDirective'
  name: string
  node: ContainerDirective | LeafDirective | TextDirective
}

/** A number in the prose: a figure (cited, waived, covered by a block, or uncited) or a non-figure. */
export interface Figure extends Located {
  text: string
  /** Its sentence as a reader sees it (subscripts, links' text, code and in-text citations kept; bracketed citations and notes not). */
  sentence: string
  /**
   * The sentence with those left out too, as it was quoted before they were shown: what a
   * review's fingerprint reads, so that marks made before stay on their figures.
   */
  sentenceKey?: string
  status: 'cited' | 'stat' | 'viewpoint' | 'waived' | 'uncited'
  /** Source keys that cover it (for `stat`, the stat's source). */
  keys: string[]
  waiverReason?: string
  /** The chapter (document) title it appears in. */
  chapter: string | undefined
  /** What it says by value (absent for figures no source can confirm, such as `a doublé`). */
  value?: FigureValue
  /** The pages its citations point at, by source key. */
  pages?: Array<{key: string; pages: string}>
  /** Whether an archived copy of its source holds it (set by the check stage). */
  inSource?: InSource
}

/** A source's archived copy, page by page (one page for HTML and text): each page's numbers by value. */
export interface ArchivedText {
  file: string
  pages: Array<{label: string; numbers: SourceNumber[]}>
  /** A PDF, whose pages are the original's: a text, Markdown or HTML copy is one page, and a cited page cannot be checked in it. */
  paged: boolean
}

/** A figure looked up in the archived copies of the sources that cover it. */
export type InSource =
  | {status: 'found'; key: string; pages: string[]}
  | {status: 'not-on-page'; key: string; cited: string; pages: string[]}
  | {status: 'not-found'; keys: string[]}
  | {status: 'no-archive'}
  | {status: 'not-checked'}

export interface Waiver extends Located {
  reason: string
  text: string
}

/** A problem found while building the model, reported by the `schema` rule. */
export interface SchemaProblem extends Located {
  message: string
}

/** An address the project's own stylesheet loads that a page cannot have, at the address. */
export interface StylesheetResource extends Located {
  address: string
  /** On the web (`https:`, `//host`), or a file of the project the build does not copy. */
  kind: 'web' | 'not-copied'
  /** Loaded as a stylesheet (`@import`). */
  stylesheet: boolean
}

/** What a browser would skip in the project's own stylesheet, at its place: a declaration, an at-rule, text it cannot read. */
export interface StylesheetDeclaration extends Located {
  /** The property, or the at-rule (`@pgae`); empty for text the parser cannot read. */
  property: string
  /** The value; for text the parser cannot read, what it expected (`Colon is expected`). */
  value: string
  problem: 'unknown-property' | 'invalid-value' | 'unknown-at-rule' | 'parse-error' | 'unknown-media-type' | 'unknown-media-feature'
  /** The grammar its value should follow (`<color>`), when short enough to read. */
  syntax?: string | undefined
  /** `, did you mean \`color\`?` for an unknown property or at-rule close to a known one, else ''. */
  closest: string
}

/** An address the project's own template loads by itself, at the address. */
export interface TemplateAddress extends Located {
  address: string
  /** On the web (`https://…`): the print cannot fetch it. */
  web: boolean
  /** Loaded as a stylesheet (a `<link>`'s or an `@import`'s). */
  stylesheet: boolean
}

/** The typed report: everything the rules, the renderer and the exporters need. */
export interface ReportModel {
  dir: string
  config: Config
  files: Map<string, VFile>
  documents: MarkdownDocument[]
  sources: Array<Entry<Source>>
  /** Registry entries dropped because they failed their schema: their ids, and the registry of each. */
  rejectedSources: Array<{id: string; file: string}>
  /** Registry fields and entry types that no style prints (reported by `unread-field`). */
  unreadFields: SchemaProblem[]
  /** Files that look like the project's input but that nothing reads (unread-file). */
  unreadFiles: SchemaProblem[]
  /** The text of the sources' archived copies (`file:` in sources.yaml), by source id. */
  archives: Map<string, ArchivedText>
  /** The printer's ICC output profile, for PDF/X (`print.pdfx`). */
  outputProfile?: Uint8Array | undefined
  /** The style of notes, in-text citations and bibliography: the project's own or a default. */
  citationStyle: CslStyle
  /** rapporteur.yaml, as its path in `files`. */
  configFile: string
  /** The sources registries read, in order (`sources:` in rapporteur.yaml, or the default one found). */
  sourcesFiles: string[]
  /** The registries `sources:` names that could not be read (a `schema` finding at this place says why): their keys are unknown. */
  unreadRegistries: Array<Located & {name: string}>
  glossary: Array<Entry<GlossaryEntry>>
  glossaryFile: string | undefined
  /** Registries and the glossary whose text did not parse at all (a `schema` finding says where): nothing was read from them. */
  unparsedFiles: string[]
  recommendations: Recommendation[]
  stats: Stat[]
  blocks: Block[]
  terms: TermUse[]
  refs: RefUse[]
  /** `@eq-x`, `@thm-x`: Quarto cross-references of a kind rapporteur does not number, printed as written. */
  otherCrossReferences: Array<Located & {node: CrossReference}>
  citations: CitationUse[]
  figures: Figure[]
  /** Numbers judged not to be figures, with why: for `export figures --all` and for tuning. */
  nonFigures: Array<Located & {text: string; reason: NonNullable<NumberFinding['notFigure']>}>
  waivers: Waiver[]
  directives: DirectiveUse[]
  html: HtmlUse[]
  images: ImageUse[]
  links: LinkUse[]
  /** Each image as the load stage found it, keyed by `render/images.ts`'s `imageKey(file, url)`. */
  imageFiles: Map<string, ImageFile>
  /** What `:ref[#id]` and `@fig-x` may point at: chapters, sections, figures and tables with an id. */
  anchors: Map<string, Anchor>
  /**
   * Ids written by hand (`{#id}`) on headings, figures and tables, and on the spans, divs, images,
   * links and code the HTML gives them to: for `duplicate-id`, and as targets of `[texte](#id)`.
   */
  explicitIds: Array<Located & {id: string}>
  problems: SchemaProblem[]
  /** Font files the project's theme names with @font-face that no folder holds (reported by `missing-font`). */
  fontProblems: SchemaProblem[]
  /** The colours each axis is drawn with, from the theme and rapporteur.yaml (read by `axis-contrast`); empty when the theme could not be read. */
  axisColours: AxisColours[]
  /** What the theme's body and heading fonts can print, by their unicode-ranges (read by `missing-glyph`); empty when not known. */
  glyphCoverage: ThemeCoverage
  /** Files the project's own templates load by an address of their own (reported by `template-resource`). */
  templateAddresses: TemplateAddress[]
  /** Names the project's own templates write that they will not get, or HTML they would print as source (template-value). */
  templateValues: TemplateValueProblem[]
  /** What the project's own stylesheets load that a page cannot have (reported by `stylesheet-resource`). */
  stylesheetResources: StylesheetResource[]
  /** Declarations of the project's own stylesheets a browser would skip (reported by `stylesheet-declaration`). */
  stylesheetDeclarations: StylesheetDeclaration[]
}
