/**
 * The toolbar of the session log: the debounced search, the License Source and Organization
 * multi-selects (from the response's facets), the Started date range with presets, the export
 * button and the host's own actions (a slot); under it the `active-at` chip and "Clear filters".
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Organization } from '../core/types.js';
import { todayDays } from '../shared/dates.js';
import { flatOptions, MultiSelect, OrgPicker, renderDateRange } from '../shared/filters/index.js';
import { formatDateTime } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { joinSources, type SessionsFilters } from './query.js';

export const SEARCH_DEBOUNCE_MS = 300;

/** The filters the toolbar sets, as the element's properties. */
export type FilterPatch = Partial<Record<'q' | 'licenseSource' | 'organization' | 'from' | 'to' | 'activeAt', string | null>>;

export interface ToolbarActions {
  change(patch: FilterPatch): void;
  clear(): void;
  export(): void;
}

type Host = ReactiveControllerHost & HTMLElement;

const DATE_TIME_SECONDS: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

export const activeAtText = (activeAt: string, locale: string, zone: string) =>
  str('activeAt', { time: formatDateTime(locale, zone, Date.parse(activeAt), DATE_TIME_SECONDS) });

export class SessionsToolbar implements ReactiveController {
  private readonly sources: MultiSelect;
  private readonly orgs: OrgPicker;
  private draft: string | null = null;
  /** Narrow layouts fold the filters behind a "Filters" button; wide ones always show them. */
  private open = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: Host,
    private readonly actions: ToolbarActions,
  ) {
    host.addController(this);
    this.sources = new MultiSelect(host, {
      id: 'source',
      text: ['licenseSource', 'allLicenseSources', 'searchLicenseSources', 'licenseSourcesSelected', 'noLicenseSourceMatches'],
      onChange: (values) => actions.change({ licenseSource: joinSources(values) || null }),
    });
    this.orgs = new OrgPicker(host, { onChange: (ids) => actions.change({ organization: ids.join(',') || null }) });
  }

  /** A detached element sends nothing: the pending search is dropped. */
  hostDisconnected(): void {
    this.reset();
  }

  /** Sends the search typed so far now (Enter), instead of after the debounce. */
  flush(): void {
    const q = this.draft;
    this.reset();
    if (q !== null) this.actions.change({ q: q.trim() ? q : null });
  }

  /** Drops a pending search (the host set `q`, or filters were cleared). */
  reset(): void {
    clearTimeout(this.timer);
    this.draft = null;
  }

  private readonly onInput = (event: Event) => {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), SEARCH_DEBOUNCE_MS);
  };

  /**
   * The toolbar. Positional arguments rather than one state object: the element is the one caller,
   * and the bundle would otherwise carry every name twice.
   *
   * @param f The filters in force.
   * @param locale The locale of the `active-at` chip.
   * @param licenseSources The License Source filter's options.
   * @param organizations The Organization filter's options.
   * @param canExport Whether the export button is enabled.
   * @param offerClear Whether the toolbar offers "Clear filters" (the empty state has its own).
   */
  render(f: SessionsFilters, locale: string, licenseSources: readonly string[], organizations: readonly Organization[], canExport: boolean, offerClear: boolean): TemplateResult {
    const chip = f.activeAt && activeAtText(f.activeAt, locale, f.timeZone);
    // The filters the toolbar's button counts (folded in a narrow element), and with the search what "Clear filters" clears.
    const count = f.licenseSource.length + f.organization.length + (chip ? 1 : 0);
    const clear = offerClear && (f.q.trim() || count);
    const open = this.open;
    // prettier-ignore
    return html`<div class="toolbar" part="toolbar">
        <div class="field search" part="search"><label class="field-label" for="search">${str('search')}</label><input id="search" type="search" autocomplete="off" spellcheck="false" placeholder=${str('searchPlaceholder')} .value=${live(this.draft ?? f.q)} @input=${this.onInput} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && this.flush()} /></div>
        <button class="button filters-toggle" type="button" aria-expanded=${open} aria-controls="filters" @click=${() => {
          this.open = !open;
          this.host.requestUpdate();
        }}>${str('filters')}${count ? html` <span class="count">(${count})</span>` : nothing} <span aria-hidden="true">${open ? '▴' : '▾'}</span></button>
        <div class="filters ${open ? 'open' : ''}" id="filters" part="filters">
          ${this.sources.render(flatOptions(licenseSources), f.licenseSource)}
          ${this.orgs.render(organizations, f.organization)}
          ${renderDateRange({ id: 'started', range: f, today: todayDays(f.timeZone), onChange: ({ from, to }) => this.actions.change({ from, to }), disabled: !!f.activeAt })}
        </div>
        <div class="actions" part="actions"><button class="button" part="export-button" type="button" ?disabled=${!canExport} @click=${() => this.actions.export()}><svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M8 1v9m-4-4 4 4 4-4M2 12v2h12v-2" /></svg>${str('exportCsv')}</button><slot name="actions"></slot></div>
      </div>
      ${chip || clear
        ? html`<div class="chips">${chip
            ? html`<span class="chip" part="chip"><span>${chip}</span><button class="chip-remove" type="button" aria-label=${str('removeFilter', { name: chip })} @click=${() => this.actions.change({ activeAt: null })}><span aria-hidden="true">✕</span></button></span>`
            : nothing}${clear ? html`<button class="link" part="clear-button" type="button" @click=${() => this.actions.clear()}>${str('clearFilters')}</button>` : nothing}</div>`
        : nothing}`;
  }
}
