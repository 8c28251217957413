import {describe, expect, test} from 'vitest'
import {operators, wrapLooseContent} from '../../src/print/artifacts.js'

describe('wrapLooseContent', () => {
  test('wraps a text object outside marked content, with the operands before BT', () => {
    const result = wrapLooseContent('q 1 0 0 1 0 0 cm BT /F1 9 Tf (12) Tj ET Q')
    expect(result.text).toBe('q 1 0 0 1 0 0 cm /Artifact BMC\nBT /F1 9 Tf (12) Tj ET\nEMC Q')
    expect(result.wrapped).toBe(1)
  })

  test('leaves tagged content as it is, and a text object holding tagged content', () => {
    const tagged = '/P <</MCID 0>> BDC BT (Un paragraphe) Tj ET EMC BT /P <</MCID 1>> BDC (Suite) Tj EMC ET'
    expect(wrapLooseContent(tagged)).toEqual({text: tagged, depth: 0, wrapped: 0})
  })

  test('wraps a painted path from its first point, an image and a shading; not a clipping path', () => {
    const result = wrapLooseContent('0.5 g 10 10 m 20 20 l S 0 0 100 50 re f /Im1 Do /Sh1 sh 0 0 5 5 re W n')
    expect(result.text).toBe('0.5 g /Artifact BMC\n10 10 m 20 20 l S\nEMC /Artifact BMC\n0 0 100 50 re f\nEMC /Artifact BMC\n/Im1 Do\nEMC /Artifact BMC\n/Sh1 sh\nEMC 0 0 5 5 re W n')
    expect(result.wrapped).toBe(4)
  })

  test('brackets, escapes and dictionary ends inside strings are not operators', () => {
    const text = '/Span <</ActualText (a >> b \\) c (d) BDC)>> BDC BT (x ET \\( y) Tj ET EMC BT <48 45> Tj ET'
    const result = wrapLooseContent(text)
    // The Span's text object stays inside it; the hex-string one after it is loose.
    expect(result.text).toBe('/Span <</ActualText (a >> b \\) c (d) BDC)>> BDC BT (x ET \\( y) Tj ET EMC /Artifact BMC\nBT <48 45> Tj ET\nEMC')
    expect(result.depth).toBe(0)
  })

  test('carries the marked-content depth from one stream of a page to the next', () => {
    const first = wrapLooseContent('/P <</MCID 0>> BDC BT (début) Tj ET')
    expect(first).toMatchObject({depth: 1, wrapped: 0})
    expect(wrapLooseContent('BT (fin) Tj ET EMC BT (3) Tj ET', first.depth).text).toBe('BT (fin) Tj ET EMC /Artifact BMC\nBT (3) Tj ET\nEMC')
  })
})

describe('operators', () => {
  test('lists each operator with where its operands begin; numbers, names, keywords and arrays are operands', () => {
    const text = '-.5 +2 3. /Name true [1 (a) <0A>] TJ %comment\nq'
    expect(operators(text)).toEqual([
      {op: 'TJ', operands: 0, end: text.indexOf('TJ') + 2},
      {op: 'q', operands: text.length - 1, end: text.length}
    ])
  })
})
