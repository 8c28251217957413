import {PDFArray, PDFDict, type PDFDocument, PDFHexString, PDFName, type PDFObject, PDFRef, PDFString} from 'pdf-lib'
import {eachStructureElement} from './role-map.js'

const A = PDFName.of('A')
const ID = PDFName.of('ID')
const Headers = PDFName.of('Headers')

/**
 * Chromium names the structure elements a table's cells point at (`/ID (node00001192)`, the
 * `/Headers` of a data cell) after its DOM node ids, which depend on the order the nodes were
 * made: a document laid out in parts, or laid out again, gets other names, and other bytes. Give
 * them names in the order of the tag tree (`id1`, `id2`…), everywhere they are written (the element's `/ID`,
 * `/Headers` arrays, the `/IDTree`), so that the same document gives the same PDF.
 */
export function renumberStructureIds(document: PDFDocument): void {
  const names = new Map<string, string>()
  const elements: Array<{element: PDFDict; id: string}> = []
  // `/Headers` sit in attribute dictionaries (`/A`), on the element or in an array of them; they
  // may name a cell further on, so they are renamed once every name is known.
  const attributes: PDFObject[] = []
  eachStructureElement(document, (element) => {
    const held = element.get(A)
    if (held) attributes.push(held)
    const id = textOf(element.get(ID))
    if (id === undefined || names.has(id)) return
    names.set(id, `id${names.size + 1}`)
    elements.push({element, id})
  })
  if (names.size === 0) return
  const rename = (value: PDFObject | undefined): PDFObject | undefined => {
    const text = textOf(value)
    return text !== undefined && names.has(text) ? PDFString.of(names.get(text)!) : undefined
  }
  for (const {element} of elements) element.set(ID, rename(element.get(ID))!)
  for (const held of attributes) {
    const dicts = document.context.lookup(held)
    for (const dict of dicts instanceof PDFArray ? dicts.asArray().map((item) => document.context.lookup(item)) : [dicts]) {
      if (!(dict instanceof PDFDict)) continue
      const headers = document.context.lookup(dict.get(Headers))
      if (!(headers instanceof PDFArray)) continue
      for (let index = 0; index < headers.size(); index++) {
        const renamed = rename(headers.get(index))
        if (renamed) headers.set(index, renamed)
      }
    }
  }
  // The ID tree maps names to elements, its keys in order: write it again, one leaf (or write it,
  // when the only names are the notes' that tagNotes gave: a tree with IDs must have one).
  const root = document.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return
  const refs = new Map<PDFObject, PDFRef>()
  const wanted = new Set<PDFObject>(elements.map(({element}) => element))
  for (const [ref, object] of document.context.enumerateIndirectObjects()) if (wanted.has(object)) refs.set(object, ref)
  const entries = elements.map(({element, id}) => [names.get(id)!, refs.get(element) ?? element] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const flat: PDFObject[] = entries.flatMap(([name, ref]) => [PDFString.of(name), ref as PDFRef | PDFDict])
  const old = root.get(PDFName.of('IDTree'))
  root.set(PDFName.of('IDTree'), document.context.obj({Names: document.context.obj(flat)}))
  // pdf-lib writes every object it holds, referenced or not: the old tree's nodes go.
  const stack: unknown[] = [old]
  while (stack.length > 0) {
    const node = stack.pop()
    const dict = node instanceof PDFRef ? document.context.lookup(node) : node
    if (node instanceof PDFRef) document.context.delete(node)
    const kids = dict instanceof PDFDict ? dict.lookup(PDFName.of('Kids')) : undefined
    if (kids instanceof PDFArray) stack.push(...kids.asArray())
  }
}

function textOf(value: PDFObject | undefined): string | undefined {
  if (value instanceof PDFString) return value.asString()
  if (value instanceof PDFHexString) return value.decodeText()
  return undefined
}
