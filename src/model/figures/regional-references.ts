/**
 * References and service numbers of French-speaking Switzerland, Belgium and Québec that hold
 * digits but no quantity, as spans for `spans.ts` (found before the number scanner, like a URL).
 * Each is written in a fixed form whose words say what it is, so that a figure beside one (`la
 * motion 24.3456 demande 3 millions`) is still read.
 */
export const regionalReferencePatterns: ReadonlyArray<[string, RegExp]> = [
  // Swiss federal court decisions: `ATF 143 IV 21`, `BGE 140 III 115 E. 2`, `ATF 143 IV 21 consid. 3.2`
  // (volume, part in Roman numerals, page, and the consideration cited).
  ['legal reference', /\b(?:ATF|BGE|DTF)\p{Zs}+\d{1,3}\p{Zs}+(?:Ia|Ib|I{1,3}|IV|V)\p{Zs}+\d{1,4}(?:\p{Zs}*,?\p{Zs}*(?:consid\.|E\.)\p{Zs}*\d+(?:\.\d+)*)?/gu],
  // Swiss parliamentary business numbers, year then a number: `la motion 24.3456`, `le postulat
  // 21.3969`, `l'initiative parlementaire 22.403`, `Mo. 24.3456`; after the word that names them,
  // since `24.3456` alone is a decimal number.
  ['legal reference', /(?<=\b(?:motions?|postulats?|interpellations?|initiatives? parlementaires?|objets?|questions?|Mo\.|Po\.|Ip\.|Iv\.\p{Zs}?pa\.)\p{Zs}+(?:n[o°]\p{Zs}*)?)\d{2}\.\d{3,4}(?![\d.,]\d)/giu],
  // The Swiss Classified Compilation's numbers: `RS 311.0`, `RS 311.039.1`, `SR 0.107`.
  ['legal reference', /\b(?:RS|SR)\p{Zs}+\d{1,3}(?:\.\d+)+/gu],
  // Canadian neutral citations, year, court, number: `2023 QCCA 123`, `2001 CSC 2`, `2019 SCC 5`.
  ['legal reference', /\b(?:19|20)\d{2}\p{Zs}+(?:(?:QC|ON|BC|AB|MB|SK|NS|NB|NL|PE|YK|NU|NT|NW)[A-Z]{1,6}|CSC|SCC|CAF|FCA|CF|FC|CCI|TCC|CACM|CMAC)\p{Zs}+\d{1,6}\b/gu],
  // Québec's anonymised family and youth cases, named by a number: `Droit de la famille — 231234`.
  ['legal reference', /\b(?:Droit de la famille|Protection de la jeunesse|Adoption)\p{Zs}*[—–-]\p{Zs}*\d{4,7}\b/gu],
  // Europe's harmonised helplines, 116 then three digits (`au 116 000`, `le 116 111`, `on 116 123`,
  // `the helpline 116 000`), after an article, a verb of calling or the word for a line; never before a plural noun or a unit (`le 116 000 enfants`).
  ['phone', /(?<=\b(?:le|au|du|the|on|call|dial|ring|phone|helpline|line|number|numéro|ligne|appeler|appelez|composez|composer|joindre|contacter)\p{Zs}+)116\p{Zs}?\d{3}(?![\d,.]\d|\p{Zs}*(?:%|\p{Ll}+[sx]\b))/giu],
  // A short code one texts, Québec's `texter au 686868`.
  ['phone', /(?<=\b(?:texter|textez|texte|texto|sms|SMS)\p{Zs}+(?:au\p{Zs}+|le\p{Zs}+)?)\d{4,6}(?![\d,.]\d|\p{Zs}*%)/gu]
]
