import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { sessionsCsvFileName } from '../core/file-names.js';
import { SORT_FIELDS, SORT_ORDERS, type SessionsResponse, type SortField, type SortOrder } from '../core/types.js';
import { formatInstant, parseInstant } from '../core/tz.js';
import { checkSessionsResponse } from '../shared/check-response.js';
import { failedText } from '../shared/download.js';
import { emit, type FilterState } from '../shared/events.js';
import { filterStyles } from '../shared/filters/index.js';
import { renderNotices, type AttributeNotice } from '../shared/notices.js';
import { ProductReportElement } from '../shared/product-element.js';
import { reportTask, sameSource } from '../shared/report-task.js';
import { SlowRequest } from '../shared/slow.js';
import { renderError, renderNoEndpoint } from '../shared/status.js';
import { str } from '../shared/strings.js';
import { reportStyles } from '../shared/styles.js';
import { ActiveClock } from './clock.js';
import { renderEmpty } from './empty.js';
import type { SessionsExport } from './export.js';
import { rangeText, renderPager } from './pager.js';
import { EXPORT_PAGE, firstOrder, lastOffset, normalInstant, normalOrder, normalPageSize, normalSort, PAGE_SIZES, sessionsParams, splitSources, type PageSize, type SessionsFilters } from './query.js';
import { sessionsStyles } from './sessions.styles.js';
import { renderTable } from './table.js';
import { tableStyles } from './table.styles.js';
import { SessionsToolbar } from './toolbar.js';

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
 * @slot actions - Extra actions of the host, after the built-in one (Export CSV) in the toolbar.
 * @slot empty - Replaces the sentence of the empty state (no session matches the filters); the filters in force and "Clear filters" stay.
 *
 * @csspart title - The heading.
 * @csspart caption - The table's caption: the sort and the time zone of the times.
 * @csspart notices - Attribute values the element cannot use, and what it uses instead.
 * @csspart error-detail - The technical detail of an unreadable response (a disclosure).
 * @csspart toolbar - The row of search, filters and actions.
 * @csspart search - The search field (label and input).
 * @csspart filters - The License Source, Organization and date range filters.
 * @csspart filter-button - The button of a multi-select filter.
 * @csspart filter-panel - The open panel of a multi-select filter.
 * @csspart source-button - The button of the License Source filter (also has part `filter-button`).
 * @csspart source-panel - The open panel of the License Source filter (also has part `filter-panel`).
 * @csspart organization-button - The button of the Organization filter (also has part `filter-button`).
 * @csspart organization-panel - The open panel of the Organization filter (also has part `filter-panel`).
 * @csspart date-range - The date range fieldset.
 * @csspart actions - The export button and the host's actions (slot `actions`).
 * @csspart export-button - The "Export CSV" button.
 * @csspart chip - The removable `active-at` chip.
 * @csspart clear-button - The "Clear filters" action.
 * @csspart export-status - The export progress or outcome.
 * @csspart progress - The export progress bar.
 * @csspart cancel-button - The export's Cancel button, and Cancel of a request that takes long.
 * @csspart slow-note - "Still waiting for the report service…" after 5 s, with Cancel.
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
 * @cssprop [--kre-color-text=#1d2433] - Text color.
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
 * @cssprop [--kre-color-highlight-text=inherit] - Text of search matches.
 * @cssprop [--kre-color-link=var(--kre-color-accent)] - Links and text buttons ("Clear filters").
 * @cssprop [--kre-color-danger-surface=#fdecec] - Background of an error.
 * @cssprop [--kre-color-danger-text=#8a1c1c] - Text of an error and of a refused date.
 * @cssprop [--kre-color-warning=#b26a00] - Edge of an attribute notice.
 * @cssprop [--kre-color-warning-surface=#fff4e0] - Background of an attribute notice.
 * @cssprop [--kre-color-warning-text=#5c3700] - Text of an attribute notice.
 * @cssprop [--kre-shadow=0 6px 24px rgb(15 23 42 / 0.16)] - Shadow of open panels.
 * @cssprop [--kre-border-width=1px] - Width of the element's border.
 * @cssprop [--kre-radius-small=6px] - Corner radius of buttons, inputs, chips and the table box.
 * @cssprop [--kre-spacing-small=12px] - Gap between the element's sections.
 * @cssprop [--kre-toolbar-gap=8px 12px] - Gap between the toolbar's filters and actions.
 */
export class KreUserSessions extends ProductReportElement {
  static override styles = [reportStyles, filterStyles, sessionsStyles, tableStyles];

  /** Search text: a case-insensitive substring of user name, email, session id or machine id. */
  @property({ reflect: true }) q: string | null = null;

  /** Comma-separated license sources to filter on (a comma or backslash inside a name is escaped with a backslash). Default: all. */
  @property({ attribute: 'license-source', reflect: true }) licenseSource: string | null = null;

  /** An ISO 8601 instant: only the sessions active then (replaces the date range). */
  @property({ attribute: 'active-at', reflect: true }) activeAt: string | null = null;

  /** Sort column. Default: `started`. */
  @property({ reflect: true }) sort: SortField | null = null;

  /** Sort order. Default: `desc`. */
  @property({ reflect: true }) order: SortOrder | null = null;

  /** Rows per page. Default: 50. */
  @property({ attribute: 'page-size', type: Number }) pageSize: PageSize = 50;

  /** The heading over the table. Default: "KRE user sessions" (or TestCloud's). */
  @property() heading: string | null = null;

  @state() private offset = 0;
  @state() private now = Date.now();
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  /** The last response received, and when it arrived: active durations count on from its `asOf`. */
  private got: SessionsResponse | undefined;
  private gotAt = 0;

  /** The query in force but its offset, as a key: endpoint, product and the page's parameters. A new one starts at page one. */
  private query = '';

  /** The page of sessions: a change of the query or the offset starts a new request and aborts the older one. */
  private readonly data = reportTask(
    this,
    () => [this.endpoint, this.product, this.query, this.offset, this.fetch] as const,
    ([endpoint, , query, offset], signal) =>
      endpoint ? this.request('sessions', { ...JSON.parse(query)[2], offset }, signal).then(checkSessionsResponse) : undefined,
  );

  private readonly slow = new SlowRequest(this, this.data);

  /** The CSV export, from the first one on: its code loads then (with core's CSV writer). */
  private csv: SessionsExport | null = null;
  /** Whether the export's code is loading (the first export). */
  private loading = false;

  private readonly toolbar = new SessionsToolbar(this, {
    change: (patch) => this.changeFilters(patch),
    clear: () => this.clearFilters(),
    export: () => void this.exportCsv(),
  });

  constructor() {
    super();
    // Active durations count on, while an active session is on screen.
    new ActiveClock(
      this,
      () => this.data.status === TaskStatus.COMPLETE && !!this.page?.items.some((s) => s.ended === null),
      () => (this.now = Date.now()),
    );
  }

  /** The filter state in force, normalised (invalid attribute values fall back to defaults). */
  private get filters(): SessionsFilters {
    return {
      ...this.range,
      timeZone: this.zone,
      organization: this.organizationIds,
      q: this.q ?? '',
      licenseSource: splitSources(this.licenseSource),
      activeAt: normalInstant(this.activeAt),
      sort: normalSort(this.sort),
      order: normalOrder(this.order),
    };
  }

  /**
   * The shared state with the session log's own filters after it. `filters` repeats the shared
   * keys (range, zone, organizations) with the same values, so they keep their place and value.
   */
  override filterState(): FilterState {
    return { ...super.filterState(), ...this.filters };
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
    if (!this.endpoint || this.loading || this.csv?.running) return;
    const f = this.filters;
    // A drill-down's file is named after the day of its instant in the element's zone.
    const day = f.activeAt && formatInstant(parseInstant(f.activeAt), f.timeZone).slice(0, 10);
    const fileName = sessionsCsvFileName(this.product, day || f.from, day || f.to);
    if (!emit(this, 'kre-export', { format: 'csv', fileName, product: this.product, filters: this.filterState() }, { cancelable: true })) return;
    if (!this.csv) {
      this.loading = true;
      try {
        this.csv = new (await this.loadOnDemand()).SessionsExport(this);
      } catch (error) {
        this.say(failedText('exportFailed', error));
        return;
      } finally {
        this.loading = false;
      }
    }
    await this.csv.start(fileName, f.timeZone, this.resolvedLocale, async (offset, asOf, signal) =>
      checkSessionsResponse(await this.request('sessions', sessionsParams(f, offset, EXPORT_PAGE, asOf), signal)),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.toastTimer);
  }

  protected override collectNotices(): AttributeNotice[] {
    const notices = super.collectNotices();
    const f = this.filters;
    const oneOf = (attribute: string, value: unknown, values: readonly unknown[], using: unknown) =>
      value !== null && value !== using && notices.push({ attribute, value: String(value), problem: str('problemOneOf', { values: values.join(', ') }), using: String(using) });
    oneOf('sort', this.sort, SORT_FIELDS, f.sort);
    oneOf('order', this.order, SORT_ORDERS, f.order);
    oneOf('page-size', this.pageSize, PAGE_SIZES, normalPageSize(this.pageSize));
    if (this.activeAt && !f.activeAt) {
      notices.push({ attribute: 'active-at', value: this.activeAt, problem: str('problemInstant'), using: str('usingDateRange', { from: f.from, to: f.to }) });
    }
    return notices;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('q')) this.toolbar.reset();
    const query = JSON.stringify([this.endpoint, this.product, sessionsParams(this.filters, 0, normalPageSize(this.pageSize))]);
    if (query !== this.query) {
      this.query = query;
      this.offset = 0;
    }
    const response = this.data.value;
    if (response !== this.got) {
      this.got = response;
      this.now = this.gotAt = Date.now();
      // The list shrank under the page on screen: go to its last page.
      if (response?.total && !response.items.length && this.offset) this.offset = lastOffset(response.total, response.limit);
    }
  }

  /** The page on screen: the last one received, unless it came from another endpoint or product. */
  private get page(): SessionsResponse | undefined {
    return sameSource(this.data.value, this.endpoint, this.product) ? this.data.value : undefined;
  }

  /** A copy button in the table copies its text (the whole id, whatever the search marks in it). */
  private copy = (event: Event): void => {
    const value = (event.target as Element).closest?.('button.copy')?.textContent;
    if (value == null) return;
    navigator.clipboard?.writeText(value).then(
      () => this.say(str('copiedValue', { value })),
      () => this.say(''),
    );
  };

  /** Shows and announces a short note (a copy), for a few seconds. */
  private say(notice: string): void {
    this.notice = notice;
    clearTimeout(this.toastTimer);
    if (notice) this.toastTimer = setTimeout(() => (this.notice = ''), 4000);
  }

  override render(): TemplateResult {
    const title = html`<h2 class="title" id="title" part="title"><slot name="title">${this.heading || str(`${this.product}SessionsTitle`)}</slot></h2>`;
    if (!this.endpoint) return html`${title}${renderNotices(this.notices)}${renderNoEndpoint()}`;
    const f = this.filters;
    const locale = this.resolvedLocale;
    const page = this.page;
    const status = this.data.status;
    const done = status === TaskStatus.COMPLETE && page;
    const pageSize = normalPageSize(this.pageSize);
    const empty = done && !page.total;
    // prettier-ignore
    return html`${title}${this.toolbar.render(
      f,
      locale,
      [...new Set([...(page?.facets.licenseSources ?? []), ...f.licenseSource])],
      page?.facets.organizations ?? [],
      !!done && !empty && !this.csv?.running,
      !empty,
    )}${renderNotices(this.notices)}${this.csv?.render(locale, () => void this.exportCsv())}<div class="visually-hidden" role="status">${done ? rangeText(page, locale) : ''}</div><div class="visually-hidden" role="status">${this.csv?.announcement}</div>${
      this.slow.render()}${
      status === TaskStatus.ERROR
        ? renderError(this.data.error, () => void this.data.run())
        : empty
          ? renderEmpty(f, locale, page.facets.organizations, () => this.clearFilters())
          : html`${renderTable(
                page?.items ?? null,
                { locale, zone: f.timeZone, asOf: page ? parseInstant(page.asOf) : 0, elapsed: Math.max(0, this.now - this.gotAt), q: f.q },
                f.sort,
                f.order,
                status === TaskStatus.PENDING,
                (sort, order) => this.changeFilters({ sort, order: order ?? (sort === f.sort ? (f.order === 'asc' ? 'desc' : 'asc') : firstOrder(sort)) }),
                this.copy,
                Math.min(pageSize, 10),
              )}${
              // The offset of the rows on screen: while the next page loads, the pager still describes these.
              page?.total
                ? renderPager({ offset: page.offset, limit: pageSize, total: page.total }, locale, (offset) => (this.offset = offset), (size) => (this.pageSize = normalPageSize(size)))
                : nothing
            }`
    }<div class="toast" part="toast" role="status">${this.notice}</div>`;
  }
}
