import {filterIds} from './filters.js'

/**
 * The filter script, inlined in the page. It reads only the ids and data attributes the markup
 * sets (indexes and status tokens, never report text), so nothing from the report reaches code.
 * Plain ES2017 and no library: the page must work offline in any recent browser.
 */
export const auditScript = `(() => {
  const form = document.getElementById(${JSON.stringify(filterIds.form)});
  const table = document.getElementById(${JSON.stringify(filterIds.table)});
  if (!form || !table) return;
  const chapter = document.getElementById(${JSON.stringify(filterIds.chapter)});
  const shown = document.getElementById(${JSON.stringify(filterIds.shown)});
  const boxes = Array.from(form.querySelectorAll('input[name="status"]'));
  const rows = Array.from(table.tBodies[0].rows);
  const apply = () => {
    const wanted = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    let count = 0;
    for (const row of rows) {
      const visible = wanted.has(row.dataset.status) && (chapter.value === '' || chapter.value === row.dataset.chapter);
      row.hidden = !visible;
      if (visible) count++;
    }
    shown.textContent = String(count);
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  form.hidden = false;
  apply();
})();
`
