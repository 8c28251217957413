import {describe, expect, test} from 'vitest'
import {citationCacheWanted, hyphenationCacheWanted, layoutCacheWanted, treeCacheWanted} from '../../src/cli/cache-setting.js'

/**
 * The CLI's caches are on unless their variable turns them off (docs/building.md); a value it does
 * not take leaves the cache on and is said on stderr, so that a misspelt `of` is not silent.
 */
describe.each([
  ['RAPPORTEUR_TREE_CACHE', treeCacheWanted, 'tree cache'],
  ['RAPPORTEUR_CITATION_CACHE', citationCacheWanted, 'citation cache'],
  ['RAPPORTEUR_HYPHENATION_CACHE', hyphenationCacheWanted, 'hyphenation cache'],
  ['RAPPORTEUR_LAYOUT_CACHE', layoutCacheWanted, 'layout cache']
] as const)('%s', (variable, wanted, what) => {
  const ask = (value: string | undefined) => {
    let said = ''
    const on = wanted({env: value === undefined ? {} : {[variable]: value}, stderr: (text) => (said += text)})
    return {on, said}
  }

  test('on when unset or on, off when off, 0, false or no', () => {
    for (const value of [undefined, 'on', '1', 'true', 'YES', '']) expect(ask(value)).toEqual({on: true, said: ''})
    for (const value of ['off', '0', 'false', 'no', ' Off ']) expect(ask(value)).toEqual({on: false, said: ''})
  })

  test('a value it does not take: on, and said with the values it takes', () => {
    const {on, said} = ask('of')
    expect(on).toBe(true)
    expect(said).toBe(`rapporteur: ${variable}="of" is not understood, so the ${what} stays on; set it to \`off\` (or \`on\`).\n`)
  })
})
