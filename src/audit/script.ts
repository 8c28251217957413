import {filterIds} from './filters.js'
import {reviewScript} from './review/script.js'

/**
 * The filter script, inlined in the page. It reads only the ids and data attributes the markup
 * sets (indexes and status tokens, never report text), so nothing from the report reaches code.
 * Plain ES2017 and no library: the page must work offline in any recent browser.
 */
const filterScript = `(() => {
  const form = document.getElementById(${JSON.stringify(filterIds.form)});
  const table = document.getElementById(${JSON.stringify(filterIds.table)});
  if (!form || !table) return;
  const chapter = document.getElementById(${JSON.stringify(filterIds.chapter)});
  const shown = document.getElementById(${JSON.stringify(filterIds.shown)});
  const boxes = Array.from(form.querySelectorAll('input[name="status"]'));
  const reviewBoxes = Array.from(form.querySelectorAll('input[name="review"]'));
  const rows = Array.from(table.tBodies[0].rows);
  const apply = () => {
    const wanted = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    const reviewed = new Set(reviewBoxes.filter((box) => box.checked).map((box) => box.value));
    let count = 0;
    for (const row of rows) {
      // data-review is kept up to date by the review script; a row marked while filtered out stays
      // until the filters change, so that a mark never makes the row being worked on vanish.
      const visible = wanted.has(row.dataset.status) && reviewed.has(row.dataset.review) && (chapter.value === '' || chapter.value === row.dataset.chapter);
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = String(count);
  };
  form.addEventListener('change', apply);
  // Marks change data-review; the filters apply again when they change, not under the reviewer's hand.
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
`

/** The page's one script: the review first (it settles each row's review state), then the filters. */
export const auditScript = reviewScript + filterScript
