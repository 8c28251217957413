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
  seeAlso: 'Voir aussi :',
  page: 'p.',
  contact: 'Contact',
  noteLabel: (number) => `Note ${number}`
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
  actors: 'Actors',
  see: 'see',
  seeAlso: 'See also:',
  page: 'p.',
  contact: 'Contact',
  noteLabel: (number) => `Note ${number}`
}

/** Labels for a BCP 47 language tag (`fr`, `fr-CA` → French). */
export function labelsFor(lang: string): Labels {
  return lang.toLowerCase().startsWith('fr') ? fr : en
}
