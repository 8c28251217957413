import type {Severity} from '../diagnostics/severity.js'
import type {InSource} from '../model/types.js'
import type {FigureStatus} from './data.js'
import type {ReviewState} from './review/match.js'

/**
 * The words the audit page writes itself. The page's `lang` is the report's, so its own words
 * must be in that language too, or a screen reader would read English with a French voice.
 */
export interface AuditLabels {
  kicker: string
  generated: string
  sections: string
  status: Record<FigureStatus, string>
  severity: Record<Severity, string>
  /** `2 erreurs`: a count of findings of one severity, with its plural. */
  severityCount: (count: number, severity: Severity) => string
  countsCaption: string
  diagnostics: string
  figures: string
  figuresCaption: string
  filters: string
  statusFilter: string
  chapterFilter: string
  allChapters: string
  noChapter: string
  /** Around the live count of visible rows: `before` 12 `after(37)`. */
  shown: {before: string; after: (total: number) => string}
  columns: {where: string; sentence: string; figure: string; status: string; sources: string; inSource: string; review: string}
  /** The words of the review: states, controls, the save button and what it says. */
  review: ReviewLabels
  doi: string
  /** What the archived copy of the source says of the figure (`figure-not-in-source`). */
  inSource: (found: InSource | undefined) => string
  unknownSource: string
  sources: string
  sourcesCaption: string
  sourceColumns: {id: string; type: string; title: string; author: string; date: string; url: string; uses: string; where: string}
  unused: string
  noUnused: string
  definedAt: string
  diagnosticsCaption: string
  diagnosticColumns: {place: string; severity: string; rule: string; message: string}
  noDiagnostics: string
  none: string
}

export interface ReviewLabels {
  state: Record<ReviewState, string>
  countsCaption: string
  filter: string
  /** The legend of a figure's controls, for screen readers: `Relecture de 40 % (intro.md:5)`. */
  of: (figure: string, place: string) => string
  note: string
  /** `Vérifié le 1 mars 2026 avant la modification :` before the old note. */
  before: (state: string, date: string) => string
  sentenceWas: string
  figureWas: string
  sourcesWere: string
  save: string
  saveHint: string
  /** Written by the script after a save; `{count}` is the number of figures marked. */
  saved: string
  /** Shown by the script when the browser keeps nothing (storage off, private mode). */
  noStorage: string
  /** A mark's time as a reader says it: `1 mars 2026`; anything unparsable as given. */
  date: (iso: string) => string
  /** `Relecture reprise de review.json, enregistrée le …`. */
  readFrom: (file: string, savedAt: string) => string
  /** The review file had problems: no marks shown, the findings say why. */
  unreadable: (file: string) => string
  orphans: string
  orphansCaption: string
  orphansNote: string
  orphanColumns: {place: string; figure: string; sentence: string; state: string; note: string}
}

const fr: AuditLabels = {
  kicker: 'Audit des chiffres',
  generated: 'Produit le',
  sections: 'Sections de l’audit',
  status: {cited: 'sourcé', stat: 'bloc stat', viewpoint: 'point de vue', waived: 'dispensé', uncited: 'sans source'},
  severity: {error: 'erreur', warning: 'avertissement', info: 'info'},
  severityCount: (count, severity) => `${count} ${{error: 'erreur', warning: 'avertissement', info: 'info'}[severity]}${count > 1 ? 's' : ''}`,
  countsCaption: 'Chiffres par statut',
  diagnostics: 'Diagnostics',
  figures: 'Chiffres',
  figuresCaption: 'Chaque chiffre du rapport, sa phrase, son statut et ses sources',
  filters: 'Filtrer les chiffres',
  statusFilter: 'Statut',
  chapterFilter: 'Chapitre',
  allChapters: 'Tous les chapitres',
  noChapter: '(sans titre)',
  shown: {before: 'Chiffres affichés\u00A0:', after: (total) => `sur ${total}`},
  columns: {where: 'Chapitre, fichier:ligne', sentence: 'Phrase', figure: 'Chiffre', status: 'Statut', sources: 'Sources', inSource: 'Dans la source', review: 'Relecture'},
  review: {
    state: {verified: 'vérifié', queried: 'en question', changed: 'modifié depuis la relecture', unreviewed: 'non relu'},
    countsCaption: 'Relecture',
    filter: 'Relecture',
    of: (figure, place) => `Relecture de ${figure} (${place})`,
    note: 'Note',
    before: (state, date) => `Avant la modification\u00A0: ${state} le ${date}`,
    sentenceWas: 'Phrase relue\u00A0:',
    figureWas: 'Chiffre relu\u00A0:',
    sourcesWere: 'Sources relues\u00A0:',
    save: 'Enregistrer la relecture (review.json)',
    saveHint: 'Vos marques sont gardées dans ce navigateur. Pour les transmettre, enregistrez-les\u00A0: placez review.json dans le dossier du rapport, et le prochain audit les reprend.',
    saved: 'review.json enregistré\u00A0; chiffres marqués\u00A0: {count}.',
    noStorage: 'Ce navigateur ne garde pas les marques\u00A0: enregistrez la relecture avant de fermer la page.',
    date: (iso) => longDate(iso, 'fr'),
    readFrom: (file, savedAt) => `Relecture reprise de ${file}, enregistrée le ${savedAt}`,
    unreadable: (file) => `Relecture non reprise\u00A0: ${file} n’a pas pu être lu (voir les diagnostics).`,
    orphans: 'Marques dont le chiffre n’est plus dans le rapport',
    orphansCaption: 'Marques de la relecture sans chiffre correspondant (supprimé, réécrit ou déplacé)',
    orphansNote: 'Elles ne sont pas reprises dans la prochaine relecture enregistrée.',
    orphanColumns: {place: 'Fichier:ligne relu', figure: 'Chiffre', sentence: 'Phrase relue', state: 'Marque', note: 'Note'}
  },
  doi: 'DOI',
  inSource: (found) => {
    switch (found?.status) {
      case 'found':
        return `trouvé (p. ${found.pages.slice(0, 3).join(', ')})`
      case 'not-on-page':
        return `pas p. ${found.cited}\u202F; trouvé p. ${found.pages.slice(0, 3).join(', ')}`
      case 'not-found':
        return 'introuvable'
      case 'no-archive':
        return 'pas de copie archivée'
      default:
        return '—'
    }
  },
  unknownSource: 'source inconnue',
  sources: 'Sources',
  sourcesCaption: 'Les sources du registre et leurs emplois',
  sourceColumns: {id: 'Clé', type: 'Type', title: 'Titre', author: 'Auteur', date: 'Date', url: 'Lien', uses: 'Emplois', where: 'Où'},
  unused: 'Sources jamais citées',
  noUnused: 'Toutes les sources sont citées.',
  definedAt: 'définie en',
  diagnosticsCaption: 'Les constats de rapporteur check',
  diagnosticColumns: {place: 'Fichier:ligne:colonne', severity: 'Gravité', rule: 'Règle', message: 'Message'},
  noDiagnostics: 'Aucun problème.',
  none: '—'
}

const en: AuditLabels = {
  kicker: 'Figures audit',
  generated: 'Generated',
  sections: 'Audit sections',
  status: {cited: 'cited', stat: 'stat block', viewpoint: 'viewpoint', waived: 'waived', uncited: 'uncited'},
  severity: {error: 'error', warning: 'warning', info: 'info'},
  severityCount: (count, severity) => `${count} ${severity === 'info' ? 'info' : `${severity}${count > 1 ? 's' : ''}`}`,
  countsCaption: 'Figures by status',
  diagnostics: 'Diagnostics',
  figures: 'Figures',
  figuresCaption: 'Every figure in the report, its sentence, status and sources',
  filters: 'Filter the figures',
  statusFilter: 'Status',
  chapterFilter: 'Chapter',
  allChapters: 'All chapters',
  noChapter: '(untitled)',
  shown: {before: 'Figures shown:', after: (total) => `of ${total}`},
  columns: {where: 'Chapter, file:line', sentence: 'Sentence', figure: 'Figure', status: 'Status', sources: 'Sources', inSource: 'In the source', review: 'Review'},
  review: {
    state: {verified: 'verified', queried: 'queried', changed: 'changed since the review', unreviewed: 'unreviewed'},
    countsCaption: 'Review',
    filter: 'Review',
    of: (figure, place) => `Review of ${figure} (${place})`,
    note: 'Note',
    before: (state, date) => `Before the change: ${state} on ${date}`,
    sentenceWas: 'Sentence reviewed:',
    figureWas: 'Figure reviewed:',
    sourcesWere: 'Sources reviewed:',
    save: 'Save review (review.json)',
    saveHint: 'Your marks are kept in this browser. To pass them on, save them: put review.json in the report folder, and the next audit picks them up.',
    saved: 'Saved review.json; figures marked: {count}.',
    noStorage: 'This browser keeps no marks: save the review before closing the page.',
    date: (iso) => longDate(iso, 'en'),
    readFrom: (file, savedAt) => `Review read from ${file}, saved ${savedAt}`,
    unreadable: (file) => `No review shown: ${file} could not be read (see the diagnostics).`,
    orphans: 'Marks whose figure is no longer in the report',
    orphansCaption: 'Marks of the review that match no figure (deleted, rewritten or moved)',
    orphansNote: 'They are left out of the next saved review.',
    orphanColumns: {place: 'File:line reviewed', figure: 'Figure', sentence: 'Sentence reviewed', state: 'Mark', note: 'Note'}
  },
  doi: 'DOI',
  inSource: (found) => {
    switch (found?.status) {
      case 'found':
        return `found (p. ${found.pages.slice(0, 3).join(', ')})`
      case 'not-on-page':
        return `not on p. ${found.cited}; found on p. ${found.pages.slice(0, 3).join(', ')}`
      case 'not-found':
        return 'not found'
      case 'no-archive':
        return 'no archived copy'
      default:
        return '—'
    }
  },
  unknownSource: 'unknown source',
  sources: 'Sources',
  sourcesCaption: 'The registry’s sources and where they are used',
  sourceColumns: {id: 'Key', type: 'Type', title: 'Title', author: 'Author', date: 'Date', url: 'Link', uses: 'Uses', where: 'Where'},
  unused: 'Sources never used',
  noUnused: 'Every source is used.',
  definedAt: 'defined at',
  diagnosticsCaption: 'The findings of rapporteur check',
  diagnosticColumns: {place: 'File:line:column', severity: 'Severity', rule: 'Rule', message: 'Message'},
  noDiagnostics: 'No problems.',
  none: '—'
}

/** Labels for a BCP 47 language tag (`fr`, `fr-CA` → French); any other language gets English. */
export function auditLabelsFor(lang: string): AuditLabels {
  return lang.toLowerCase().startsWith('fr') ? fr : en
}

function longDate(iso: string, lang: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(lang, {dateStyle: 'long', timeZone: 'UTC'}).format(date)
}
