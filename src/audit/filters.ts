import type {Element} from 'hast'
import {h} from 'hastscript'
import {figureStatuses, type AuditData} from './data.js'
import type {AuditLabels} from './labels.js'
import {reviewFilter} from './review/parts.js'

/** Ids the inline script looks up; kept here so the markup and the script cannot drift apart. */
export const filterIds = {form: 'figure-filters', chapter: 'chapter-filter', shown: 'figures-shown', table: 'figures-table'} as const

/**
 * The status and review checkboxes and the chapter select above the figures table. The form is `hidden` in the
 * markup and the script shows it: without JavaScript there are no dead controls and every row shows.
 */
export function figureFilters(data: AuditData, labels: AuditLabels): Element {
  const total = data.figures.length
  return h(`form#${filterIds.form}.filters`, {hidden: true, ariaLabel: labels.filters}, [
    h('fieldset', [
      h('legend', labels.statusFilter),
      ...figureStatuses.map((status) =>
        h('label.filter-status', [
          h('input', {type: 'checkbox', name: 'status', value: status, checked: true}),
          ` ${labels.status[status]} (${data.counts[status]})`
        ])
      )
    ]),
    reviewFilter(labels),
    h('div.field', [
      h('label', {htmlFor: filterIds.chapter}, labels.chapterFilter),
      // Options carry chapter indexes, not titles: the script never compares user text.
      h(`select#${filterIds.chapter}`, {name: 'chapter'}, [
        h('option', {value: ''}, labels.allChapters),
        ...data.chapters.map((chapter, index) => h('option', {value: String(index)}, chapter ?? labels.noChapter))
      ])
    ]),
    // role=status is a polite live region: a screen reader hears the new count after each change.
    h('p.shown', {role: 'status'}, [labels.shown.before, ' ', h(`span#${filterIds.shown}`, String(total)), ' ', labels.shown.after(total)])
  ])
}
