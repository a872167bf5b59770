/**
 * Server-side paging: the page-size choice, "1–50 of 12,345" and first/previous/next/last.
 * Buttons at an end are `aria-disabled` rather than disabled, so keyboard focus stays on them.
 */
import { html, type TemplateResult } from 'lit';
import type { SessionsResponse } from '../core/types.js';
import { formatInteger } from '../shared/format.js';
import { str, type StringKey } from '../shared/strings.js';
import { lastOffset, PAGE_SIZES } from './query.js';
import { renderSelect } from './table.js';

/** "1–50 of 12,345" (or that no session matches). */
export function rangeText({ offset, limit, total }: Pick<SessionsResponse, 'offset' | 'limit' | 'total'>, locale: string): string {
  const n = (v: number) => formatInteger(locale, v);
  return total ? str('resultCount', { first: n(offset + 1), last: n(Math.min(offset + limit, total)), total: n(total) }) : str('noSessions');
}

/** The pager of the rows on screen (`offset` and `total` of their response; `limit` the page size in force). */
export function renderPager(page: Pick<SessionsResponse, 'offset' | 'limit' | 'total'>, locale: string, onOffset: (offset: number) => void, onPageSize: (size: number) => void): TemplateResult {
  const { offset, limit, total } = page;
  const last = lastOffset(total, limit);
  const button = (label: StringKey, icon: string, target: number, off: boolean) =>
    html`<button class="button icon" type="button" data-page=${label} aria-label=${str(label)} title=${str(label)} aria-disabled=${off ? 'true' : 'false'} @click=${() => !off && onOffset(target)}><span aria-hidden="true">${icon}</span></button>`;
  // prettier-ignore
  return html`<nav class="pager" part="pager" aria-label=${str('pagination')}>
    ${renderSelect(str('pageSize'), limit, PAGE_SIZES.map((n) => [n, n] as const), (v) => onPageSize(Number(v)), 'field page-size')}
    <span class="range">${rangeText(page, locale)}</span>
    <span class="pager-buttons">${button('firstPage', '«', 0, offset <= 0)}${button('previousPage', '‹', Math.max(0, offset - limit), offset <= 0)}${button('nextPage', '›', Math.min(last, offset + limit), offset >= last)}${button('lastPage', '»', last, offset >= last)}</span>
  </nav>`;
}
