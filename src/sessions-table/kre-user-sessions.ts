import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { sessionsCsvFileName } from '../core/csv.js';
import { PRODUCTS, SORT_FIELDS, type Product, type SortField } from '../core/types.js';
import { daysToCivil, formatCivilDate, localDays, parseInstant } from '../core/tz.js';
import { checkSessionsResponse } from '../shared/check-response.js';
import { todayDays, type DateRange } from '../shared/dates.js';
import { emit, type FilterState } from '../shared/events.js';
import { filterStyles } from '../shared/filters/index.js';
import { ReportElement } from '../shared/report-element.js';
import { renderError, renderNoEndpoint } from '../shared/status.js';
import { str } from '../shared/strings.js';
import { reportStyles } from '../shared/styles.js';
import { sessionsTask, type SessionsPage } from './data.js';
import { renderEmpty } from './empty.js';
import { SessionsExport } from './export.js';
import { rangeText, renderPager } from './pager.js';
import { firstOrder, isSortField, joinSources, splitSources, normalInstant, normalOrder, normalPageSize, normalSort, sessionsParams, type SessionsFilters } from './query.js';
import { renderNotices, type AttributeNotice } from '../shared/notices.js';
import { PageContextController } from '../shared/page-context.js';
import { ActiveClock } from './clock.js';
import { sessionsStyles } from './sessions.styles.js';
import { renderTable } from './table.js';
import { tableStyles } from './table.styles.js';
import { SessionsToolbar } from './toolbar.js';

/** Properties whose change is a new query: back to page one. */
const QUERY_KEYS = ['endpoint', 'product', 'from', 'to', 'timeZone', 'organization', 'q', 'licenseSource', 'activeAt', 'sort', 'order', 'pageSize'];

/** Filter options before the first page of an endpoint has arrived. */
const NO_FACETS: SessionsPage['response']['facets'] = { licenseSources: [], organizations: [] };

/**
 * The session log of KRE (or TestCloud) licenses: who holds a session, from which organization,
 * on which machine and for how long, with search, filters, server-side sorting and paging, and
 * an export of every matching row as CSV (CONTRACT 2, 3.2, 4, 6).
 *
 * Every column shows without sideways scrolling: from 70em of content width (980 px at the
 * default font size) as a table whose long values wrap to two lines, below it as one card per
 * session with every field labelled and a sort choice.
 *
 * @summary A searchable, filterable, sortable table of license sessions with CSV export.
 * @tagname kre-user-sessions
 *
 * @fires kre-filter-change - A filter, the search or the sort changed in the UI; `detail` is the whole filter state.
 * @fires kre-export - Before an export starts (cancelable); `detail` has the file name and filters.
 *
 * @slot title - Replaces the heading's text.
 *
 * @csspart title - The heading.
 * @csspart caption - The table's caption: the sort and the time zone of the times.
 * @csspart notices - Attribute values the element cannot use, and what it uses instead.
 * @csspart error-detail - The technical detail of an unreadable response (a disclosure).
 * @csspart toolbar - The row of search, filters and the export button.
 * @csspart search - The search field (label and input).
 * @csspart filters - The License Source, Organization and date range filters.
 * @csspart filter-button - The button of a multi-select filter.
 * @csspart filter-panel - The open panel of a multi-select filter.
 * @csspart date-range - The date range fieldset.
 * @csspart chip - The removable `active-at` chip.
 * @csspart clear-button - The "Clear filters" action.
 * @csspart export-button - The "Export CSV" button.
 * @csspart export-status - The export progress or outcome.
 * @csspart progress - The export progress bar.
 * @csspart cancel-button - The export's Cancel button.
 * @csspart card-sort - The sort choice of the card layout (a narrow element shows each session as a card).
 * @csspart table-scroller - The box around the table (it scrolls when `--kre-sessions-max-height` limits it).
 * @csspart table - The `<table>`.
 * @csspart header-cell - A column header `<th>`.
 * @csspart row - A body row.
 * @csspart row-active - A row of a session still active (also has part `row`).
 * @csspart cell - A body cell.
 * @csspart badge - The "Active" badge.
 * @csspart match - The highlighted part of a cell that matches the search.
 * @csspart pager - The paging bar.
 * @csspart toast - The note that an id was copied.
 * @csspart status - A state panel (no endpoint, empty, error).
 * @csspart retry-button - The retry button of an error.
 *
 * @cssprop [--kre-font-family=system-ui, sans-serif] - Font of the element.
 * @cssprop [--kre-font-size=14px] - Base font size.
 * @cssprop [--kre-color-text=#1d2433] - Text colour.
 * @cssprop [--kre-color-text-muted=#5b6578] - Secondary text (labels, header).
 * @cssprop [--kre-color-surface=#ffffff] - Background.
 * @cssprop [--kre-color-surface-muted=#f3f5f9] - Header, hover and skeleton background.
 * @cssprop [--kre-color-border=#d8dde6] - Borders and row rules.
 * @cssprop [--kre-color-border-strong=#9aa4b5] - Borders of inputs and buttons.
 * @cssprop [--kre-color-accent=#2f6fde] - Accent: sort icon, progress, links, focus ring.
 * @cssprop [--kre-color-focus=var(--kre-color-accent)] - Focus ring.
 * @cssprop [--kre-color-danger=#c62828] - Error border.
 * @cssprop [--kre-color-highlight=#fff0a8] - Background of search matches.
 * @cssprop [--kre-color-active=#1f7a45] - The "Active" badge.
 * @cssprop [--kre-color-active-surface=#e3f4ea] - The "Active" badge background.
 * @cssprop [--kre-color-scheme=light] - `color-scheme` of native inputs (`dark` in a dark theme).
 * @cssprop [--kre-radius=8px] - Corner radius of the element.
 * @cssprop [--kre-spacing=16px] - Padding of the element.
 * @cssprop [--kre-sessions-max-height=none] - Height limit of the table box (it scrolls inside).
 * @cssprop [--kre-sessions-table-min-width=0px] - A minimum width of the table: below it, the table scrolls sideways inside the element.
 * @cssprop [--kre-sessions-col-user=12%] - Width of the User column (long text wraps to two lines).
 * @cssprop [--kre-sessions-col-email=auto] - Width of the Email column (`auto`: Email and Organization share the room the other columns leave).
 * @cssprop [--kre-sessions-col-session-id=6.5em] - Width of the Session ID column.
 * @cssprop [--kre-sessions-col-machine-id=6.5em] - Width of the Machine ID column.
 * @cssprop [--kre-sessions-col-license-source=7em] - Width of the License Source column.
 * @cssprop [--kre-sessions-col-organization=auto] - Width of the Organization column.
 * @cssprop [--kre-sessions-col-license-type=7em] - Width of the License Type column.
 * @cssprop [--kre-sessions-col-time=6.5em] - Width of the Started and Ended columns (10em where the element's content is 100em wide or more).
 * @cssprop [--kre-sessions-col-duration=6.5em] - Width of the Duration column.
 * @cssprop [--kre-color-row-hover=var(--kre-color-surface-muted)] - Background of the row under the pointer.
 * @cssprop [--kre-font-family-mono=ui-monospace, monospace] - Font of the ids.
 * @cssprop [--kre-color-skeleton=var(--kre-color-border)] - The placeholder bars while loading.
 * @cssprop [--kre-color-accent-surface=#e8effc] - Background of the `active-at` chip.
 */
export class KreUserSessions extends ReportElement {
  static override styles = [reportStyles, filterStyles, sessionsStyles, tableStyles];

  /** Search text: a case-insensitive substring of user name, email, session id or machine id. */
  @property({ reflect: true }) q: string | null = null;

  /** Comma-separated license sources to filter on (a comma inside a name is written `\,`). Default: all. */
  @property({ attribute: 'license-source', reflect: true }) licenseSource: string | null = null;

  /** An ISO 8601 instant: only the sessions active then (replaces the date range). */
  @property({ attribute: 'active-at', reflect: true }) activeAt: string | null = null;

  /** Sort column: `user`, `email`, `sessionId`, `machineId`, `licenseSource`, `organization`, `licenseType`, `started` (default), `ended`, `duration`. */
  @property({ reflect: true }) sort: string | null = null;

  /** Sort order: `asc` or `desc` (default). */
  @property({ reflect: true }) order: string | null = null;

  /** Rows per page: 25, 50 (default), 100 or 250. */
  @property({ attribute: 'page-size', type: Number }) pageSize = 50;

  /** The heading over the table. Default: "KRE user sessions" (or TestCloud's). */
  @property() heading: string | null = null;

  private _product: Product = 'kre';
  /** The value the host set, kept to name it in a notice when it is not a product. */
  private rawProduct: string | null = null;

  /** The product whose sessions are listed: `kre` (default) or `testcloud`. */
  @property({ reflect: true })
  get product(): Product {
    return this._product;
  }
  set product(value: Product) {
    const old = this._product;
    this.rawProduct = value ?? null;
    this._product = value === 'testcloud' ? 'testcloud' : 'kre';
    this.requestUpdate('product', old);
  }

  @state() private offset = 0;
  @state() private now = Date.now();
  @state() private notice = '';
  private noticeTimer: ReturnType<typeof setTimeout> | undefined;

  private readonly data = sessionsTask(this, {
    args: () => [this.endpoint, this.product, sessionsParams(this.filters, this.offset, normalPageSize(this.pageSize)), this.fetch],
    load: (params, signal) => this.request('sessions', params, signal),
    onComplete: (page) => this.received(page),
  });

  private readonly exporter = new SessionsExport(this);

  constructor() {
    super();
    // Active durations count on, while an active session is on screen.
    new ActiveClock(
      this,
      () => this.data.status === TaskStatus.COMPLETE && Boolean(this.page?.response.items.some((s) => s.ended === null)),
      () => (this.now = Date.now()),
    );
    // `setStrings`, `dir` and `lang` changes render the element again.
    new PageContextController(this);
  }

  private readonly toolbar = new SessionsToolbar(this, {
    search: (q) => this.changeFilters({ q: q.trim() ? q : null }),
    licenseSource: (values) => this.changeFilters({ licenseSource: joinSources(values) || null }),
    organization: (ids) => this.changeFilters({ organization: ids.join(',') || null }),
    range: (r: DateRange) => this.changeFilters({ from: r.from, to: r.to }),
    clearActiveAt: () => this.changeFilters({ activeAt: null }),
    clear: () => this.clearFilters(),
    export: () => void this.exportCsv(),
  });

  /** The filter state in force, normalised (invalid attribute values fall back to defaults). */
  private get filters(): SessionsFilters {
    const { from, to } = this.range;
    return {
      from,
      to,
      timeZone: this.zone,
      organization: this.organizationIds,
      q: this.q ?? '',
      licenseSource: splitSources(this.licenseSource),
      activeAt: normalInstant(this.activeAt),
      sort: normalSort(this.sort),
      order: normalOrder(this.order),
    };
  }

  override filterState(): FilterState {
    const f = this.filters;
    return { ...super.filterState(), q: f.q, licenseSource: f.licenseSource, activeAt: f.activeAt, sort: f.sort, order: f.order, product: this.product };
  }

  /** Clears the search, License Source, Organization and `active-at` (the date range stays). */
  clearFilters(): void {
    this.toolbar.reset();
    this.changeFilters({ q: null, licenseSource: null, organization: null, activeAt: null });
  }

  /**
   * Exports every row matching the filters as CSV (CONTRACT 6), after a cancelable `kre-export`.
   * Resolves when the file is saved, the export is cancelled or it failed (shown in the element).
   */
  async exportCsv(): Promise<void> {
    if (!this.endpoint || this.exporter.running) return;
    const f = this.filters;
    // A drill-down's file is named after the day of its instant in the element's zone.
    const day = f.activeAt ? formatCivilDate(daysToCivil(localDays(f.timeZone, parseInstant(f.activeAt)))) : null;
    const fileName = sessionsCsvFileName(this.product, day ?? f.from, day ?? f.to);
    if (!emit(this, 'kre-export', { format: 'csv', fileName, product: this.product, filters: this.filterState() }, { cancelable: true })) return;
    await this.exporter.start({
      fileName,
      timeZone: f.timeZone,
      locale: this.resolvedLocale,
      fetchPage: async (offset, limit, asOf, signal) =>
        checkSessionsResponse(await this.request('sessions', sessionsParams(f, offset, limit, asOf), signal)),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.noticeTimer);
  }

  protected override collectNotices(): AttributeNotice[] {
    const notices = super.collectNotices();
    const f = this.filters;
    if (this.rawProduct !== null && !PRODUCTS.includes(this.rawProduct as Product)) {
      notices.push({ attribute: 'product', value: this.rawProduct, problem: str('problemOneOf', { values: PRODUCTS.join(', ') }), using: this.product });
    }
    if (this.sort !== null && !isSortField(this.sort)) {
      notices.push({ attribute: 'sort', value: this.sort, problem: str('problemOneOf', { values: SORT_FIELDS.join(', ') }), using: f.sort });
    }
    if (this.order !== null && this.order !== 'asc' && this.order !== 'desc') {
      notices.push({ attribute: 'order', value: this.order, problem: str('problemOneOf', { values: 'asc, desc' }), using: f.order });
    }
    if (this.activeAt && !f.activeAt) {
      notices.push({ attribute: 'active-at', value: this.activeAt, problem: str('problemInstant'), using: str('usingDateRange', { from: f.from, to: f.to }) });
    }
    return notices;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.hasUpdated && QUERY_KEYS.some((k) => changed.has(k as keyof KreUserSessions))) this.offset = 0;
    if (changed.has('q' as keyof KreUserSessions)) this.toolbar.reset();
  }

  /** The page on screen: the last one received, unless it came from another endpoint or product. */
  private get page(): SessionsPage | undefined {
    const page = this.data.value;
    return page && page.endpoint === this.endpoint && page.product === this.product ? page : undefined;
  }

  private received(page: SessionsPage): void {
    this.now = page.receivedAt;
    const { total, items, limit } = page.response;
    // The list shrank under the page on screen: go to its last page.
    if (total > 0 && items.length === 0 && this.offset > 0) this.offset = Math.floor((total - 1) / limit) * limit;
  }

  private sortBy(field: SortField): void {
    const f = this.filters;
    const order = f.sort === field ? (f.order === 'asc' ? 'desc' : 'asc') : firstOrder(field);
    this.changeFilters({ sort: field, order });
  }

  /** A copy button in the table copies its text (the whole id, whatever the search marks in it). */
  private copy = (event: Event): void => {
    const button = (event.target as Element).closest?.('button.copy');
    const value = button?.textContent;
    if (value == null) return;
    navigator.clipboard?.writeText(value).then(
      () => this.say(str('copiedValue', { value })),
      () => this.say(''),
    );
  };

  /** Shows and announces a short note (a copy), for a few seconds. */
  private say(notice: string): void {
    this.notice = notice;
    clearTimeout(this.noticeTimer);
    if (notice) this.noticeTimer = setTimeout(() => (this.notice = ''), 4000);
  }

  override render(): TemplateResult {
    const title = html`<h2 class="title" id="title" part="title"><slot name="title">${this.heading || str(this.product === 'testcloud' ? 'testcloudSessionsTitle' : 'kreSessionsTitle')}</slot></h2>`;
    if (!this.endpoint) return html`${title}${renderNotices(this.notices)}${renderNoEndpoint()}`;
    const f = this.filters;
    const locale = this.resolvedLocale;
    const page = this.page;
    const facets = page?.response.facets ?? NO_FACETS;
    const status = this.data.status;
    const pageSize = normalPageSize(this.pageSize);
    const selectedSources = [...new Set([...facets.licenseSources, ...f.licenseSource])];
    return html`${title}${this.toolbar.render({
        ...f,
        range: { from: f.from, to: f.to },
        today: todayDays(f.timeZone),
        locale,
        zone: f.timeZone,
        licenseSources: selectedSources,
        organizations: facets.organizations,
        canExport: status === TaskStatus.COMPLETE && (page?.response.total ?? 0) > 0,
        exporting: this.exporter.running,
        offerClear: !(status === TaskStatus.COMPLETE && page?.response.total === 0),
      })}
      ${renderNotices(this.notices)}
      ${this.exporter.render(locale, () => void this.exportCsv())}
      <div class="visually-hidden" role="status">${status === TaskStatus.COMPLETE && page ? rangeText({ ...page.response, locale }) : ''}</div>
      <div class="visually-hidden" role="status">${this.exporter.announcement}</div>
      ${status === TaskStatus.ERROR ? renderError(this.data.error, () => void this.data.run()) : this.body(page, status === TaskStatus.PENDING, f, locale, pageSize)}
      <div class="toast" part="toast" role="status">${this.notice}</div>`;
  }

  private body(page: SessionsPage | undefined, busy: boolean, f: SessionsFilters, locale: string, pageSize: number): TemplateResult | typeof nothing {
    const response = page?.response;
    if (response && response.total === 0 && !busy) {
      return renderEmpty({ filters: f, locale, organizations: response.facets.organizations, onClear: () => this.clearFilters() });
    }
    return html`${renderTable({
        items: response ? response.items : null,
        ctx: { locale, zone: f.timeZone, asOf: response ? parseInstant(response.asOf) : 0, elapsed: page ? Math.max(0, this.now - page.receivedAt) : 0, q: f.q },
        sort: f.sort,
        order: f.order,
        busy,
        onSort: (field) => this.sortBy(field),
        onSortChange: (sort, order) => this.changeFilters({ sort, order }),
        onCopy: this.copy,
        skeletonRows: Math.min(pageSize, 10),
      })}
      ${response && response.total > 0
        ? renderPager({
            // The offset of the rows on screen: while the next page loads, the pager still describes these.
            offset: response.offset,
            limit: pageSize,
            total: response.total,
            locale,
            onOffset: (offset) => (this.offset = offset),
            onPageSize: (size) => (this.pageSize = normalPageSize(size)),
          })
        : nothing}`;
  }
}
