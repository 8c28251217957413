import {describe, expect, test} from 'vitest'
import {HOLD_ID, holdLayout} from '../../src/print/hold-layout.js'

describe('holdLayout', () => {
  test('hides the body with a stylesheet Paged.js leaves alone, put at the end of the head', () => {
    const held = holdLayout('<!doctype html><html><head><title>T</title><link rel="stylesheet" href="a.css"></HEAD><body><p>x</p></body></html>')
    expect(held).toBe(`<!doctype html><html><head><title>T</title><link rel="stylesheet" href="a.css"><style id="${HOLD_ID}" data-pagedjs-ignore>body{display:none!important}</style></HEAD><body><p>x</p></body></html>`)
  })

  test('leaves a document without a head end as it is (laid out at load, as before)', () => {
    expect(holdLayout('<p>no head</p>')).toBe('<p>no head</p>')
  })
})
