/**
 * The native table of the session log: sortable column headers (a button in each `<th>`, with
 * `aria-sort`), rows, skeleton rows while the first page loads. Below the card breakpoint the
 * same table shows each session as a card (sessions.styles.ts): the header row gives way to a
 * sort choice, and each cell shows its column's label.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import type { SessionItem, SortField, SortOrder } from '../core/types.js';
import { str } from '../shared/strings.js';
import { COLUMNS, row, type CellContext } from './columns.js';
import { cssProperties } from './css-properties.js';

export interface TableOptions {
  items: readonly SessionItem[] | null;
  ctx: CellContext;
  sort: SortField;
  order: SortOrder;
  busy: boolean;
  /** A header clicked: that column, in its first order or the other order. */
  onSort: (field: SortField) => void;
  /** The card layout's sort choice. */
  onSortChange: (field: SortField, order: SortOrder) => void;
  onCopy: (event: Event) => void;
  /** Skeleton rows shown while there are no rows yet. */
  skeletonRows?: number;
}

function header(field: SortField, label: string, sort: SortField, order: SortOrder, onSort: (f: SortField) => void) {
  const current = field === sort;
  const ariaSort = current ? (order === 'asc' ? 'ascending' : 'descending') : nothing;
  return html`<th scope="col" part="header-cell" class="c-${field}" aria-sort=${ariaSort}>
    <button class="sort" type="button" data-sort=${field} @click=${() => onSort(field)}>
      <span>${label}</span><span class="sort-icon ${current ? 'on' : ''}" aria-hidden="true">${current && order === 'asc' ? '▲' : '▼'}</span>
    </button>
  </th>`;
}

/**
 * A row re-renders only when what it shows changed: not for the busy state of the next request,
 * nor, for an ended session, on the clock's tick (which moves active durations only).
 */
const guardedRow = (item: SessionItem, ctx: CellContext) =>
  guard([item, ctx.locale, ctx.zone, ctx.asOf, ctx.q, item.ended === null ? ctx.elapsed : 0], () => row(item, ctx));

// prettier-ignore
const SKELETON = html`<tr part="row" class="skeleton" aria-hidden="true"><th part="cell"><span class="bone"></span></th><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td><td part="cell"><span class="bone"></span></td></tr>`;

/** A CSS string of `text` (for `content`), quotes, backslashes and line breaks escaped. */
export const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]/g, '\\A ')}"`;

/** The column labels as custom properties on the table, read by the card layout's `::before`s. */
function labelProperties(): Record<string, string> {
  return Object.fromEntries(COLUMNS.map((c, i) => [`--kre-sessions-label-${i + 1}`, cssString(str(c.label))]));
}

/** The card layout's sort: a column and an order (hidden while the header row shows). */
function cardSort(o: TableOptions): TemplateResult {
  const change = (event: Event) => {
    const root = (event.currentTarget as HTMLElement).closest('.card-sort')!;
    const [field, order] = [...root.querySelectorAll('select')].map((s) => s.value);
    o.onSortChange(field as SortField, order as SortOrder);
  };
  return html`<div class="card-sort" part="card-sort" @change=${change}>
    <label class="field"><span class="field-label">${str('sortBy')}</span>
      <select .value=${live(o.sort)}>${COLUMNS.map((c) => html`<option value=${c.field} ?selected=${c.field === o.sort}>${str(c.label)}</option>`)}</select>
    </label>
    <label class="field"><span class="field-label">${str('sortOrder')}</span>
      <select .value=${live(o.order)}>
        <option value="asc" ?selected=${o.order === 'asc'}>${str('sortAscending')}</option>
        <option value="desc" ?selected=${o.order === 'desc'}>${str('sortDescending')}</option>
      </select>
    </label>
  </div>`;
}

export function renderTable(o: TableOptions): TemplateResult {
  const sortLabel = str(COLUMNS.find((c) => c.field === o.sort)!.label);
  return html`${cardSort(o)}<div class="scroller" part="table-scroller" tabindex="0" role="region" aria-label=${str('sessionsTitle')} aria-busy=${o.busy ? 'true' : 'false'}>
    <span id="copy-hint" hidden>${str('copyHint')}</span>
    <table part="table" class=${o.busy ? 'busy' : ''} ${cssProperties(labelProperties())}>
      <caption part="caption">${str('sessionsCaption', { column: sortLabel, order: str(o.order === 'asc' ? 'ascending' : 'descending'), zone: o.ctx.zone })}</caption>
      <colgroup>${COLUMNS.map((c) => html`<col class="w-${c.field}" />`)}</colgroup>
      <thead>
        <tr>${COLUMNS.map((c) => header(c.field, str(c.label), o.sort, o.order, o.onSort))}</tr>
      </thead>
      <tbody @click=${o.onCopy}>
        ${o.items ? o.items.map((item) => guardedRow(item, o.ctx)) : Array.from({ length: o.skeletonRows ?? 8 }, () => SKELETON)}
      </tbody>
    </table>
  </div>`;
}
