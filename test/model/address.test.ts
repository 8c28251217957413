import {describe, expect, test} from 'vitest'
import {fragmentId, isLocalAddress, isWebAddress} from '../../src/model/address.js'
import {ruleFindings} from '../helpers/rule-findings.js'

/** What an address names: a file of this computer, a place on the web, or a place in the report. */
test('a relative or rooted path, a file: URL and a Windows path are local; the web, mail, #ids and // are not', () => {
  const local = ['annexe.pdf', './annexe.pdf', '../données/tableau.xlsx', '/docs/note.pdf', 'file:///home/moi/note.pdf', 'FILE:///x', 'C:\\Users\\moi\\x.docx', 'c:/x.pdf', 'annexe.pdf#page=2', ' annexe.pdf ']
  const notLocal = ['https://example.org/x.pdf', 'http://a.b', 'mailto:contact@example.org', 'tel:+33100000000', '#introduction', '//cdn.example.org/x', '', '  ', 'urn:isbn:978-2-00', 'doi:10.1000/x']
  expect(local.filter((url) => !isLocalAddress(url))).toEqual([])
  expect(notLocal.filter((url) => isLocalAddress(url))).toEqual([])
})

describe('addresses', () => {
  test('on the web: a scheme other than file: and data:, or //host', () => {
    for (const url of ['https://example.org/a.png', 'HTTP://example.org', 'ftp://x', '//cdn.example.org/a.css']) expect(isWebAddress(url), url).toBe(true)
    for (const url of ['carte.png', '../img/carte.png', '/img/carte.png', 'C:/Users/moi/carte.png', 'C:\\Users\\moi\\carte.png', 'file:///C:/carte.png', 'data:image/png;base64,AA', '#id', '']) expect(isWebAddress(url), url).toBe(false)
  })

  test('a fragment, decoded', () => {
    expect(fragmentId('#m%C3%A9thode')).toBe('méthode')
    expect(fragmentId('#100%')).toBe('100%')
  })
})

describe('images named by an address that is not a file of the report', () => {
  const findings = ruleFindings('missing-image')
  test('a file: address is refused, a Windows path looked for in the report, a web one reported as such', async () => {
    expect(await findings({'chapters/intro.md': '# Introduction\n\nUn constat [@enquete-2024] sur la :term[sextorsion].\n\n![Carte](file:///C:/Users/moi/carte.png)\n\n![Carte](C:/Users/moi/carte.png)\n\n![Carte](https://example.org/carte.png)\n'})).toEqual([
      'chapters/intro.md:5:1 Cannot use the image: `file:///C:/Users/moi/carte.png` (a `file:` address of this computer), expected a file inside the report folder',
      'chapters/intro.md:7:1 Unexpected missing image `C:/Users/moi/carte.png`, expected a file at `chapters/C:/Users/moi/carte.png` or `C:/Users/moi/carte.png`',
      'chapters/intro.md:9:1 Unexpected image on the web `https://example.org/carte.png`, expected a file in the report folder (the PDF is printed without a network)'
    ])
  })
})
