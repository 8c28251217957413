import {PDFDict, PDFName, type PDFContext} from 'pdf-lib'

/**
 * A subset's name, as Chromium (Skia) writes it: a tag of six capitals, `+`, the font's name.
 * Skia numbers the subsets of each PDF it prints from `AAAAAA` (then `BAAAAA`, `CAAAAA`…), so
 * parts printed apart and joined (join-pdfs.ts) hold several subsets of one font under one name,
 * each with other glyphs. The PDF format asks for "different tags for different subsets in the
 * same PDF file" (ISO 32000-1, 9.6.4): a reader that finds fonts by name may take one subset for
 * another and draw the wrong glyphs, and PDF checkers report it.
 */
const SUBSET_TAG = /^[A-Z]{6}(?=\+)/u

const name = {
  Type: PDFName.of('Type'),
  Font: PDFName.of('Font'),
  FontDescriptor: PDFName.of('FontDescriptor'),
  BaseFont: PDFName.of('BaseFont'),
  FontName: PDFName.of('FontName')
}

/**
 * The subset tags already in a joined PDF, and a source of new ones: each tag a part brings that
 * is taken gets the next free one (`AAAAAA`, `BAAAAA`… as Skia counts), the same for every name
 * that carries it (a Type 0 font, its descendant font, their descriptor). Deterministic: the same
 * parts, in the same order, get the same tags.
 */
export class SubsetTags {
  private readonly used = new Set<string>()
  private next = 0

  /** Give the subsets of one part's PDF (its own context, before it is copied) tags no earlier part used. */
  retag(context: PDFContext): void {
    const renamed = new Map<string, string>()
    const fonts: Array<[PDFDict, PDFName]> = []
    for (const [, object] of context.enumerateIndirectObjects()) {
      if (!(object instanceof PDFDict)) continue
      const type = object.get(name.Type)
      const key = type === name.Font ? name.BaseFont : type === name.FontDescriptor ? name.FontName : undefined
      if (key && object.get(key) instanceof PDFName) fonts.push([object, key])
    }
    // A tag an earlier part used is renamed to one no part uses and this part does not bring.
    const own = new Set<string>()
    for (const [font, key] of fonts) {
      const tag = SUBSET_TAG.exec((font.get(key) as PDFName).decodeText())?.[0]
      if (tag) own.add(tag)
    }
    const earlier = new Set(this.used)
    for (const tag of own) {
      const to = earlier.has(tag) ? this.fresh(own) : tag
      renamed.set(tag, to)
      this.used.add(to)
    }
    for (const [font, key] of fonts) {
      const text = (font.get(key) as PDFName).decodeText()
      const tag = SUBSET_TAG.exec(text)?.[0]
      if (tag && renamed.get(tag) !== tag) font.set(key, PDFName.of(renamed.get(tag)! + text.slice(tag.length)))
    }
  }

  /** The next tag in Skia's order that no part uses and that this part does not bring. */
  private fresh(own: ReadonlySet<string>): string {
    for (;;) {
      const tag = tagOf(this.next++)
      if (!own.has(tag) && !this.used.has(tag)) return tag
    }
  }
}

/** The `n`th tag in Skia's order: `AAAAAA`, `BAAAAA`, … `ZAAAAA`, `ABAAAA`… (the first letter counts fastest). */
export function tagOf(n: number): string {
  let tag = ''
  for (let at = 0, rest = n; at < 6; at++, rest = Math.floor(rest / 26)) tag += String.fromCharCode(65 + (rest % 26))
  return tag
}
