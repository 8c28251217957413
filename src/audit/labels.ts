import type {Severity} from '../diagnostics/severity.js'
import type {InSource} from '../model/types.js'
import type {FigureStatus} from './data.js'

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
  columns: {chapter: string; place: string; sentence: string; figure: string; status: string; sources: string; inSource: string; reason: string}
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
  columns: {chapter: 'Chapitre', place: 'Fichier:ligne', sentence: 'Phrase', figure: 'Chiffre', status: 'Statut', sources: 'Sources', inSource: 'Dans la source', reason: 'Motif de dispense'},
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
  columns: {chapter: 'Chapter', place: 'File:line', sentence: 'Sentence', figure: 'Figure', status: 'Status', sources: 'Sources', inSource: 'In the source', reason: 'Waiver reason'},
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
