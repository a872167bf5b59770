/**
 * The native table of the session log: sortable column headers (a button in each `<th>`, with
 * `aria-sort`), rows, skeleton rows while the first page loads. Below the card breakpoint the
 * same table shows each session as a card (table.styles.ts): the header row gives way to a sort
 * choice, and each cell shows its column's label.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { SORT_ORDERS, type SessionItem, type SortField, type SortOrder } from '../core/types.js';
import { str } from '../shared/strings.js';
import { COLUMNS, row, type CellContext } from './columns.js';

/** A CSS string of `text` (for `content`), quotes, backslashes and line breaks escaped. */
const cssString = (text: string) => `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]/g, '\\A ')}"`;

const BONE = html`<td part="cell"><span class="bone"></span></td>`;
const SKELETON = html`<tr part="row" class="skeleton" aria-hidden="true">${COLUMNS.map(() => BONE)}</tr>`;

/**
 * A labelled select (the card layout's sort choices, the pager's page size): `choices` as
 * `[value, text]`, the selected one marked on the server's render too; `onPick` gets the value chosen.
 */
export const renderSelect = <T extends string | number>(label: string, selected: T, choices: readonly (readonly [T, string | number])[], onPick: (value: string) => void, className = 'field') =>
  html`<label class=${className}><span class="field-label">${label}</span><select .value=${live(String(selected))} @change=${(e: Event) => onPick((e.target as HTMLSelectElement).value)}>${choices.map(([v, text]) => html`<option value=${v} ?selected=${v === selected}>${text}</option>`)}</select></label>`;

/**
 * The table. Positional arguments rather than one options object: the element is the one caller,
 * and the bundle would otherwise carry every name twice.
 *
 * @param items The rows; null: skeleton rows (the first page loads).
 * @param ctx What the cells read besides their session.
 * @param sort The sort column in force.
 * @param order The sort order in force.
 * @param busy Whether the next page loads.
 * @param onSort A header clicked (that column, in its first order or the other order), or the card layout's choice of both.
 * @param onCopy A click in the rows (a copy button's, if it is on one).
 * @param skeletonRows How many skeleton rows stand in for the rows of the first page.
 */
export function renderTable(
  items: readonly SessionItem[] | null,
  ctx: CellContext,
  sort: SortField,
  order: SortOrder,
  busy: boolean,
  onSort: (field: SortField, order?: SortOrder) => void,
  onCopy: (event: Event) => void,
  skeletonRows: number,
): TemplateResult {
  const direction = order === 'asc' ? 'ascending' : 'descending';
  const label = (field: SortField) => str(COLUMNS.find((c) => c.field === field)!.label);
  // A row re-renders only when what it shows changed: not for the busy state of the next request,
  // nor, for an ended session, on the clock's tick (which moves active durations only).
  const rows = items
    ? items.map((s) => guard([s, ctx.locale, ctx.zone, ctx.asOf, ctx.q, s.ended === null && ctx.elapsed], () => row(s, ctx)))
    : Array(skeletonRows).fill(SKELETON);
  // The card layout's sort (hidden while the header row shows). The column labels as custom
  // properties on the table, read by the card layout's `::before`s: set through the CSSOM (a
  // property binding, \`style.cssText\`, and only when they change), which a strict
  // Content-Security-Policy allows (\`style-src\` without 'unsafe-inline' blocks a style attribute).
  // prettier-ignore
  return html`<div class="card-sort" part="card-sort">
      ${renderSelect(str('sortBy'), sort, COLUMNS.map((c) => [c.field, str(c.label)] as const), (v) => onSort(v as SortField, order))}
      ${renderSelect(str('sortOrder'), order, SORT_ORDERS.map((v) => [v, str(v === 'asc' ? 'sortAscending' : 'sortDescending')] as const), (v) => onSort(sort, v as SortOrder))}
    </div>
    <div class="scroller" part="table-scroller" tabindex="0" role="region" aria-label=${str('sessionsTitle')} aria-busy=${busy ? 'true' : 'false'}>
      <span id="copy-hint" hidden>${str('copyHint')}</span>
      <table part="table" class=${busy ? 'busy' : ''} .style=${COLUMNS.map((c, i) => `--kre-sessions-label-${i + 1}:${cssString(str(c.label))};`).join('')}>
        <caption part="caption">${str('sessionsCaption', { column: label(sort), order: str(direction), zone: ctx.zone })}</caption>
        <thead><tr>${COLUMNS.map(({ field }) => {
          const on = field === sort;
          return html`<th scope="col" part="header-cell" class="c-${field}" aria-sort=${on ? direction : nothing}><button class="sort" type="button" data-sort=${field} @click=${() => onSort(field)}><span>${label(field)}</span><span class="sort-icon ${on ? 'on' : ''}" aria-hidden="true">${on && order === 'asc' ? '▲' : '▼'}</span></button></th>`;
        })}</tr></thead>
        <tbody @click=${onCopy}>${rows}</tbody>
      </table>
    </div>`;
}
