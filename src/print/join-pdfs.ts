import {PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFObjectCopier, PDFRef, PDFString, ParseSpeeds, type PDFContext, type PDFObject} from 'pdf-lib'
import {CROSS_PART_LINK} from './cross-part-link.js'
import {SubsetTags} from './font-subset-tags.js'
import {finishStructure, joinStructure, type StructureRoot} from './join-structure.js'
import {isMarked, markArtifacts, noteMarked} from './artifacts.js'

export {CROSS_PART_LINK}

/** A place in the joined document: its page (from 0) and a point in PDF units from the page's bottom left. */
export interface Destination {
  page: number
  x: number
  y: number
}

export interface JoinOptions {
  /**
   * Destinations of the cross-part links' targets that no part names: Chromium names only the
   * targets its own document links to, so a part that is only linked from others names none.
   */
  destinations?: ReadonlyMap<string, Destination>
}

export interface JoinedPdf {
  document: PDFDocument
  /** Ids of cross-part links whose target was found neither among the parts' destinations nor in `destinations`. */
  unresolved: string[]
}

const name = {
  Type: PDFName.of('Type'),
  Pages: PDFName.of('Pages'),
  Parent: PDFName.of('Parent'),
  Kids: PDFName.of('Kids'),
  Count: PDFName.of('Count'),
  StructTreeRoot: PDFName.of('StructTreeRoot'),
  Outlines: PDFName.of('Outlines'),
  First: PDFName.of('First'),
  Last: PDFName.of('Last'),
  Next: PDFName.of('Next'),
  Prev: PDFName.of('Prev'),
  Dests: PDFName.of('Dests'),
  Annots: PDFName.of('Annots'),
  A: PDFName.of('A'),
  URI: PDFName.of('URI'),
  Dest: PDFName.of('Dest'),
  XYZ: PDFName.of('XYZ')
}

/** The catalog entries the join makes from every part; any other is taken from the first part. */
const joined = new Set([name.Type, name.Pages, name.StructTreeRoot, name.Outlines, name.Dests])

/**
 * Join PDFs Chromium printed from the parts of one document, in order, into one tagged PDF, as if
 * it had printed the whole: one flat page tree, the tag tree (one Document element holding every
 * part's elements, the parent tree numbered again, the element ids kept apart: join-structure.ts), the outline (each part's entries after the last part's), the named
 * destinations, and the links between parts (CROSS_PART_LINK) made internal. The fonts stay as
 * each part embedded them (a subset of the glyphs it uses), each subset under a name of its own
 * (font-subset-tags.ts), and their loose page furniture marked as artifacts (readPart). Each part
 * is its PDF's bytes or the document readPart made of them, which the join changes (each is joined
 * once). Pure: parts in, a document out, for finalizePdf to finish.
 */
export async function joinPdfs(parts: ReadonlyArray<Uint8Array | Promise<PDFDocument>>, options: JoinOptions = {}): Promise<JoinedPdf> {
  const document = await PDFDocument.create({updateMetadata: false})
  const {context, catalog} = document
  const rootRef = catalog.get(name.Pages) as PDFRef
  const pageRefs: PDFRef[] = []
  let structure: StructureRoot | undefined
  let outline: PDFRef | undefined
  let dests: PDFRef | undefined
  const tags = new SubsetTags()
  let everyPartMarked = true

  for (const [index, given] of parts.entries()) {
    const part = await (given instanceof Uint8Array ? readPart(given) : given)
    everyPartMarked &&= isMarked(part)
    tags.retag(part.context)
    // One copier a part: every object it reaches is copied once, and references between them
    // (a tag's page, an outline entry's destination) point at the copies.
    const copier = PDFObjectCopier.for(part.context, context)
    const copy = (value: PDFObject) => indirect(context, copier.copy(value))
    const from = part.catalog
    const pages = flattenPageTree(context, copy(from.get(name.Pages)!), rootRef)
    pageRefs.push(...pages.map(([ref]) => ref))
    if (index === 0) {
      for (const [key, value] of from.entries()) if (!joined.has(key)) catalog.set(key, copier.copy(value))
    }
    const tree = from.get(name.StructTreeRoot)
    if (tree) structure = joinStructure(context, structure, copy(tree), pages.map(([, page]) => page), index)
    const entries = from.get(name.Outlines)
    if (entries) outline = joinOutline(context, outline, copy(entries))
    const named = from.get(name.Dests)
    if (named) dests = joinDests(context, dests, copy(named))
  }

  // One flat page tree, as Chromium writes it (pdf-lib reads nested trees only of its own making).
  const root = context.lookup(rootRef, PDFDict)
  root.set(name.Kids, context.obj(pageRefs))
  root.set(name.Count, PDFNumber.of(pageRefs.length))
  if (structure) finishStructure(context, catalog, structure)
  if (outline) catalog.set(name.Outlines, outline)
  if (dests) catalog.set(name.Dests, dests)
  const unresolved = resolveCrossPartLinks(document, options.destinations ?? new Map())
  if (everyPartMarked) noteMarked(document)
  return {document, unresolved}
}

/**
 * A part's PDF as the join takes it: read, its untagged page furniture marked as artifacts
 * (artifacts.ts; page by page, so as well in each part as in the joined document). Apart from
 * joinPdfs so that a build can read the parts an earlier build printed while the browser lays out
 * the others (print-parts.ts), where this process would otherwise wait: reading them was most of
 * the join's ~0.45 s after a 100-page rebuild's last print (bench/README.md, point 65).
 */
export async function readPart(bytes: Uint8Array): Promise<PDFDocument> {
  const part = await PDFDocument.load(bytes, {updateMetadata: false, parseSpeed: ParseSpeeds.Fastest})
  if (part.catalog.has(name.StructTreeRoot)) markArtifacts(part)
  return part
}

/** An object as a reference: registered when it was a direct one. */
function indirect(context: PDFContext, object: PDFObject): PDFRef {
  return object instanceof PDFRef ? object : context.register(object)
}

/**
 * The pages of a copied page tree, in order, each made a child of `root` (the copier leaves pages
 * without a parent); the tree's own nodes are dropped.
 */
function flattenPageTree(context: PDFContext, tree: PDFRef, root: PDFRef): Array<[PDFRef, PDFDict]> {
  const pages: Array<[PDFRef, PDFDict]> = []
  const visit = (ref: PDFRef): void => {
    const node = context.lookup(ref, PDFDict)
    const kids = node.lookupMaybe(name.Kids, PDFArray)
    if (!kids) {
      node.set(name.Parent, root)
      pages.push([ref, node])
      return
    }
    for (const kid of kids.asArray()) if (kid instanceof PDFRef) visit(kid)
    context.delete(ref)
  }
  visit(tree)
  return pages
}

/** Put a part's outline entries (its copied outline root, `entries`) after those so far (the first part's root, `soFar`). */
function joinOutline(context: PDFContext, soFar: PDFRef | undefined, entries: PDFRef): PDFRef {
  if (!soFar) return entries
  const into = context.lookup(soFar, PDFDict)
  const root = context.lookup(entries, PDFDict)
  const first = root.get(name.First)
  const last = root.get(name.Last)
  if (first instanceof PDFRef && last instanceof PDFRef) {
    for (let item: PDFRef | undefined = first; item; ) {
      const entry: PDFDict = context.lookup(item, PDFDict)
      entry.set(name.Parent, soFar)
      const next = entry.get(name.Next)
      item = next instanceof PDFRef ? next : undefined
    }
    const before = into.get(name.Last)
    if (before instanceof PDFRef) {
      context.lookup(before, PDFDict).set(name.Next, first)
      context.lookup(first, PDFDict).set(name.Prev, before)
    } else into.set(name.First, first)
    into.set(name.Last, last)
    into.set(name.Count, PDFNumber.of(openCount(into) + openCount(root)))
  }
  context.delete(entries)
  return soFar
}

/** The entries an outline root shows (`/Count`; negative on a closed entry, never on a root). */
function openCount(root: PDFDict): number {
  const count = root.get(name.Count)
  return count instanceof PDFNumber ? Math.abs(count.asNumber()) : 0
}

/** Add a part's named destinations (its copied Dests dictionary, `named`) to those so far. */
function joinDests(context: PDFContext, soFar: PDFRef | undefined, named: PDFRef): PDFRef {
  if (!soFar) return named
  const into = context.lookup(soFar, PDFDict)
  for (const [key, value] of context.lookup(named, PDFDict).entries()) if (!into.has(key)) into.set(key, value)
  context.delete(named)
  return soFar
}

/**
 * Point each cross-part link (a URI action on CROSS_PART_LINK) at its target's named destination,
 * made from `destinations` when no part names it; the ids found in neither, whose links are left
 * without an action (a link annotation that goes nowhere).
 */
function resolveCrossPartLinks(document: PDFDocument, destinations: ReadonlyMap<string, Destination>): string[] {
  const {context, catalog} = document
  const unresolved: string[] = []
  const pages = document.getPages()
  for (const page of pages) {
    for (const item of page.node.lookupMaybe(name.Annots, PDFArray)?.asArray() ?? []) {
      const annotation = context.lookupMaybe(item, PDFDict)
      const uri = annotation?.lookupMaybe(name.A, PDFDict)?.lookup(name.URI)
      const url = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined
      if (!annotation || !url?.startsWith(CROSS_PART_LINK)) continue
      const id = decoded(url.slice(CROSS_PART_LINK.length))
      // Named as Chromium names them: the id's UTF-8 bytes (link-contents.ts reads them back).
      const key = PDFName.of(Buffer.from(id, 'utf8').toString('latin1'))
      let named = catalog.lookupMaybe(name.Dests, PDFDict)
      if (!named?.has(key)) {
        const place = destinations.get(id)
        const target = place === undefined ? undefined : pages[place.page]
        if (!target) {
          // Pointing nowhere rather than at an address no reader can open; the caller reports it.
          annotation.delete(name.A)
          unresolved.push(id)
          continue
        }
        if (!named) {
          named = context.obj({})
          catalog.set(name.Dests, context.register(named))
        }
        named.set(key, context.obj([target.ref, name.XYZ, PDFNumber.of(place!.x), PDFNumber.of(place!.y), PDFNumber.of(0)]))
      }
      annotation.delete(name.A)
      annotation.set(name.Dest, key)
    }
  }
  return unresolved
}

/** A percent-encoded id as written (print-parts.ts encodes it); as it stands when it is not well formed. */
function decoded(encoded: string): string {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return encoded
  }
}
