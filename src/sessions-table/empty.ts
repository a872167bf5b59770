/**
 * "No sessions match these filters": names the filters that caused it, with a way to clear them.
 */
import { html, type TemplateResult } from 'lit';
import type { Organization } from '../core/types.js';
import { str } from '../shared/strings.js';
import type { SessionsFilters } from './query.js';
import { activeAtText } from './toolbar.js';

export interface EmptyOptions {
  filters: SessionsFilters;
  locale: string;
  organizations: readonly Organization[];
  onClear: () => void;
}

export function renderEmpty({ filters: f, locale, organizations, onClear }: EmptyOptions): TemplateResult {
  const names = new Map(organizations.map((o) => [o.id, o.name]));
  const items: string[] = [];
  if (f.q.trim()) items.push(str('emptySearch', { q: f.q.trim() }));
  if (f.licenseSource.length) items.push(`${str('licenseSource')}: ${f.licenseSource.join(', ')}`);
  if (f.organization.length) items.push(`${str('organization')}: ${f.organization.map((id) => names.get(id) ?? id).join(', ')}`);
  items.push(f.activeAt ? activeAtText(f.activeAt, locale, f.timeZone) : `${str('colStarted')}: ${f.from} – ${f.to}`);
  return html`<div class="status empty" part="status" data-kind="empty">
    <div class="status-message">
      <p class="status-title">${str('noSessions')}</p>
      <ul class="empty-filters">
        ${items.map((t) => html`<li dir="auto">${t}</li>`)}
      </ul>
    </div>
    <button class="button" part="clear-button" type="button" @click=${onClear}>${str('clearFilters')}</button>
  </div>`;
}
