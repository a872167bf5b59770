/**
 * Numbers as a report shows them, each written once from a description: the table view (a
 * captioned table in a scrolling, focusable region, a row header first in each row) and the
 * summary strip.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface DataTable {
  /** The caption's id, unique in the shadow root (it names the scrolling region). */
  id: string;
  caption: string;
  head: readonly unknown[];
  /** Each row's cells, its row header first. */
  rows: readonly (readonly unknown[])[];
  /** The `part` of each row (default `row`). */
  rowPart?: (row: readonly unknown[], index: number) => string;
}

export function renderDataTable({ id, caption, head, rows, rowPart = () => 'row' }: DataTable): TemplateResult {
  return html`<div class="table-scroller" part="table-scroller" tabindex="0" role="region" aria-labelledby=${id}>
    <table class="data-table" part="table">
      <caption id=${id}>${caption}</caption>
      <thead>
        <tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr>
      </thead>
      <tbody>${renderRows(rows, rowPart)}</tbody>
    </table>
  </div>`;
}

/** Rows of a table, each with its row header first (`part` per row, if any). */
export const renderRows = (rows: readonly (readonly unknown[])[], part?: (row: readonly unknown[], index: number) => string) =>
  rows.map((row, i) => html`<tr part=${part ? part(row, i) : nothing}><th scope="row">${row[0]}</th>${row.slice(1).map((cell) => html`<td>${cell}</td>`)}</tr>`);

/** The summary strip: a figure per stat, as `[name, label, value]` (parts `stat stat-{name}`). */
export const renderStats = (stats: readonly (readonly [name: string, label: string, value: string])[]) =>
  html`<dl class="summary" part="summary">
    ${stats.map(([name, label, value]) => html`<div class="stat" part="stat stat-${name}"><dt>${label}</dt><dd>${value}</dd></div>`)}
  </dl>`;
