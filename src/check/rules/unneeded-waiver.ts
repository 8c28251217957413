import type {Position} from 'unist'
import {defineRule} from '../rule.js'

const within = (inner: Position, outer: Position) => (inner.start.offset ?? 0) >= (outer.start.offset ?? 0) && (inner.end.offset ?? 0) <= (outer.end.offset ?? 0)

export const unneededWaiver = defineRule({
  id: 'unneeded-waiver',
  severity: 'warning',
  summary: 'A `:waive[…]` that holds no figure waives nothing: say so, before it is taken for a reviewed exception.',
  docs: `\`:waive[…]{reason="…"}\` marks a figure that needs no source (an example, a figure of the report's
own survey): \`check --list-waivers\`, the export and the audit page list it with its reason. Wrapped
around text with no figure in it (\`:waive[Rien ici]{reason="…"}\`, or a figure moved out of it since),
it waives nothing, and still reads as a reviewed exception in those lists. Such a waiver is reported
at its place: remove it, or put the figure inside it. A waiver without its \`reason\` is a \`schema\`
error, and waives nothing either: its figure is checked as if it were not there.`,
  examples: {
    ok: [{'chapters/intro.md': 'Un constat sur la :term[sextorsion] [@enquete-2024]. :waive[Sur 10 élèves]{reason="exemple fictif"}, aucun ne le sait.\n'}],
    notOk: [{'chapters/intro.md': 'Un constat sur la :term[sextorsion] [@enquete-2024]. :waive[Rien ici]{reason="test"} ne compte.\n'}]
  },
  check({model, report}) {
    for (const waiver of model.waivers) {
      // Without its reason it is `schema`'s finding, and waives nothing by design.
      if (!waiver.reason) continue
      const holds = model.figures.some((figure) => figure.file === waiver.file && figure.status === 'waived' && within(figure.position, waiver.position))
      if (!holds) report(waiver, `Unexpected waiver \`:waive[${waiver.text}]\` around no figure, expected a figure inside it: it waives nothing, yet it is listed as an exception (\`--list-waivers\`, the export, the audit page)`)
    }
  }
})
