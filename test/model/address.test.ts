import {expect, test} from 'vitest'
import {isLocalAddress} from '../../src/model/address.js'

test('a relative or rooted path, a file: URL and a Windows path are local; the web, mail, #ids and // are not', () => {
  const local = ['annexe.pdf', './annexe.pdf', '../données/tableau.xlsx', '/docs/note.pdf', 'file:///home/moi/note.pdf', 'FILE:///x', 'C:\\Users\\moi\\x.docx', 'c:/x.pdf', 'annexe.pdf#page=2', ' annexe.pdf ']
  const notLocal = ['https://example.org/x.pdf', 'http://a.b', 'mailto:contact@example.org', 'tel:+33100000000', '#introduction', '//cdn.example.org/x', '', '  ', 'urn:isbn:978-2-00', 'doi:10.1000/x']
  expect(local.filter((url) => !isLocalAddress(url))).toEqual([])
  expect(notLocal.filter((url) => isLocalAddress(url))).toEqual([])
})
