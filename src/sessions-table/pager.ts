/**
 * Server-side paging: the page-size choice, "1–50 of 12,345" and first/previous/next/last.
 * Buttons at an end are `aria-disabled` rather than disabled, so keyboard focus stays on them.
 */
import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatInteger } from '../shared/format.js';
import { str, type StringKey } from '../shared/strings.js';
import { PAGE_SIZES } from './query.js';

export interface PagerOptions {
  offset: number;
  limit: number;
  total: number;
  locale: string;
  onOffset: (offset: number) => void;
  onPageSize: (size: number) => void;
}

/** "1–50 of 12,345" (empty for no rows). */
export function rangeText({ offset, limit, total, locale }: Pick<PagerOptions, 'offset' | 'limit' | 'total' | 'locale'>): string {
  if (total === 0) return str('noSessions');
  return str('resultCount', {
    first: formatInteger(locale, offset + 1),
    last: formatInteger(locale, Math.min(offset + limit, total)),
    total: formatInteger(locale, total),
  });
}

export function renderPager(o: PagerOptions): TemplateResult {
  const lastOffset = Math.max(0, Math.floor((o.total - 1) / o.limit) * o.limit);
  const atStart = o.offset <= 0;
  const atEnd = o.offset >= lastOffset;
  const button = (label: StringKey, icon: string, target: number, off: boolean) =>
    html`<button class="button icon" type="button" data-page=${label} aria-label=${str(label)} title=${str(label)}
      aria-disabled=${off ? 'true' : 'false'} @click=${() => !off && o.onOffset(target)}>
      <span aria-hidden="true">${icon}</span>
    </button>`;
  return html`<nav class="pager" part="pager" aria-label=${str('pagination')}>
    <label class="field page-size">
      <span class="field-label">${str('pageSize')}</span>
      <select .value=${live(String(o.limit))} @change=${(e: Event) => o.onPageSize(Number((e.target as HTMLSelectElement).value))}>
        ${PAGE_SIZES.map((n) => html`<option value=${n} ?selected=${n === o.limit}>${n}</option>`)}
      </select>
    </label>
    <span class="range">${rangeText(o)}</span>
    <span class="pager-buttons">
      ${button('firstPage', '«', 0, atStart)}
      ${button('previousPage', '‹', Math.max(0, o.offset - o.limit), atStart)}
      ${button('nextPage', '›', Math.min(lastOffset, o.offset + o.limit), atEnd)}
      ${button('lastPage', '»', lastOffset, atEnd)}
    </span>
  </nav>`;
}
