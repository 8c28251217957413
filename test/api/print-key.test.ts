import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, test} from 'vitest'
import {assetsDigest, printKey, type PrintInputs} from '../../src/api/print-key.js'

const base: PrintInputs = {html: '<p>x</p>', styles: ['a{}', '@page{}'], settings: {boxes: null, metadata: {date: '2026-01-01'}}, install: 'v1', assets: 'd1'}

describe('printKey', () => {
  test('changes with each input the PDF is made from, and only with them', () => {
    const key = printKey(base)
    expect(printKey({...base})).toBe(key)
    for (const changed of [{html: '<p>y</p>'}, {styles: ['a{}', '@page{size:A5}']}, {settings: {boxes: null, metadata: {date: '2027-01-01'}}}, {install: 'v2'}, {assets: 'd2'}, {outputProfile: new Uint8Array([1])}]) {
      expect(printKey({...base, ...changed}), JSON.stringify(Object.keys(changed))).not.toBe(key)
    }
  })

  test('inputs do not run together: the same characters split differently give another key', () => {
    expect(printKey({...base, styles: ['ab', 'c']})).not.toBe(printKey({...base, styles: ['a', 'bc']}))
  })
})

describe('assetsDigest', () => {
  const made: string[] = []
  afterAll(async () => Promise.all(made.map((dir) => rm(dir, {recursive: true, force: true}))))

  test('follows the contents of every file under assets/ but KaTeX’s', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'rapporteur-assets-'))
    made.push(out)
    const assets = path.join(out, 'assets')
    await mkdir(path.join(assets, 'fonts'), {recursive: true})
    await writeFile(path.join(assets, 'fonts', 'serif.woff2'), 'font one')
    const first = await assetsDigest(assets)
    expect(await assetsDigest(assets)).toBe(first)
    await writeFile(path.join(assets, 'fonts', 'serif.woff2'), 'font two')
    const second = await assetsDigest(assets)
    expect(second).not.toBe(first)
    await mkdir(path.join(assets, 'katex', 'fonts'), {recursive: true})
    await writeFile(path.join(assets, 'katex', 'katex.min.css'), '.katex{}')
    expect(await assetsDigest(assets)).toBe(second)
    await writeFile(path.join(assets, 'carte.png'), 'image')
    expect(await assetsDigest(assets)).not.toBe(second)
  })
})
