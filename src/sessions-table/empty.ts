/**
 * "No sessions match these filters" (the `empty` slot replaces the sentence): names the filters
 * that caused it, with a way to clear them.
 */
import { html, type TemplateResult } from 'lit';
import type { Organization } from '../core/types.js';
import { orgNames } from '../shared/filters/index.js';
import { str } from '../shared/strings.js';
import type { SessionsFilters } from './query.js';
import { activeAtText } from './toolbar.js';

export function renderEmpty(f: SessionsFilters, locale: string, organizations: readonly Organization[], onClear: () => void): TemplateResult {
  const items = [
    f.q.trim() && str('emptySearch', { q: f.q.trim() }),
    f.licenseSource.length && `${str('licenseSource')}: ${f.licenseSource.join(', ')}`,
    f.organization.length && `${str('organization')}: ${orgNames(f.organization, organizations)}`,
    f.activeAt ? activeAtText(f.activeAt, locale, f.timeZone) : `${str('colStarted')}: ${f.from} – ${f.to}`,
  ];
  // prettier-ignore
  return html`<div class="status empty" part="status" data-kind="empty">
    <div class="status-message"><p class="status-title"><slot name="empty">${str('noSessions')}</slot></p><ul class="empty-filters">${items.filter(Boolean).map((t) => html`<li dir="auto">${t}</li>`)}</ul></div>
    <button class="button" part="clear-button" type="button" @click=${onClear}>${str('clearFilters')}</button>
  </div>`;
}
