/**
 * Run in the page before the handlers (handlers.ts): `window.rapporteurFitTable(clone, source)`,
 * called when Paged.js puts a table on a page (the `renderNode` hook, before its rows follow).
 * Plain JavaScript source, like handlers.ts.
 *
 * A table wider than the text unless its words break (a dozen columns of figures) is first set in
 * smaller type, step by step (`rp-table-fit-1` to `-3`, print-core.css), until its words and
 * numbers fit whole: a copy of the whole table is measured where the table goes, its cells'
 * words unbroken (`rp-measure-unbroken`), then removed, so the layout goes on as if it had not been
 * there. A table that fits, in its own type or a smaller one, is `rp-table-whole`: its words do
 * not break. The classes are given to the source's table too, so that the rest of a table split
 * across pages is set alike. When even the smallest type does not fit, the smallest is kept, its
 * words break (never its numbers), and the preflight reports it (preflight-wide-table).
 */
export const fitTablesScript = String.raw`(() => {
  const STEPS = ['rp-table-fit-1', 'rp-table-fit-2', 'rp-table-fit-3']
  window.rapporteurFitTable = (clone, source) => {
    if (!source || source.dataset.rpFitted !== undefined || !clone.parentElement) return
    source.dataset.rpFitted = ''
    const probe = source.cloneNode(true)
    // Not a content element for Paged.js while it is measured.
    for (const element of [probe, ...probe.querySelectorAll('[data-ref]')]) element.removeAttribute('data-ref')
    probe.classList.add('rp-measure-unbroken')
    probe.style.visibility = 'hidden'
    clone.parentElement.insertBefore(probe, clone)
    const available = clone.parentElement.getBoundingClientRect().width
    const fits = () => probe.getBoundingClientRect().width <= available + 1
    let chosen = null
    if (!fits()) {
      for (const step of STEPS) {
        if (chosen) probe.classList.remove(chosen)
        chosen = step
        probe.classList.add(step)
        if (fits()) break
      }
    }
    // Fitting whole, its words break only where they are hyphenated: with print-core.css's
    // break-anywhere, the columns would be shared out as if every word could break, and a short
    // one (\`MNA\`, \`Année\`) would be cut in a narrow column of a table that has the room.
    const classes = [...(chosen ? [chosen] : []), ...(fits() ? ['rp-table-whole'] : [])]
    probe.remove()
    source.classList.add(...classes)
    clone.classList.add(...classes)
  }
})();
`
