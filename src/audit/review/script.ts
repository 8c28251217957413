import {filterIds} from '../filters.js'
import {reviewIds} from './parts.js'

/**
 * The review script, inlined in the page before the filter script. It shows each figure's
 * controls, keeps every mark in the browser's storage under the project's key (so a closed tab
 * loses nothing), and saves the review as `review.json`, a download the reviewer puts beside the
 * report. A mark from the browser beats the review file's only when it is newer.
 *
 * Report text reaches it only as attribute values and text content, and leaves it only as text
 * content, `value` and JSON: never as markup. Plain ES2017 and no library, as the filter script.
 */
export const reviewScript = `(() => {
  const table = document.getElementById(${JSON.stringify(filterIds.table)});
  const bar = document.getElementById(${JSON.stringify(reviewIds.bar)});
  if (!table || !bar) return;
  const parse = (text) => {
    if (!text) return undefined;
    try { return JSON.parse(text); } catch (error) { return undefined; }
  };
  const words = parse(bar.dataset.words) || {state: {}, saved: ''};
  const storeKey = 'rapporteur-review:' + bar.dataset.project;
  const states = ['verified', 'queried', 'changed', 'unreviewed'];
  const isMark = (mark) => Boolean(mark) && (mark.status === 'verified' || mark.status === 'queried');
  const time = (mark) => {
    const value = Date.parse(mark && mark.at);
    return Number.isNaN(value) ? 0 : value;
  };
  // The browser's copy: marks by fingerprint. A mark taken back is kept as 'unreviewed', so that
  // it still beats the older mark of the review file.
  let local = {};
  let storage = true;
  try {
    const stored = parse(window.localStorage.getItem(storeKey));
    if (stored && stored.version === 1 && stored.marks && typeof stored.marks === 'object') local = stored.marks;
  } catch (error) {
    storage = false;
  }
  const storageNote = document.getElementById(${JSON.stringify(reviewIds.storage)});
  const persist = () => {
    if (storage) {
      try {
        window.localStorage.setItem(storeKey, JSON.stringify({version: 1, marks: local}));
      } catch (error) {
        storage = false;
      }
    }
    storageNote.hidden = storage;
  };
  const items = Array.from(table.tBodies[0].rows).map((row) => ({
    row,
    fingerprint: row.dataset.fingerprint,
    fromFile: parse(row.dataset.mark),
    previous: parse(row.dataset.previous),
    badge: row.querySelector('.review-badge'),
    note: row.querySelector('.review-state .review-note'),
    radios: Array.from(row.querySelectorAll('.review-choices input')),
    field: row.querySelector('.review-note-field textarea'),
    controls: row.querySelector('.review-controls')
  }));
  const current = (item) => {
    const mine = local[item.fingerprint];
    const mark = mine && (!item.fromFile || time(mine) >= time(item.fromFile)) ? mine : item.fromFile;
    return isMark(mark) ? mark : undefined;
  };
  const stateOf = (item) => {
    const mark = current(item);
    return mark ? mark.status : item.previous ? 'changed' : 'unreviewed';
  };
  const render = (item) => {
    const mark = current(item);
    const state = stateOf(item);
    item.row.dataset.review = state;
    item.badge.className = 'review-badge review-' + state;
    item.badge.textContent = words.state[state] || state;
    item.note.textContent = mark ? mark.note : '';
    for (const radio of item.radios) radio.checked = radio.value === (mark ? mark.status : 'unreviewed');
    item.field.disabled = !mark;
    if (document.activeElement !== item.field) item.field.value = mark ? mark.note : '';
  };
  const count = () => {
    for (const state of states) {
      const cell = document.querySelector('[data-review-count="' + state + '"]');
      if (cell) cell.textContent = String(items.filter((item) => stateOf(item) === state).length);
    }
  };
  // What the file keeps of a figure besides its fingerprint: for people, and to find it again when it changes.
  const figureOf = (item) => ({
    figure: item.row.querySelector('th.figure').textContent,
    file: item.row.dataset.file,
    line: Number(item.row.dataset.line),
    sentence: item.row.querySelector('td.sentence').textContent,
    sources: parse(item.row.dataset.sources) || []
  });
  const mark = (item, status, note) => {
    local[item.fingerprint] = Object.assign({fingerprint: item.fingerprint, status: status, note: note, at: new Date().toISOString()}, figureOf(item));
    persist();
    render(item);
    count();
  };
  for (const item of items) {
    for (const radio of item.radios) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        const before = current(item);
        // A changed figure marked again starts from its old note.
        const note = before ? before.note : item.field.value || (item.previous ? item.previous.note : '');
        mark(item, radio.value, radio.value === 'unreviewed' ? '' : note);
      });
    }
    item.field.addEventListener('input', () => {
      const before = current(item);
      if (before) mark(item, before.status, item.field.value);
    });
    item.controls.hidden = false;
    render(item);
  }
  table.classList.add('review-live');
  count();
  persist();
  const saved = document.getElementById(${JSON.stringify(reviewIds.saved)});
  document.getElementById(${JSON.stringify(reviewIds.save)}).addEventListener('click', () => {
    const marks = [];
    let marked = 0;
    for (const item of items) {
      const mark = current(item);
      if (mark) marked++;
      if (mark) marks.push(Object.assign({fingerprint: item.fingerprint, status: mark.status, note: mark.note || '', at: mark.at}, figureOf(item)));
      // A changed figure not marked again keeps its old mark, so the next audit shows it changed still.
      else if (item.previous) marks.push(item.previous);
    }
    const review = {
      rapporteur: 'review',
      version: 1,
      project: {title: bar.dataset.title, organisation: bar.dataset.organisation},
      savedAt: new Date().toISOString(),
      marks: marks
    };
    const url = URL.createObjectURL(new Blob([JSON.stringify(review, null, 2) + '\\n'], {type: 'application/json'}));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'review.json';
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
    saved.textContent = words.saved.replace('{count}', String(marked));
  });
  bar.hidden = false;
})();
`
