import {PDFArray, PDFDict, PDFDocument, PDFName, PDFString} from 'pdf-lib'
import {describe, expect, test} from 'vitest'
import {renumberStructureIds} from '../../src/print/structure-ids.js'

/** A tag tree as Chromium writes a table: header cells with DOM-made ids, data cells pointing at them. */
async function tableDocument(first: number) {
  const document = await PDFDocument.create()
  const context = document.context
  const header = (id: number) => context.register(context.obj({Type: 'StructElem', S: 'TH', ID: PDFString.of(`node0000${id}`)}))
  const [a, b] = [header(first), header(first + 1)]
  const cell = context.register(context.obj({Type: 'StructElem', S: 'TD', A: context.obj({O: 'Table', Headers: [PDFString.of(`node0000${first + 1}`), PDFString.of(`node0000${first}`)]})}))
  const table = context.register(context.obj({Type: 'StructElem', S: 'Table', K: [a, b, cell]}))
  const leaf = context.register(context.obj({Limits: [PDFString.of(`node0000${first}`), PDFString.of(`node0000${first + 1}`)], Names: [PDFString.of(`node0000${first}`), a, PDFString.of(`node0000${first + 1}`), b]}))
  const tree = context.register(context.obj({Kids: [leaf]}))
  document.catalog.set(PDFName.of('StructTreeRoot'), context.obj({Type: 'StructTreeRoot', K: table, IDTree: tree}))
  return document
}

describe('structure element ids', () => {
  test('are named in tag-tree order everywhere they are written, whatever Chromium called them', async () => {
    const bytes = await Promise.all([1192, 1205].map(async (first) => {
      const document = await tableDocument(first)
      renumberStructureIds(document)
      return document.save({useObjectStreams: false})
    }))
    expect(Buffer.compare(Buffer.from(bytes[0]!), Buffer.from(bytes[1]!))).toBe(0)
    const text = Buffer.from(bytes[0]!).toString('latin1')
    expect(text).not.toContain('node0000')
    expect(text.match(/\/Headers \[[^\]]*\]/u)?.[0]).toBe('/Headers [ (id1) (id2) ]')
    // The old ID tree's nodes are gone; the new one is one leaf with its keys in order.
    expect(text).not.toContain('/Limits')
    const document = await PDFDocument.load(bytes[0]!)
    const root = document.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    const names = root.lookup(PDFName.of('IDTree'), PDFDict).lookup(PDFName.of('Names'), PDFArray)
    expect(names.asArray().filter((item) => item instanceof PDFString).map((item) => (item as PDFString).asString())).toEqual(['id1', 'id2'])
  })
})
