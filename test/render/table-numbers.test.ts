import {h} from 'hastscript'
import {toHtml} from 'hast-util-to-html'
import {describe, expect, test} from 'vitest'
import {keepNumbersWhole} from '../../src/render/blocks/table-numbers.js'

describe('keepNumbersWhole', () => {
  test('each number of a cell in a span.rp-num: thousands by comma, point or space, signs, percentages, years', () => {
    const table = h('table', [
      h('thead', [h('tr', [h('th', 'Région'), h('th', '2020')])]),
      h('tbody', [
        h('tr', [h('td', 'North East'), h('td', '1,234,567 et −1,334,567')]),
        h('tr', [h('td', 'Belgique'), h('td', '123 456 puis 12\u202F345,6 et 23,4\u00A0%')]),
        h('tr', [h('td', [h('code', '2024-449')]), h('td', 'art. 5 du code')])
      ])
    ])
    keepNumbersWhole(table)
    expect(toHtml(table)).toBe(
      '<table><thead><tr><th>Région</th><th><span class="rp-num">2020</span></th></tr></thead><tbody>' +
        '<tr><td>North East</td><td><span class="rp-num">1,234,567</span> et <span class="rp-num">−1,334,567</span></td></tr>' +
        '<tr><td>Belgique</td><td><span class="rp-num">123 456</span> puis <span class="rp-num">12\u202F345,6</span> et <span class="rp-num">23,4\u00A0%</span></td></tr>' +
        '<tr><td><code>2024-449</code></td><td>art. 5 du code</td></tr></tbody></table>'
    )
  })
})
