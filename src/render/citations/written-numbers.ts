import type {CslItem} from '../../model/schemas/csl.js'
import {escapeHtml} from '../escape-html.js'

/**
 * A law's number as written (`L.R.C. 1985, ch. C-46`, `c. 26`, `[2020] UKSC 1`). citeproc-js reads
 * every `number` as numbers and labels: `ch.` became the locale's `chap.`, and `C-46` a range
 * printed with the locale's range delimiter (French's non-breaking hyphen, U+2011, which a search
 * of the PDF for `C-46` does not find). The number of a law, bill, case, treaty or regulation that
 * is not a number alone is handed to citeproc-js as a private-use token, which no style changes,
 * and put back as written in the HTML citeproc-js returns. A number alone (`1680`) is left to the
 * style, which may label it (`no. 1680`).
 */
const legalTypes: ReadonlySet<string> = new Set(['legislation', 'bill', 'legal_case', 'treaty', 'regulation'])

/** The numbers as written, by token: the same text always gets the same token (the citation store keys on what citeproc-js reads). */
const written: string[] = []
const tokens = new Map<string, string>()

const TOKEN = /\uE002(\d+)\uE003/gu

/** The item with its law's number as a token, when it is one that citeproc-js would read as numbers and labels. */
export function numberAsWritten(item: CslItem): CslItem {
  const number = item.number === undefined ? undefined : String(item.number)
  if (!legalTypes.has(String(item.type)) || number === undefined || /^\s*\d+\s*$/u.test(number)) return item
  let token = tokens.get(number)
  if (!token) {
    written.push(number)
    token = `\uE002${written.length - 1}\uE003`
    tokens.set(number, token)
  }
  return {...item, number: token}
}

/** citeproc-js's HTML with each law's number put back as written. */
export function restoreWrittenNumbers(html: string): string {
  return html.includes('\uE002') ? html.replace(TOKEN, (token, index: string) => (written[Number(index)] === undefined ? token : escapeHtml(written[Number(index)]!))) : html
}
