/**
 * The toolbar of the session log: the debounced search, the License Source and Organization
 * multi-selects (from the response's facets), the Started date range with presets, the
 * `active-at` chip, "Clear filters" and the export button.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Organization } from '../core/types.js';
import type { DateRange } from '../shared/dates.js';
import { flatOptions, MultiSelect, OrgPicker, renderDateRange } from '../shared/filters/index.js';
import { formatDateTime } from '../shared/format.js';
import { str } from '../shared/strings.js';

export const SEARCH_DEBOUNCE_MS = 300;

export interface ToolbarState {
  q: string;
  licenseSource: string[];
  organization: string[];
  range: DateRange;
  activeAt: string | null;
  today: number;
  locale: string;
  zone: string;
  licenseSources: readonly string[];
  organizations: readonly Organization[];
  canExport: boolean;
  /** Whether the toolbar offers "Clear filters" (the empty state has its own). */
  offerClear: boolean;
  exporting: boolean;
}

export interface ToolbarActions {
  search(q: string): void;
  licenseSource(values: string[]): void;
  organization(ids: string[]): void;
  range(range: DateRange): void;
  clearActiveAt(): void;
  clear(): void;
  export(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export function hasFilters(s: Pick<ToolbarState, 'q' | 'licenseSource' | 'organization' | 'activeAt'>): boolean {
  return Boolean(s.q.trim() || s.licenseSource.length || s.organization.length || s.activeAt);
}

export function activeAtText(activeAt: string, locale: string, zone: string): string {
  return str('activeAt', { time: formatDateTime(locale, zone, Date.parse(activeAt), { dateStyle: 'medium', timeStyle: 'medium' }) });
}

export class SessionsToolbar implements ReactiveController {
  private readonly sources: MultiSelect;
  private readonly orgs: OrgPicker;
  private draft: string | null = null;
  /** Narrow layouts fold the filters behind a "Filters" button; wide ones always show them. */
  private filtersOpen = false;
  private readonly host: Host;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly actions: ToolbarActions;

  constructor(host: Host, actions: ToolbarActions) {
    this.host = host;
    this.actions = actions;
    host.addController(this);
    this.sources = new MultiSelect(host, {
      id: 'source',
      label: () => str('licenseSource'),
      allLabel: () => str('allLicenseSources'),
      searchLabel: () => str('searchLicenseSources'),
      countLabel: (count) => str('licenseSourcesSelected', { count }),
      emptyLabel: () => str('noLicenseSourceMatches'),
      onChange: (values) => actions.licenseSource(values),
    });
    this.orgs = new OrgPicker(host, { id: 'org', onChange: (ids) => actions.organization(ids) });
  }

  /** A detached element sends nothing: the pending search is dropped. */
  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Sends the search typed so far now (Enter), instead of after the debounce. */
  flush(): void {
    clearTimeout(this.timer);
    if (this.draft !== null) {
      const q = this.draft;
      this.draft = null;
      this.actions.search(q);
    }
  }

  /** Drops a pending search (the host set `q`, or filters were cleared). */
  reset(): void {
    clearTimeout(this.timer);
    this.draft = null;
  }

  private onInput = (event: Event) => {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SEARCH_DEBOUNCE_MS);
  };

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') this.flush();
  };

  render(s: ToolbarState): TemplateResult {
    const filtered = hasFilters(s) && s.offerClear;
    const count = s.licenseSource.length + s.organization.length + (s.activeAt ? 1 : 0);
    return html`<div class="toolbar" part="toolbar">
        <div class="field search" part="search">
          <label class="field-label" for="search">${str('search')}</label>
          <input id="search" type="search" autocomplete="off" spellcheck="false" placeholder=${str('searchPlaceholder')}
            .value=${live(this.draft ?? s.q)} @input=${this.onInput} @keydown=${this.onKeydown} />
        </div>
        <button class="button filters-toggle" type="button" aria-expanded=${this.filtersOpen ? 'true' : 'false'} aria-controls="filters"
          @click=${() => {
            this.filtersOpen = !this.filtersOpen;
            this.host.requestUpdate();
          }}>
          ${str('filters')}${count ? html` <span class="count">(${count})</span>` : nothing}
          <span aria-hidden="true">${this.filtersOpen ? '▴' : '▾'}</span>
        </button>
        <div class="filters ${this.filtersOpen ? 'open' : ''}" id="filters" part="filters">
          ${this.sources.render(flatOptions(s.licenseSources.length ? s.licenseSources : s.licenseSource), s.licenseSource)}
          ${this.orgs.render(s.organizations, s.organization)}
          ${renderDateRange({ id: 'started', range: s.range, today: s.today, onChange: (r) => this.actions.range(r), disabled: Boolean(s.activeAt) })}
        </div>
        <button class="button export-button" part="export-button" type="button" ?disabled=${!s.canExport || s.exporting}
          @click=${() => this.actions.export()}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M8 1v9m-4-4 4 4 4-4M2 12v2h12v-2" /></svg>
          ${str('exportCsv')}
        </button>
      </div>
      ${s.activeAt || filtered
        ? html`<div class="chips">
            ${s.activeAt
              ? html`<span class="chip" part="chip">
                  <span>${activeAtText(s.activeAt, s.locale, s.zone)}</span>
                  <button class="chip-remove" type="button" aria-label=${str('removeFilter', { name: activeAtText(s.activeAt, s.locale, s.zone) })}
                    @click=${() => this.actions.clearActiveAt()}><span aria-hidden="true">✕</span></button>
                </span>`
              : nothing}
            ${filtered
              ? html`<button class="link clear" part="clear-button" type="button" @click=${() => this.actions.clear()}>${str('clearFilters')}</button>`
              : nothing}
          </div>`
        : nothing}`;
  }
}
