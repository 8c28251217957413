import {isFrench} from './typography/french-spacing.js'
/** The words the renderer writes itself, per language; a project in another language gets English. */
export interface Labels {
  recommendation: string
  recommendationShort: string
  /** Before a page number in a cross-reference: `, p.\u00A0` → "voir recommandation 2, p. 15". */
  pageReference: string
  skip: string
  toc: string
  notes: string
  backToText: string
  bibliography: string
  glossary: string
  keyFigures: string
  source: string
  actors: string
  see: string
  seeAlso: string
  page: string
  contact: string
  noteLabel: (number: number) => string
  /** Before a figure's or table's number, in a caption and in a cross-reference: `Figure 2`. */
  figure: string
  table: string
  /** In a cross-reference to a heading: `section « Méthode »`. */
  section: string
  /** Between `Figure 2` and its caption. */
  captionSeparator: string
  /** Between a label and what it introduces: `Acteurs\u00A0: ` in French (a no-break space before the colon), `Responsible: ` in English. */
  colon: string
  /** Around a section's title in a cross-reference. */
  quotes: [string, string]
  /** A Quarto callout's title when it has none of its own. */
  callouts: Record<'note' | 'warning' | 'important' | 'tip' | 'caution', string>
}

const fr: Labels = {
  recommendation: 'Recommandation',
  recommendationShort: 'recommandation',
  pageReference: ',\u00A0p.\u00A0',
  skip: 'Aller au contenu',
  toc: 'Sommaire',
  notes: 'Notes',
  backToText: 'Retour au texte',
  bibliography: 'Bibliographie',
  glossary: 'Glossaire',
  keyFigures: 'Chiffres clés',
  source: 'Source',
  actors: 'Acteurs',
  see: 'voir',
  seeAlso: 'Voir aussi\u00A0:',
  page: 'p.',
  contact: 'Contact',
  noteLabel: (number) => `Note ${number}`,
  figure: 'figure',
  table: 'tableau',
  section: 'section',
  captionSeparator: '\u00A0: ',
  colon: '\u00A0: ',
  quotes: ['«\u00A0', '\u00A0»'],
  callouts: {note: 'Remarque', warning: 'Avertissement', important: 'Important', tip: 'Conseil', caution: 'Attention'}
}

const en: Labels = {
  recommendation: 'Recommendation',
  recommendationShort: 'recommendation',
  pageReference: ', p.\u00A0',
  skip: 'Skip to content',
  toc: 'Contents',
  notes: 'Notes',
  backToText: 'Back to text',
  bibliography: 'References',
  glossary: 'Glossary',
  keyFigures: 'Key figures',
  source: 'Source',
  actors: 'Responsible',
  see: 'see',
  seeAlso: 'See also:',
  page: 'p.',
  contact: 'Contact',
  noteLabel: (number) => `Note ${number}`,
  figure: 'Figure',
  table: 'Table',
  section: 'Section',
  captionSeparator: ': ',
  colon: ': ',
  quotes: ['“', '”'],
  callouts: {note: 'Note', warning: 'Warning', important: 'Important', tip: 'Tip', caution: 'Caution'}
}

/** Labels for a BCP 47 language tag (`fr`, `fr-CA` → French). */
export function labelsFor(lang: string): Labels {
  return isFrench(lang) ? fr : en
}
