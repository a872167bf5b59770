import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { PRODUCTS, type CapacityResponse, type Product } from '../core/types.js';
import { todayDays, type DateRange } from '../shared/dates.js';
import type { FilterState } from '../shared/events.js';
import { filterStyles } from '../shared/filters/index.js';
import { ReportError } from '../shared/api.js';
import { renderNotices, type AttributeNotice } from '../shared/notices.js';
import { ReportElement } from '../shared/report-element.js';
import { renderError, renderNoEndpoint } from '../shared/status.js';
import { str } from '../shared/strings.js';
import { reportStyles } from '../shared/styles.js';
import { renderEmpty, renderSkeleton } from '../usage-chart/panels.js';
import { SizeController } from '../usage-chart/resize-controller.js';
import { usageStyles } from '../usage-chart/usage-chart.styles.js';
import { answerText, isEmptyCapacity, levelShares, type LevelShare } from './coverage.js';
import { layoutCoverage, type CoverageLayout } from './coverage-layout.js';
import { renderCoverageSvg } from './coverage-view.js';
import { answers, capacityTask, organizationsTask, sameSource, wholeCount, type CapacityArgs, type Load } from './data.js';
import { exportCsv, exportPng } from './export.js';
import { heatCells, type HeatCell, type Metric } from './heatmap.js';
import { coverageName, renderCoverageLegend, renderCoverageTable, renderMarks } from './panels.js';
import { plannerStyles } from './planner.styles.js';
import { PlannerToolbar } from './toolbar.js';
import { WhatIf } from './what-if.js';
import { renderWhen } from './when.js';

/**
 * The capacity planner: how many licences the demand needed, when, and what another licence
 * count would have done (CONTRACT 2, 3.4, 4 "capacity"). One sentence answers the buying
 * question; a chart shows the share of the time at each number of licences in use, with the
 * licences available and the p50 to max marks; a weekday × hour map shows when the demand peaks;
 * a licence count to try replays the demand against it beside the real figures. Table view, CSV
 * and PNG export.
 *
 * @summary The license planner: licences needed, when the demand peaks, and a what-if replay.
 * @tagname kre-license-planner
 *
 * @fires kre-filter-change - A filter or the licence count changed in the UI; `detail` is the whole filter state (`from`, `to`, `timeZone`, `organization`, `product`, `licenses`).
 * @fires kre-export - Before a CSV or PNG download (cancelable); `detail` has `format`, `fileName`, `product` and `filters`.
 *
 * @slot title - Replaces the heading's text.
 *
 * @csspart base - The element's content box.
 * @csspart title - The heading.
 * @csspart notices - Attribute values the element cannot use, and what it uses instead.
 * @csspart toolbar - The row of filters and actions (wraps when narrow).
 * @csspart filters - The organization and date range filters.
 * @csspart filter-button - The organization picker's button.
 * @csspart filter-panel - The organization picker's open panel.
 * @csspart date-range - The date range fieldset (preset, from, to).
 * @csspart actions - The table toggle and the export buttons.
 * @csspart table-button - The "Show as table" toggle (pressed, reading "Show as chart", while the tables show).
 * @csspart export-button - Each export button (also `export-csv` with `export-coverage` or `export-hours`, or `export-png`).
 * @csspart answer - The sentence that answers how many licences the demand needed.
 * @csspart summary - The strip of coverage marks, licences available and requests denied.
 * @csspart stat - One number of the strip (also `stat-p50`, `stat-p90`, `stat-p95`, `stat-p99`, `stat-max`, `stat-available`, `stat-denied`).
 * @csspart coverage - The coverage section.
 * @csspart legend - The coverage chart's legend.
 * @csspart plot - The box the coverage chart fills (its height is `--kre-planner-chart-height`).
 * @csspart chart-svg - The coverage chart's `<svg>`.
 * @csspart when - The weekday × hour section.
 * @csspart metric-button - The Peak Usage / Average Peak toggles of the map.
 * @csspart heatmap - The weekday × hour `<table>` of coloured cells.
 * @csspart heat-legend - The colour steps of the map.
 * @csspart readout - The numbers of the busiest hour, or of the cell under the pointer or tapped.
 * @csspart what-if - The what-if section.
 * @csspart licenses-input - The licence count's number input.
 * @csspart licenses-range - The licence count's slider.
 * @csspart what-if-table - The real figures beside the replay's.
 * @csspart table-scroller - The scrolling box of a table of the table view.
 * @csspart table - A `<table>` of the table view.
 * @csspart row - A row of the table view.
 * @csspart skeleton - The placeholder of the first load.
 * @csspart busy - The bar that shows a newer request is loading over the old report.
 * @csspart status - A state panel (no endpoint, empty range, error; also `empty` or `error`).
 * @csspart retry-button - The retry button of an error.
 * @csspart error-detail - The technical detail of an unreadable response (a disclosure).
 *
 * @cssprop [--kre-font-family=system-ui, sans-serif] - Font of the element.
 * @cssprop [--kre-font-size=14px] - Base font size.
 * @cssprop [--kre-color-text=#1d2433] - Text colour.
 * @cssprop [--kre-color-text-muted=#5b6578] - Labels and axis text.
 * @cssprop [--kre-color-surface=#ffffff] - Background (also of the PNG export).
 * @cssprop [--kre-color-surface-muted=#f3f5f9] - Summary, skeleton and empty map cells.
 * @cssprop [--kre-color-border=#d8dde6] - Borders.
 * @cssprop [--kre-color-border-strong=#9aa4b5] - Borders of inputs and buttons.
 * @cssprop [--kre-color-accent=#2f6fde] - Accent: focus ring, busy bar, pressed toggles, the slider.
 * @cssprop [--kre-color-scheme=light] - `color-scheme` of native inputs (`dark` in a dark theme).
 * @cssprop [--kre-planner-level-color=color-mix(in srgb, var(--kre-color-accent) 40%, transparent)] - Bars of the time at each level.
 * @cssprop [--kre-planner-line-color=var(--kre-color-accent)] - The line of the time at or below a level, and its marks.
 * @cssprop [--kre-planner-available-color=var(--kre-color-text)] - The licences-available rule.
 * @cssprop [--kre-planner-over-color=rgb(198 40 40 / 0.1)] - Shade of the levels beyond the licences available.
 * @cssprop [--kre-planner-heat-color=var(--kre-color-accent)] - The map's strongest colour (weaker steps mix it with the surface).
 * @cssprop [--kre-planner-chart-height=clamp(220px, 30cqw, 300px)] - Height of the coverage chart.
 * @cssprop [--kre-radius=8px] - Corner radius of the element.
 * @cssprop [--kre-spacing=16px] - Padding of the element.
 * @cssprop [--kre-spacing-small=12px] - Gap between the element's sections.
 */
export class KreLicensePlanner extends ReportElement {
  static override styles = [reportStyles, filterStyles, usageStyles, plannerStyles];

  static {
    // The chart's first size is read right after the render that creates its box (as the usage chart does).
    this.disableWarning?.('change-in-update');
  }

  /** The heading over the report. Default: "KRE license planner" (or TestCloud's). */
  @property() heading: string | null = null;

  private _product: Product = 'kre';
  private rawProduct: string | null = null;
  private _licenses: number | null = null;
  private rawLicenses: string | null = null;

  /** The product planned for: `kre` (default) or `testcloud`. */
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

  /**
   * The licence count to replay the demand against (a whole number, 0 or more). Default: the
   * licences available at the end of the range.
   */
  @property({ reflect: true })
  get licenses(): number | null {
    return this._licenses;
  }
  set licenses(value: number | string | null) {
    const old = this._licenses;
    this.rawLicenses = value === null || value === undefined ? null : String(value);
    this._licenses = wholeCount(value);
    this.requestUpdate('licenses', old);
  }

  @state() private showTable = false;
  @state() private metric: Metric = 'peak';
  @state() private picked = -1;
  @state() private notice = '';

  private readonly size = new SizeController(this);
  private memo: { data?: CapacityResponse; locale?: string; shares: LevelShare[]; cells: HeatCell[]; key?: string; layout?: CoverageLayout } = { shares: [], cells: [] };
  private readonly load: Load = (resource, params, signal) => this.request(resource, params, signal);
  private readonly data = capacityTask(this, () => this.query(undefined), this.load);
  private readonly replay = capacityTask(this, () => this.query(this.tryCount), this.load);
  private readonly orgs = organizationsTask(this, () => [this.endpoint, this.product, this.fetch], () => ({ ...this.range, timeZone: this.zone }), this.load);
  private readonly whatIf = new WhatIf(this, (n) => this.changeFilters({ licenses: n }));
  private readonly toolbar = new PlannerToolbar(this, {
    range: (r: DateRange) => this.changeFilters({ ...r }),
    organization: (ids) => this.changeFilters({ organization: ids.join(',') || null }),
    toggleTable: () => (this.showTable = !this.showTable),
    exportCsv: (what) => void this.exportCsv(what),
    exportPng: () => void this.exportPng(),
  });

  private query(licenses: number | null | undefined): CapacityArgs {
    const { from, to } = this.range;
    return [this.endpoint, this.product, from, to, this.zone, this.organizationIds.join(','), this.fetch, licenses];
  }

  /** The count the what-if replays: `licenses`, else the licences available once they are known. */
  private get tryCount(): number | null {
    const data = this.data.value;
    return this.licenses ?? (answers(data, this.query(undefined)) ? data!.available : null);
  }

  /** The response on screen (the last one received for the current filters), if any. */
  get report(): CapacityResponse | undefined {
    return this.data.value;
  }

  override filterState(): FilterState {
    return { ...super.filterState(), product: this.product, licenses: this.licenses };
  }

  /** Loads the report again with the same filters (what the retry button does). */
  reload(): Promise<void> {
    return this.data.run();
  }

  /** Saves the coverage or the hours as CSV, after a cancelable `kre-export`. Resolves true when saved. */
  async exportCsv(what: 'coverage' | 'hours'): Promise<boolean> {
    const data = this.data.value;
    return data ? exportCsv(this, data, this.filterState(), what, this.resolvedLocale) : false;
  }

  /** Saves the report as a PNG, after a cancelable `kre-export`. Resolves true when saved. */
  async exportPng(): Promise<boolean> {
    const data = this.data.value;
    if (!data) return false;
    const names = new Map((this.orgs.value ?? []).map((o) => [o.id, o.name]));
    const organizations = this.organizationIds.map((id) => names.get(id) ?? id).join(', ');
    const text = { title: this.heading || this.defaultHeading, locale: this.resolvedLocale, organizations, replay: this.replay.value?.replay };
    return exportPng(this, data, this.filterState(), text).catch((error: unknown) => {
      this.notice = str('exportFailed', { detail: error instanceof Error ? error.message : String(error) });
      return false;
    });
  }

  private get defaultHeading(): string {
    return str(this.product === 'testcloud' ? 'testcloudPlannerTitle' : 'krePlannerTitle');
  }

  protected override collectNotices(): AttributeNotice[] {
    const notices = super.collectNotices();
    if (this.rawProduct !== null && !PRODUCTS.includes(this.rawProduct as Product)) {
      notices.push({ attribute: 'product', value: this.rawProduct, problem: str('problemOneOf', { values: PRODUCTS.join(', ') }), using: this.product });
    }
    if (this.rawLicenses !== null && this._licenses === null) {
      notices.push({ attribute: 'licenses', value: this.rawLicenses, problem: str('problemWholeNumber'), using: str('usingAvailable') });
    }
    return notices;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.size.observe(this.renderRoot.querySelector('.coverage-plot'));
  }

  /** Shares, cells and the chart's layout, computed once per response, locale and size. */
  private derived(data: CapacityResponse, locale: string) {
    const m = this.memo;
    if (m.data !== data || m.locale !== locale) Object.assign(m, { data, locale, shares: levelShares(data), cells: heatCells(data.byHour, locale), key: undefined });
    const key = `${this.size.width}x${this.size.height}`;
    if (m.key !== key && this.size.width && this.size.height) Object.assign(m, { key, layout: layoutCoverage(data, m.shares, this.size.width, this.size.height, locale) });
    return m;
  }

  override render(): TemplateResult {
    const range = this.range;
    const data = this.data.value;
    return html`<div class="report" part="base">
      <h2 class="title" id="title" part="title"><slot name="title">${this.heading || this.defaultHeading}</slot></h2>
      ${renderNotices(this.notices)}
      ${this.endpoint
        ? this.toolbar.render({
            range,
            today: todayDays(this.zone),
            organization: this.organizationIds,
            organizations: this.orgs.value ?? [],
            hasData: Boolean(data && !isEmptyCapacity(data) && this.data.status !== TaskStatus.ERROR),
            busy: this.data.status === TaskStatus.PENDING,
            showTable: this.showTable,
            disabled: this.data.status === TaskStatus.ERROR && this.data.error instanceof ReportError && this.data.error.denied,
          })
        : nothing}
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.renderBody()}
    </div>`;
  }

  private renderBody(): TemplateResult {
    if (!this.endpoint) return renderNoEndpoint();
    if (this.data.status === TaskStatus.ERROR) return renderError(this.data.error, () => void this.reload());
    const data = this.data.value;
    // After a change of endpoint or product, the previous service's report is not shown even busy.
    if (!data || !sameSource(data, this.query(undefined))) return renderSkeleton();
    const busy = this.data.status === TaskStatus.PENDING;
    const busyNote = busy ? html`<div class="busy-bar" part="busy"></div><p class="visually-hidden" role="status">${str('loading')}</p>` : nothing;
    if (isEmptyCapacity(data)) return html`${busyNote}${renderEmpty()}`;
    const locale = this.resolvedLocale;
    const { shares, cells, layout } = this.derived(data, locale);
    const caption = (title: string) => `${title}. ${str('timesIn', { zone: data.timeZone })}`;
    const replayed = this.replay.value;
    return html`${busyNote}
      <p class="answer" part="answer">${answerText(data, locale)}</p>
      ${renderMarks(data, locale)}
      <div class="panels" aria-busy=${busy ? 'true' : 'false'}>
        <section class="panel coverage" part="coverage" aria-labelledby="coverage-title">
          <h3 class="panel-title" id="coverage-title">${str('coverageTitle')}</h3>
          ${this.showTable ? renderCoverageTable(shares, locale, caption(str('coverageTitle'))) : renderCoverageLegend()}
          <div class="coverage-plot" part="plot" ?hidden=${this.showTable}>${layout ? renderCoverageSvg(layout, coverageName(data, locale)) : nothing}</div>
        </section>
        ${this.whatIf.render({
          data,
          count: this.tryCount ?? data.available,
          replay: replayed && sameSource(replayed, this.query(undefined)) ? replayed : undefined,
          busy: this.whatIf.draft !== null || this.replay.status === TaskStatus.PENDING || !answers(replayed, this.query(this.tryCount)),
          error: this.replay.status === TaskStatus.ERROR ? this.replay.error : null,
          retry: () => void this.replay.run(),
          locale,
        })}
        ${renderWhen({
          cells,
          metric: this.metric,
          picked: this.picked,
          showTable: this.showTable,
          locale,
          zone: data.timeZone,
          seconds: data.seconds,
          setMetric: (m) => (this.metric = m),
          pick: (i) => (this.picked = i),
        })}
      </div>`;
  }
}
