import type {Anchor, Located, ReportModel} from '../../model/types.js'
import {fragmentId} from '../../model/address.js'
import {linkTargets} from '../../model/link-targets.js'
import {reservedIds} from '../../model/reserved-ids.js'
import {defineRule} from '../rule.js'

export const fragileLink = defineRule({
  id: 'fragile-link',
  severity: 'warning',
  summary: 'A link or `:ref` should not point at a heading’s automatic id numbered after another heading of the same text (`#ce-qui-a-marché-1`).',
  docs: `A heading with no \`{#id}\` gets an id made from its text: \`## Ce qui a marché\` is \`ce-qui-a-marché\`.
A second heading of the same text, in the same chapter or a later one, gets \`ce-qui-a-marché-1\`, the third
\`ce-qui-a-marché-2\`, in the order of the chapters. \`[le rail](#ce-qui-a-marché-1)\` works, until someone adds a
chapter, or a section, with that heading before it: the ids shift by one, and the link, with no error, leads
to another section. So does \`:ref[#ce-qui-a-marché-1]\`. (\`@sec-…\` only names ids written by hand, so it is
never at risk.)

Give the heading an id of its own, which nothing else changes: the message gives the line to write
(\`## Ce qui a marché {#rail-ce-qui-a-marché}\`), at the heading's place, and the link to write then. Writing the
numbered id itself by hand (\`{#ce-qui-a-marché-1}\`) would not do: a heading of that text added before would
take it automatically. A heading whose id is written by hand is never reported, nor one numbered only to keep
clear of an id rapporteur gives (\`## Note 1\` is \`note-1-1\`).`,
  examples: {
    ok: [
      {'chapters/intro.md': '## Ce qui a marché\n\nLa :term[sextorsion] recule [@enquete-2024].\n\n## Ce qui a marché {#rail-ce-qui-a-marché}\n\nLe rail.\n\nVoir [le rail](#rail-ce-qui-a-marché) et [la première](#ce-qui-a-marché).\n'},
      {'chapters/intro.md': '## Note 1\n\nLa :term[sextorsion] recule [@enquete-2024]. Voir :ref[#note-1-1].\n'}
    ],
    notOk: [
      {'chapters/intro.md': '## Ce qui a marché\n\nLa :term[sextorsion] recule [@enquete-2024].\n\n## Ce qui a marché\n\nLe rail.\n\nVoir [le rail](#ce-qui-a-marché-1) et :ref[#ce-qui-a-marché-1].\n'}
    ]
  },
  check({model, report}) {
    // Each use with the id it names, and how it is written, with that id or another.
    const links: Array<Located & {target: string; written: (id: string) => string}> = [
      ...model.refs.map((ref) => ({...ref, written: (id: string) => (ref.node.type === 'crossReference' ? `@${id}` : `:ref[#${id}]`)})),
      ...model.links.filter((link) => link.url.startsWith('#')).map((link) => ({file: link.file, position: link.position, target: fragmentId(link.url), written: (id: string) => `#${id}`})),
      ...(model.config.check.html ? model.html.flatMap((html) => html.facts.filter((fact) => fact.kind === 'fragment-link')).map((fact) => ({file: fact.file, position: fact.position, target: fact.name, written: (id: string) => `#${id}`})) : [])
    ]
    const advice = new Map<string, {line: string; id: string} | undefined>()
    for (const link of links) {
      const anchor = model.anchors.get(link.target)
      const first = anchor && numberedAfter(model, link.target, anchor)
      if (!anchor || !first) continue
      if (!advice.has(link.target)) advice.set(link.target, headingWithId(model, anchor))
      const fix = advice.get(link.target)
      const where = `${anchor.file}:${anchor.position.start.line}`
      const then = fix ? `; write \`${fix.line}\` at ${where}, and \`${link.written(fix.id)}\` here` : `; give the heading at ${where} an \`{#id}\` of its own, and name it here`
      report(link, `Unexpected link \`${link.written(link.target)}\` to the automatic id of the heading “${anchor.label}”, numbered because ${first.file}:${first.position.start.line} has a heading of the same text, expected an id written on the heading: a heading of that text added before it would take \`${link.target}\`, and the link would lead there${then}`, {related: {file: first.file, place: first.position, message: 'a heading of the same text'}})
    }
  }
})

/**
 * The first heading before this one whose automatic id was made from the same text, when this
 * one's id got a `-N` suffix: `what-has-worked-1` after `what-has-worked`. Not for a suffix that keeps
 * clear of an id rapporteur gives (`## Note 1` is `note-1-1`), which only such a heading would shift.
 */
function numberedAfter(model: ReportModel, id: string, anchor: Anchor): Anchor | undefined {
  if (anchor.slug === undefined || anchor.slug === id) return undefined
  for (const [other, before] of model.anchors) {
    if (other === id) return undefined
    if (before.kind === 'section' && before.slug === anchor.slug) return before
  }
  return undefined
}

/**
 * The heading's line as written with an id of its own (`## What has worked {#rail-what-has-worked}`):
 * the chapter's id before the heading's, unless that is taken. Undefined when its line cannot be read.
 */
function headingWithId(model: ReportModel, anchor: Anchor): {line: string; id: string} | undefined {
  const text = model.files.get(anchor.file)?.value
  const line = text === undefined ? undefined : String(text).split(/\r?\n/u)[anchor.position.start.line - 1]?.trimEnd()
  if (line === undefined || !/^#{1,6}\s/u.test(line)) return undefined
  const taken = new Set(linkTargets(model).map((target) => target.id))
  const reserved = reservedIds(model)
  const slug = anchor.slug!
  const base = slug.startsWith(`${anchor.document}-`) ? slug : `${anchor.document}-${slug}`
  let id = base
  for (let count = 2; taken.has(id) || reserved.owner(id) !== undefined; count++) id = `${base}-${count}`
  // `## Title {.unnumbered}`: the id goes into the attributes already there.
  const attributes = /\{([^{}]*)\}$/u.exec(line)
  return {id, line: attributes ? `${line.slice(0, attributes.index)}{#${id} ${attributes[1]!.trim()}}` : `${line} {#${id}}`}
}
