/**
 * The native table of the session log: sortable column headers (a button in each `<th>`, with
 * `aria-sort`), rows, skeleton rows while the first page loads.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { SessionItem, SortField, SortOrder } from '../core/types.js';
import { str } from '../shared/strings.js';
import { COLUMNS, type CellContext } from './columns.js';

export interface TableOptions {
  items: readonly SessionItem[] | null;
  ctx: CellContext;
  sort: SortField;
  order: SortOrder;
  busy: boolean;
  onSort: (field: SortField) => void;
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

function row(item: SessionItem, ctx: CellContext): TemplateResult {
  const active = item.ended === null;
  const [first, ...rest] = COLUMNS;
  return html`<tr part=${active ? 'row row-active' : 'row'} class=${active ? 'active' : ''}>
    <th scope="row" part="cell" class="c-${first.field}">${first.cell(item, ctx)}</th>
    ${rest.map((c) => html`<td part="cell" class="c-${c.field}">${c.cell(item, ctx)}</td>`)}
  </tr>`;
}

/**
 * A row re-renders only when what it shows changed: not for the busy state of the next request,
 * nor, for an ended session, on the clock's tick (which moves active durations only).
 */
const guardedRow = (item: SessionItem, ctx: CellContext) =>
  guard([item, ctx.locale, ctx.zone, ctx.asOf, ctx.q, item.ended === null ? ctx.elapsed : 0], () => row(item, ctx));

const skeleton = (n: number) =>
  Array.from(
    { length: n },
    () => html`<tr part="row" class="skeleton" aria-hidden="true">
      ${COLUMNS.map((c) => html`<td part="cell" class="c-${c.field}"><span class="bone"></span></td>`)}
    </tr>`,
  );

export function renderTable(o: TableOptions): TemplateResult {
  const sortLabel = str(COLUMNS.find((c) => c.field === o.sort)!.label);
  return html`<div class="scroller" part="table-scroller" tabindex="0" role="region" aria-label=${str('sessionsTitle')} aria-busy=${o.busy ? 'true' : 'false'}>
    <span id="copy-hint" hidden>${str('copyHint')}</span>
    <table part="table" class=${o.busy ? 'busy' : ''}>
      <caption part="caption">${str('sessionsCaption', { column: sortLabel, order: str(o.order === 'asc' ? 'ascending' : 'descending'), zone: o.ctx.zone })}</caption>
      <colgroup>${COLUMNS.map((c) => html`<col class="w-${c.field}" />`)}</colgroup>
      <thead>
        <tr>${COLUMNS.map((c) => header(c.field, str(c.label), o.sort, o.order, o.onSort))}</tr>
      </thead>
      <tbody @click=${o.onCopy}>
        ${o.items ? o.items.map((item) => guardedRow(item, o.ctx)) : skeleton(o.skeletonRows ?? 8)}
      </tbody>
    </table>
  </div>`;
}
