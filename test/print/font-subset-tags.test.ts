import {PDFDict, PDFDocument, PDFName} from 'pdf-lib'
import {expect, test} from 'vitest'
import {SubsetTags, tagOf} from '../../src/print/font-subset-tags.js'

/** A part's PDF as far as its fonts go: each subset a Type 0 font, its descendant and their descriptor, under one name. */
async function partWith(...names: string[]): Promise<PDFDocument> {
  const document = await PDFDocument.create()
  const {context} = document
  for (const name of names) {
    const descriptor = context.register(context.obj({Type: 'FontDescriptor', FontName: name}))
    const descendant = context.register(context.obj({Type: 'Font', Subtype: 'CIDFontType2', BaseFont: name, FontDescriptor: descriptor}))
    context.register(context.obj({Type: 'Font', Subtype: 'Type0', BaseFont: name, DescendantFonts: [descendant]}))
  }
  return document
}

/** Every font name in the document, by kind, in object order. */
function names(document: PDFDocument): {descriptors: string[]; fonts: string[]} {
  const descriptors: string[] = []
  const fonts: string[] = []
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue
    if (object.get(PDFName.of('Type')) === PDFName.of('FontDescriptor')) descriptors.push((object.get(PDFName.of('FontName')) as PDFName).decodeText())
    else if (object.get(PDFName.of('Type')) === PDFName.of('Font')) fonts.push((object.get(PDFName.of('BaseFont')) as PDFName).decodeText())
  }
  return {descriptors, fonts}
}

test('tags count as Skia counts them, the first letter fastest', () => {
  expect([0, 1, 25, 26, 27, 26 * 26].map(tagOf)).toEqual(['AAAAAA', 'BAAAAA', 'ZAAAAA', 'ABAAAA', 'BBAAAA', 'AABAAA'])
})

test('the first part keeps its names; a later part sharing a tag gets a new one, the same on all three of its dictionaries', async () => {
  const first = await partWith('AAAAAA+SourceSerif4-Regular', 'BAAAAA+SourceSans3-Bold')
  const second = await partWith('AAAAAA+SourceSerif4-Regular', 'CAAAAA+SourceSerif4-Italic')
  const tags = new SubsetTags()
  tags.retag(first.context)
  tags.retag(second.context)
  expect(names(first).descriptors).toEqual(['AAAAAA+SourceSerif4-Regular', 'BAAAAA+SourceSans3-Bold'])
  // AAAAAA and BAAAAA are taken, CAAAAA is the second part's own: its AAAAAA becomes DAAAAA, its CAAAAA stays.
  expect(names(second).descriptors).toEqual(['DAAAAA+SourceSerif4-Regular', 'CAAAAA+SourceSerif4-Italic'])
  expect(names(second).fonts).toEqual(['DAAAAA+SourceSerif4-Regular', 'DAAAAA+SourceSerif4-Regular', 'CAAAAA+SourceSerif4-Italic', 'CAAAAA+SourceSerif4-Italic'])
})

test('names stay unique over many parts, and the same parts get the same names', async () => {
  const run = async () => {
    const tags = new SubsetTags()
    const all: string[] = []
    for (let part = 0; part < 13; part++) {
      const document = await partWith(...[0, 1, 2, 3, 4, 5].map((n) => `${tagOf(n)}+Font${n}`))
      tags.retag(document.context)
      all.push(...names(document).descriptors)
    }
    return all
  }
  const once = await run()
  expect(new Set(once).size).toBe(13 * 6)
  expect(once.every((name) => /^[A-Z]{6}\+Font\d$/u.test(name))).toBe(true)
  expect(await run()).toEqual(once)
})

test('a name without a subset tag (a font not embedded, or embedded whole) is left as it is', async () => {
  const first = await partWith('Helvetica', 'AAAAAA+Serif')
  const second = await partWith('Helvetica', 'AAAAAA+Serif', 'Abcdef+Odd')
  const tags = new SubsetTags()
  tags.retag(first.context)
  tags.retag(second.context)
  expect(names(second).descriptors).toEqual(['Helvetica', 'BAAAAA+Serif', 'Abcdef+Odd'])
})
