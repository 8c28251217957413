import {PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFContext, type PDFObject} from 'pdf-lib'

/**
 * The tag trees of PDFs Chromium printed from the parts of one document, joined into one
 * (join-pdfs.ts): every part's elements under the first part's Document element, the parent tree
 * numbered on from part to part, the element ids kept apart.
 */

const name = {
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  StructParents: PDFName.of('StructParents'),
  StructParent: PDFName.of('StructParent'),
  ParentTree: PDFName.of('ParentTree'),
  ParentTreeNextKey: PDFName.of('ParentTreeNextKey'),
  IDTree: PDFName.of('IDTree'),
  RoleMap: PDFName.of('RoleMap'),
  ClassMap: PDFName.of('ClassMap'),
  Nums: PDFName.of('Nums'),
  Names: PDFName.of('Names'),
  Kids: PDFName.of('Kids'),
  K: PDFName.of('K'),
  P: PDFName.of('P'),
  S: PDFName.of('S'),
  ID: PDFName.of('ID'),
  A: PDFName.of('A'),
  Headers: PDFName.of('Headers'),
  Document: PDFName.of('Document'),
  Div: PDFName.of('Div'),
  Annots: PDFName.of('Annots'),
  Resources: PDFName.of('Resources'),
  XObject: PDFName.of('XObject')
}

/** The joined tag tree so far: its root, the Document element parts' elements go into, the parent tree's entries and the ids. */
export interface StructureRoot {
  ref: PDFRef
  root: PDFDict
  document: PDFRef
  nums: PDFObject[]
  nextKey: number
  ids: Array<[string, PDFObject]>
}

/**
 * Add a part's tag tree (copied, `tree`) to the joined one: its elements go into the first part's
 * Document element, its parent tree's keys are numbered on from the last part's (and its pages,
 * annotations and forms told their new keys), and its element ids get the part's prefix (`p2-`),
 * Chromium's names (`node00001192`) being unique in one document only; finalizePdf names them
 * again in order (structure-ids.ts).
 */
export function joinStructure(context: PDFContext, joinedSoFar: StructureRoot | undefined, tree: PDFRef, pages: readonly PDFDict[], index: number): StructureRoot {
  const root = context.lookup(tree, PDFDict)
  const structure: StructureRoot = joinedSoFar ?? {ref: tree, root, document: documentElement(context, tree, root), nums: [], nextKey: 0, ids: []}
  // The parent tree: old key → new key, in the order of the keys.
  const keys = new Map<number, number>()
  const parentTree = root.get(name.ParentTree)
  for (const [key, value] of flattenTree(context, parentTree, name.Nums)) {
    const number = key instanceof PDFNumber ? key.asNumber() : Number.NaN
    if (!Number.isInteger(number) || keys.has(number)) continue
    keys.set(number, structure.nextKey)
    structure.nums.push(PDFNumber.of(structure.nextKey), value)
    structure.nextKey++
  }
  renumberParents(context, pages, keys)
  const prefix = index === 0 ? '' : `p${index + 1}-`
  for (const [id, element] of flattenTree(context, root.get(name.IDTree), name.Names)) {
    structure.ids.push([prefix + textOf(id), element])
  }
  if (prefix) prefixIds(context, root.get(name.K), prefix)
  for (const map of [name.RoleMap, name.ClassMap]) mergeDict(context, structure.root, map, root.lookupMaybe(map, PDFDict))
  if (joinedSoFar) {
    const into = context.lookup(structure.document, PDFDict)
    const kids = asArray(context, into, name.K)
    for (const kid of elementsUnder(context, root)) {
      if (kid instanceof PDFRef) context.lookupMaybe(kid, PDFDict)?.set(name.P, structure.document)
      kids.push(kid)
    }
    drop(context, [tree, parentTree, root.get(name.IDTree), root.get(name.RoleMap), root.get(name.ClassMap)], [name.Kids])
  } else {
    root.delete(name.ParentTree)
    drop(context, [parentTree, root.get(name.IDTree)], [name.Kids])
    root.delete(name.IDTree)
  }
  return structure
}

/** The root's Document element (the one Chromium writes), or one made to hold what the root held. */
function documentElement(context: PDFContext, tree: PDFRef, root: PDFDict): PDFRef {
  const kid = root.get(name.K)
  if (kid instanceof PDFRef && context.lookupMaybe(kid, PDFDict)?.get(name.S) === name.Document) return kid
  const element = context.register(context.obj({Type: 'StructElem', S: 'Document', P: tree, K: context.obj([])}))
  const kids = context.lookup(element, PDFDict).lookup(name.K, PDFArray)
  for (const held of elementsUnder(context, root)) {
    if (held instanceof PDFRef) context.lookupMaybe(held, PDFDict)?.set(name.P, element)
    kids.push(held)
  }
  root.set(name.K, element)
  return element
}

/**
 * The elements a part's tag tree holds under its Document element (or its root, when it has
 * none). A Document element of a later part, which the joined Document replaces, is dropped;
 * one holding anything but elements is kept, as a Div.
 */
function elementsUnder(context: PDFContext, root: PDFDict): PDFObject[] {
  const top = context.lookup(root.get(name.K))
  const items = top instanceof PDFArray ? top.asArray() : top === undefined ? [] : [root.get(name.K)!]
  if (items.length !== 1 || !(items[0] instanceof PDFRef)) return items
  const element = context.lookupMaybe(items[0], PDFDict)
  if (element?.get(name.S) !== name.Document) return items
  const held = context.lookup(element.get(name.K))
  const kids = held instanceof PDFArray ? held.asArray() : held === undefined ? [] : [element.get(name.K)!]
  if (kids.some((kid) => !(kid instanceof PDFRef) || context.lookupMaybe(kid, PDFDict)?.has(name.S) !== true)) {
    element.set(name.S, name.Div)
    return items
  }
  context.delete(items[0])
  return kids
}

/** Tell a part's pages, their annotations and their forms the parent tree's new keys. */
function renumberParents(context: PDFContext, pages: readonly PDFDict[], keys: ReadonlyMap<number, number>): void {
  const renumber = (holder: PDFDict | undefined, key: PDFName) => {
    const old = holder?.get(key)
    if (!(old instanceof PDFNumber)) return
    const now = keys.get(old.asNumber())
    if (now !== undefined) holder!.set(key, PDFNumber.of(now))
  }
  for (const page of pages) {
    renumber(page, name.StructParents)
    for (const annotation of page.lookupMaybe(name.Annots, PDFArray)?.asArray() ?? []) renumber(context.lookupMaybe(annotation, PDFDict), name.StructParent)
    const forms = page.lookupMaybe(name.Resources, PDFDict)?.lookupMaybe(name.XObject, PDFDict)
    for (const [, form] of forms?.entries() ?? []) {
      const stream = context.lookup(form)
      const dict = stream && 'dict' in stream ? (stream as {dict: PDFDict}).dict : undefined
      renumber(dict, name.StructParents)
      renumber(dict, name.StructParent)
    }
  }
}

/** Prefix every element id of a part's tag tree (its `/ID`, and the `/Headers` of its cells' attributes). */
function prefixIds(context: PDFContext, top: PDFObject | undefined, prefix: string): void {
  const seen = new Set<PDFRef>()
  const stack: Array<PDFObject | undefined> = [top]
  const prefixed = (value: PDFObject | undefined) => (value instanceof PDFString || value instanceof PDFHexString ? PDFString.of(prefix + value.decodeText()) : undefined)
  while (stack.length > 0) {
    let node = stack.pop()
    if (node instanceof PDFRef) {
      if (seen.has(node)) continue
      seen.add(node)
      node = context.lookup(node)
    }
    if (node instanceof PDFArray) stack.push(...node.asArray())
    if (!(node instanceof PDFDict) || !node.has(name.S)) continue
    const id = prefixed(node.get(name.ID))
    if (id) node.set(name.ID, id)
    const attributes = context.lookup(node.get(name.A))
    for (const attribute of attributes instanceof PDFArray ? attributes.asArray().map((item) => context.lookup(item)) : [attributes]) {
      const headers = attribute instanceof PDFDict ? context.lookup(attribute.get(name.Headers)) : undefined
      if (!(headers instanceof PDFArray)) continue
      for (let at = 0; at < headers.size(); at++) {
        const header = prefixed(headers.get(at))
        if (header) headers.set(at, header)
      }
    }
    stack.push(node.get(name.K))
  }
}

/** The key–value pairs of a number tree (`/Nums`) or a name tree (`/Names`), in order, from its root (a reference or a dictionary). */
function flattenTree(context: PDFContext, node: PDFObject | undefined, leaves: PDFName): Array<[PDFObject, PDFObject]> {
  const dict = node === undefined ? undefined : context.lookup(node)
  if (!(dict instanceof PDFDict)) return []
  const pairs: Array<[PDFObject, PDFObject]> = []
  const flat = dict.lookupMaybe(leaves, PDFArray)
  for (let at = 0; flat && at + 1 < flat.size(); at += 2) pairs.push([context.lookup(flat.get(at))!, flat.get(at + 1)])
  for (const kid of dict.lookupMaybe(name.Kids, PDFArray)?.asArray() ?? []) pairs.push(...flattenTree(context, kid, leaves))
  return pairs
}

/** Remove objects the joined document no longer uses (pdf-lib writes every object it holds), with the tree nodes under them (`via`). */
function drop(context: PDFContext, objects: Array<PDFObject | undefined>, via: PDFName[]): void {
  const stack = [...objects]
  while (stack.length > 0) {
    const object = stack.pop()
    if (!(object instanceof PDFRef)) continue
    const dict = context.lookup(object)
    if (dict instanceof PDFDict) for (const key of via) stack.push(...(dict.lookupMaybe(key, PDFArray)?.asArray() ?? []))
    context.delete(object)
  }
}

/** Copy the entries of a part's map (RoleMap, ClassMap) into the joined root's, the first part's winning. */
function mergeDict(context: PDFContext, root: PDFDict, key: PDFName, from: PDFDict | undefined): void {
  if (!from) return
  const into = root.lookupMaybe(key, PDFDict)
  if (!into) {
    root.set(key, from.clone(context))
    return
  }
  if (into === from) return
  for (const [entry, value] of from.entries()) if (!into.has(entry)) into.set(entry, value)
}

/** The array under `key`, made one when the dictionary held a single object there (or nothing). */
function asArray(context: PDFContext, dict: PDFDict, key: PDFName): PDFArray {
  const held = dict.get(key)
  const found = held === undefined ? undefined : context.lookup(held)
  if (found instanceof PDFArray) return found
  const array = context.obj(held === undefined ? [] : [held])
  dict.set(key, array)
  return array
}

function textOf(value: PDFObject): string {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : String(value)
}

/** A name tree's leaf array, its keys in order (ISO 32000-1, 7.9.6). */
function sortedNames(entries: Array<[string, PDFObject]>): PDFObject[] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).flatMap(([key, value]) => [PDFString.of(key), value])
}

/** Write the joined tag tree's parent tree and ID tree, and make it the catalog's. */
export function finishStructure(context: PDFContext, catalog: PDFDict, structure: StructureRoot): void {
  structure.root.set(name.ParentTree, context.register(context.obj({Nums: context.obj(structure.nums)})))
  structure.root.set(name.ParentTreeNextKey, PDFNumber.of(structure.nextKey))
  if (structure.ids.length > 0) structure.root.set(name.IDTree, context.register(context.obj({Names: context.obj(sortedNames(structure.ids))})))
  catalog.set(name.StructTreeRoot, structure.ref)
}
