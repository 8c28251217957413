import type {Element, Properties} from 'hast'
import {h} from 'hastscript'
import type {ReviewMark} from '../../model/schemas/review.js'
import {placeOf, type AuditData, type FigureRow} from '../data.js'
import type {AuditLabels} from '../labels.js'
import {normaliseText} from './fingerprint.js'
import {reviewStates} from './match.js'

/** Ids the review script looks up; kept here so the markup and the script cannot drift apart. */
export const reviewIds = {bar: 'review-bar', save: 'review-save', saved: 'review-saved', storage: 'review-storage'} as const

/** The review file the page was built with, relative to the report folder; no `savedAt` when it could not be read. */
export interface ReviewRead {
  file: string
  savedAt: string | undefined
}

/**
 * What the review script reads on a figure's row. Marks travel as JSON in attributes, which
 * `hast-util-to-html` escapes like any text: report and note text never becomes markup or code.
 */
export function reviewRowData(row: FigureRow): Properties {
  const {figure, review} = row
  return {
    dataReview: review.state,
    dataFingerprint: row.fingerprint,
    dataFile: figure.file,
    dataLine: String(figure.position.start.line),
    dataSources: JSON.stringify(figure.keys),
    dataMark: review.mark ? JSON.stringify(review.mark) : undefined,
    dataPrevious: review.previous ? JSON.stringify(review.previous) : undefined
  }
}

/**
 * A figure's review cell: its state and note as text (what prints, and all there is without
 * JavaScript), what it was before it changed, and the controls the script shows.
 */
export function reviewCell(row: FigureRow, index: number, labels: AuditLabels): Element {
  const words = labels.review
  const {review} = row
  const mark = review.mark
  return h('td.review', [
    h('p.review-state', [h('span', {className: ['review-badge', `review-${review.state}`]}, words.state[review.state]), ' ', h('span.review-note', mark?.note ?? '')]),
    review.previous ? previousMark(row, review.previous, labels) : undefined,
    h('fieldset.review-controls', {hidden: true}, [
      h('legend.visually-hidden', words.of(row.figure.text, placeOf(row.figure))),
      h(
        'div.review-choices',
        (['unreviewed', 'verified', 'queried'] as const).map((state) =>
          h('label', [h('input', {type: 'radio', name: `review-${index}`, value: state, checked: (mark?.status ?? 'unreviewed') === state}), ` ${words.state[state]}`])
        )
      ),
      h('label.review-note-field', [h('span', words.note), h('textarea', {name: `note-${index}`, rows: 2, disabled: !mark}, mark?.note ?? '')])
    ])
  ])
}

/** `Avant la modification : vérifié le 1 mars 2026 — « note »`, then what was reviewed and is no longer so. */
function previousMark(row: FigureRow, previous: ReviewMark, labels: AuditLabels): Element {
  const words = labels.review
  const {figure} = row
  const was: Element[] = []
  if (normaliseText(previous.sentence) !== normaliseText(figure.sentence)) was.push(h('p', [words.sentenceWas, ' ', h('q', previous.sentence)]))
  if (normaliseText(previous.figure) !== normaliseText(figure.text)) was.push(h('p', [words.figureWas, ' ', h('q', previous.figure)]))
  if ([...previous.sources].sort().join(' ') !== [...figure.keys].sort().join(' ')) was.push(h('p', [words.sourcesWere, ' ', previous.sources.length > 0 ? previous.sources.join(', ') : labels.none]))
  return h('div.review-previous', [h('p', [words.before(words.state[previous.status], words.date(previous.at)), previous.note ? [' — ', h('q.review-previous-note', previous.note)] : '']), ...was])
}

/** The save button and what it says; hidden until the script runs, as there is nothing to save without it. */
export function reviewBar(labels: AuditLabels, project: {key: string; title: string; organisation: string}): Element {
  const words = labels.review
  const script = {state: words.state, saved: words.saved}
  return h(`div#${reviewIds.bar}.review-bar`, {hidden: true, dataProject: project.key, dataTitle: project.title, dataOrganisation: project.organisation, dataWords: JSON.stringify(script)}, [
    h(`button#${reviewIds.save}`, {type: 'button'}, words.save),
    h('p.review-hint', words.saveHint),
    h(`p#${reviewIds.saved}.review-saved`, {role: 'status'}),
    h(`p#${reviewIds.storage}.review-storage`, {hidden: true}, words.noStorage)
  ])
}

/** The header's counts of the review, which the script keeps up to date. */
export function reviewCounts(data: AuditData, labels: AuditLabels, read: ReviewRead | undefined): Element[] {
  const words = labels.review
  return [
    h('h2.counts-title', words.countsCaption),
    read ? h('p.meta.review-read', read.savedAt ? words.readFrom(read.file, words.date(read.savedAt)) : words.unreadable(read.file)) : undefined,
    h(
      'dl.counts.review-counts',
      reviewStates.map((state) => h('div', {className: ['count', `review-${state}`]}, [h('dt', words.state[state]), h('dd', {dataReviewCount: state}, String(data.reviewCounts[state]))]))
    )
  ].filter((element): element is Element => element !== undefined)
}

/** The review filter's checkboxes, beside the status ones. */
export function reviewFilter(labels: AuditLabels): Element {
  return h('fieldset', [
    h('legend', labels.review.filter),
    ...reviewStates.map((state) => h('label.filter-status', [h('input', {type: 'checkbox', name: 'review', value: state, checked: true}), ` ${labels.review.state[state]}`]))
  ])
}

/** Marks of the review read that match no figure any more: shown once, not saved again. */
export function orphansSection(data: AuditData, labels: AuditLabels): Element | undefined {
  if (data.orphans.length === 0) return undefined
  const words = labels.review
  const columns = words.orphanColumns
  return h('section#review-orphans', {ariaLabelledby: 'review-orphans-title'}, [
    h('h2#review-orphans-title', `${words.orphans} (${data.orphans.length})`),
    h('p', words.orphansNote),
    h('table.orphans', [
      h('caption', words.orphansCaption),
      h('colgroup', ['place', 'figure', 'sentence', 'state', 'note'].map((column) => h('col', {className: [`col-${column}`]}))),
      h('thead', h('tr', [columns.place, columns.figure, columns.sentence, columns.state, columns.note].map((name) => h('th', {scope: 'col'}, name)))),
      h(
        'tbody',
        data.orphans.map((mark) =>
          h('tr', [
            h('td', h('code', `${mark.file}:${mark.line}`)),
            h('th', {scope: 'row'}, mark.figure),
            h('td', mark.sentence),
            h('td', h('span', {className: ['review-badge', `review-${mark.status}`]}, words.state[mark.status])),
            h('td', mark.note)
          ])
        )
      )
    ])
  ])
}
