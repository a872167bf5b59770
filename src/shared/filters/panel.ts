/**
 * The open panel of a MultiSelect: the search box (when the list is long), "All" and the list of
 * checkboxes, a selected parent showing its descendants checked and disabled. Loaded on demand with
 * the first open (src/shared/on-demand.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { str } from '../strings.js';
import type { MultiSelectOptions, OptionRow } from './multi-select.js';

/**
 * The panel. Positional arguments rather than one state object: the multi-select is the one
 * caller, and the bundle would otherwise carry every name.
 *
 * @param base The control's id (the panel's is `{base}-panel`).
 * @param options The control's options.
 * @param query The search typed so far.
 * @param setQuery Called with the search as it is typed.
 * @param rows Every option.
 * @param selected The ids selected.
 * @param change Called with an option's id and whether it is now checked.
 */
export function renderPanel(
  base: string,
  options: MultiSelectOptions,
  query: string,
  setQuery: (query: string) => void,
  rows: readonly OptionRow[],
  selected: readonly string[],
  change: (id: string, checked: boolean) => void,
): TemplateResult {
  const chosen = new Set(selected);
  const needle = query.trim().toLocaleLowerCase();
  const visible = needle ? filterRows(rows, needle) : rows;
  const searchable = rows.length >= (options.searchFrom ?? 8);
  return html`<div class="ms-panel" part="filter-panel ${options.part ?? options.id}-panel" id="${base}-panel" role="group" aria-labelledby="${base}-label">
            ${searchable
              ? html`<input
                  class="ms-search"
                  type="search"
                  aria-label=${str(options.text[2])}
                  placeholder=${str(options.text[2])}
                  .value=${live(query)}
                  @input=${(e: Event) => setQuery((e.target as HTMLInputElement).value)}
                />`
              : nothing}
            <button class="ms-all" type="button" ?disabled=${!selected.length} @click=${() => options.onChange([])}>
              ${str(options.text[1])}
            </button>
            <ul class="ms-list" role="list">
              ${visible.map((row) => {
                const implied = row.ancestors.some((a) => chosen.has(a));
                return html`<li .style=${`--depth:${row.depth}`}>
                  <label class="ms-option" title=${row.label}>
                    <input
                      type="checkbox"
                      .checked=${live(implied || chosen.has(row.id))}
                      ?disabled=${implied}
                      @change=${(e: Event) => change(row.id, (e.target as HTMLInputElement).checked)}
                    />
                    <span dir="auto" class="ms-text">${row.label}</span>
                  </label>
                </li>`;
              })}
              ${visible.length ? nothing : html`<li class="ms-empty">${str(options.text[4])}</li>`}
            </ul>
          </div>`;
}

/** The rows whose label holds `needle`, with their ancestors (so the tree still reads). */
function filterRows(rows: readonly OptionRow[], needle: string): OptionRow[] {
  const keep = new Set<string>();
  for (const row of rows) {
    if (row.label.toLocaleLowerCase().includes(needle)) {
      keep.add(row.id);
      row.ancestors.forEach((a) => keep.add(a));
    }
  }
  return rows.filter((r) => keep.has(r.id));
}
