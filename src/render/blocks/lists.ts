import type {Element} from 'hast'
import {h} from 'hastscript'
import type {LeafDirective} from 'mdast-util-directive'
import {hrefFor, type RenderContext} from '../context.js'
import {headingBelow} from '../heading-levels.js'
import {renderStat} from './boxes.js'
import {withLanguage} from './language.js'

/**
 * Leaf directives that pull from the model: recommendations, key figures, glossary, bibliography,
 * toc. `level`: the level of the heading the directive stands under.
 */
export function renderLeafDirective(node: LeafDirective, context: RenderContext, level?: number): Element | undefined {
  switch (node.name) {
    case 'recommendations':
      return recommendationList(context, node.attributes?.axis ?? undefined, level)
    case 'keyfigures':
      return h('div.rp-keyfigures', context.model.stats.filter((stat) => stat.key).map((stat) => {
        context.citations.cite(stat.source)
        return withLanguage(renderStat({...context}, stat.node), stat.node)
      }).map((figure) => ({...figure, properties: {...figure.properties, id: `key-${String(figure.properties.id)}`}})))
    case 'glossary':
      return glossary(context)
    case 'bibliography':
    case 'toc':
      // Filled once the whole edition is rendered (the bibliography lists what was cited); the id
      // of a `::: {#refs}` read as `::bibliography` goes on the bibliography.
      return h('div', {dataRpPlaceholder: node.name, id: typeof node.data?.hProperties?.id === 'string' ? node.data.hProperties.id : undefined})
    default:
      return undefined
  }
}

/**
 * Recommendations grouped by axis, each numbered and linked to its full text; each axis titled one
 * level below `level`. An axis with no recommendation is left out, not printed as a heading over an
 * empty list (the rule `empty-axis` reports it).
 */
function recommendationList(context: RenderContext, onlyAxis: string | undefined, level: number | undefined): Element {
  const axes = context.model.config.axes
    .filter((axis) => !onlyAxis || axis.id === onlyAxis)
    .map((axis) => ({axis, items: context.model.recommendations.filter((item) => item.axis === axis.id && item.number > 0)}))
    .filter(({items}) => items.length > 0)
  return h(
    'div.rp-recommendations',
    axes.map(({axis, items}) => {
      return h('section.rp-axis', {dataAxis: axis.id, ariaLabelledby: `axis-${axis.id}-${context.edition}`}, [
        h(`${headingBelow(level)}.rp-axis__title`, {id: `axis-${axis.id}-${context.edition}`}, axis.label),
        h(
          'ol.rp-recommendations__list',
          items.map((item) =>
            withLanguage(h('li', {value: item.number}, [
              h('a.rp-recommendations__link', {href: hrefFor(context, item.id)}, [h('span.rp-recommendation__number', `R${item.number}`), ` ${item.title ?? item.id}`]),
              ...(item.actors ? [h('span.rp-recommendation__actors', ` — ${item.actors}`)] : [])
            ]), item.node)
          )
        )
      ])
    })
  )
}

function glossary(context: RenderContext): Element {
  const entries = [...context.model.glossary].sort((a, b) => a.value.term.localeCompare(b.value.term, context.model.config.lang))
  return h('div.rp-glossary', [
    h(
      'dl',
      entries.flatMap((entry) => [
        h('dt', {id: `term-${entry.value.id}`}, entry.value.term),
        h('dd', [
          entry.value.definition,
          // "Voir aussi" in words: an arrow glyph is missing from many text fonts and reads badly aloud.
          ...(entry.value.see.length > 0 ? [h('span.rp-glossary__see', [` ${context.labels.seeAlso} `, ...entry.value.see.flatMap((id, index) => [index > 0 ? ', ' : '', h('a', {href: `#term-${id}`}, context.model.glossary.find((other) => other.value.id === id)?.value.term ?? id)])])] : [])
        ])
      ])
    )
  ])
}
