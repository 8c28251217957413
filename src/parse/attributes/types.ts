import type {BlockContent, Data, DefinitionContent, Literal, Parent, PhrasingContent} from 'mdast'
import type {Attributes} from './attribute-list.js'

/** `{#id .class key=value}` that `attach.ts` found nothing to give to: reported, never printed. */
export interface AttributesNode extends Literal {
  type: 'attributes'
  /** The source between the braces. */
  value: string
  attributes: Attributes
  data?: Data
}

/** `{{< include x.qmd >}}`: a Quarto shortcode. rapporteur runs none: reported, never printed. */
export interface Shortcode extends Literal {
  type: 'shortcode'
  data?: Data
}

/** `[text]{.class}`: a Pandoc bracketed span. */
export interface Span extends Parent {
  type: 'span'
  attributes: Attributes
  children: PhrasingContent[]
  data?: Data
}

/** `::: {.class}` … `:::`: a Pandoc fenced div (a Quarto callout when its class says so). */
export interface FencedDiv extends Parent {
  type: 'fencedDiv'
  attributes: Attributes
  children: Array<BlockContent | DefinitionContent>
  data?: Data
}

/** `@fig-x`, `[@tbl-x]`, `-@sec-x`, `@Fig-x`, `@eq-x`: a Quarto cross-reference, found among Pandoc citations by its prefix. */
export interface CrossReference extends Literal {
  type: 'crossReference'
  /** The target id: `fig-x`. */
  identifier: string
  /** `-@fig-x`: the number alone, without "Figure". */
  suppressLabel: boolean
  /** `@Fig-x`, Quarto's capitalised form: "Figure 1" with a capital. */
  capitalised?: boolean
  /** `@eq-x`, `@thm-x`: a kind rapporteur does not number, printed as written (`value`). */
  unsupported?: boolean
  /** As written (`@fig-x`, `-@eq-x`), for messages. */
  value: string
  data?: Data
}

/** What `{…}` after a node gave it: kept on the node's `data` for the model and the renderer. */
export interface AttributedData {
  attributes?: Attributes
}

declare module 'mdast' {
  interface PhrasingContentMap {
    shortcode: Shortcode
    attributes: AttributesNode
    span: Span
    crossReference: CrossReference
  }
  interface RootContentMap {
    shortcode: Shortcode
    attributes: AttributesNode
    span: Span
    fencedDiv: FencedDiv
    crossReference: CrossReference
  }
  interface BlockContentMap {
    fencedDiv: FencedDiv
  }
  interface Data extends AttributedData {}
}
