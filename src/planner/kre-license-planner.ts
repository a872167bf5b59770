import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import type { CapacityResponse } from '../core/types.js';
import { ReportError } from '../shared/api.js';
import { chromeStyles } from '../shared/chrome.styles.js';
import { todayDays } from '../shared/dates.js';
import { exportFile } from '../shared/download.js';
import type { FilterState } from '../shared/events.js';
import { filterStyles, orgNames } from '../shared/filters/index.js';
import { renderNotices, type AttributeNotice } from '../shared/notices.js';
import { ProductReportElement } from '../shared/product-element.js';
import { answers, sameSource } from '../shared/report-task.js';
import { SizeController } from '../shared/resize-controller.js';
import { renderBusy, renderEmpty, renderError, renderNoEndpoint, renderSkeleton } from '../shared/status.js';
import { SlowRequest } from '../shared/slow.js';
import { currentStrings, str, type StringKey } from '../shared/strings.js';
import { reportStyles } from '../shared/styles.js';
import { ReportToolbar, tableButton } from '../shared/toolbar.js';
import { answerText, isEmptyCapacity, levelShares, type LevelShare } from './coverage.js';
import { renderCoverageChart, renderCoverageLegend, renderMarks } from './coverage-view.js';
import { plannerFileName } from './export.js';
import { capacityTask, organizationsTask, wholeCount, type CapacityArgs, type Load } from './data.js';
import { plannerStyles } from './planner.styles.js';
import { WhatIf } from './what-if.js';
import { heatCells, renderWhen, type HeatCell, type Metric } from './when.js';

/**
 * The capacity planner: how many licenses the demand needed, when, and what another license
 * count would have done (CONTRACT 2, 3.4, 4 "capacity"). One sentence answers the buying
 * question; a chart shows the share of the time at each number of licenses in use, with the
 * licenses available and the p50 to max marks; a weekday × hour map shows when the demand peaks;
 * a license count to try replays the demand against it beside the real figures. Table view, CSV
 * and PNG export.
 *
 * @summary The license planner: licenses needed, when the demand peaks, and a what-if replay.
 * @tagname kre-license-planner
 *
 * @fires kre-filter-change - A filter or the license count changed in the UI; `detail` is the whole filter state (`from`, `to`, `timeZone`, `organization`, `product`, `licenses`).
 * @fires kre-export - Before a CSV or PNG download (cancelable); `detail` has `format`, `fileName`, `product` and `filters`.
 *
 * @slot title - Replaces the heading's text.
 * @slot empty - Replaces the text of the empty state (no usage in the range).
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
 * @csspart answer - The sentence that answers how many licenses the demand needed.
 * @csspart summary - The strip of coverage marks, licenses available and requests denied.
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
 * @csspart licenses-input - The license count's number input.
 * @csspart licenses-range - The license count's slider.
 * @csspart what-if-table - The real figures beside the replay's.
 * @csspart table-scroller - The scrolling box of a table of the table view.
 * @csspart table - A `<table>` of the table view.
 * @csspart row - A row of the table view.
 * @csspart skeleton - The placeholder of the first load.
 * @csspart busy - The bar that shows a newer request is loading over the old report.
 * @csspart status - A state panel (no endpoint, empty range, error; also `empty` or `error`).
 * @csspart retry-button - The retry button of an error.
 * @csspart slow-note - "Still waiting for the report service…" after 5 s, with Cancel.
 * @csspart cancel-button - Cancels a request that takes long.
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
 * @cssprop [--kre-planner-available-color=var(--kre-color-text)] - The licenses-available rule.
 * @cssprop [--kre-planner-over-color=rgb(198 40 40 / 0.1)] - Shade of the levels beyond the licenses available.
 * @cssprop [--kre-planner-heat-color=var(--kre-color-accent)] - The map's strongest colour (weaker steps mix it with the surface).
 * @cssprop [--kre-planner-chart-height=clamp(220px, 30cqw, 300px)] - Height of the coverage chart.
 * @cssprop [--kre-radius=8px] - Corner radius of the element.
 * @cssprop [--kre-spacing=16px] - Padding of the element.
 * @cssprop [--kre-spacing-small=12px] - Gap between the element's sections.
 * @cssprop [--kre-border-width=1px] - Width of the element's border.
 * @cssprop [--kre-radius-small=6px] - Corner radius of buttons, inputs, stats and the tooltip.
 * @cssprop [--kre-color-grid=color-mix(in srgb, var(--kre-color-text) 12%, transparent)] - Horizontal grid lines of the coverage chart.
 * @cssprop [--kre-color-focus=var(--kre-color-accent)] - Focus ring.
 * @cssprop [--kre-color-link=var(--kre-color-accent)] - Links and text buttons.
 * @cssprop [--kre-color-danger=#c62828] - Error border.
 * @cssprop [--kre-color-danger-surface=#fdecec] - Background of an error.
 * @cssprop [--kre-color-danger-text=#8a1c1c] - Text of an error and of a refused date.
 * @cssprop [--kre-color-warning=#b26a00] - Edge of an attribute notice.
 * @cssprop [--kre-color-warning-surface=#fff4e0] - Background of an attribute notice.
 * @cssprop [--kre-color-warning-text=#5c3700] - Text of an attribute notice.
 * @cssprop [--kre-shadow=0 6px 24px rgb(15 23 42 / 0.16)] - Shadow of open panels.
 * @cssprop [--kre-toolbar-gap=8px 12px] - Gap between the toolbar's filters and actions.
 * @cssprop [--kre-usage-table-max-height=420px] - Height limit of the table views (they scroll inside).
 * @cssprop [--kre-usage-chart-height=clamp(240px, 45cqw, 380px)] - Height of the chart placeholder while the report first loads.
 */
export class KreLicensePlanner extends ProductReportElement {
  static override styles = [reportStyles, filterStyles, chromeStyles, plannerStyles];

  /** The heading over the report. Default: "KRE license planner" (or TestCloud's). */
  @property() heading: string | null = null;

  /** The value the host set, kept to name it in a notice when it is not a whole number. */
  private raw: number | string | null = null;

  /**
   * The license count to replay the demand against (a whole number, 0 or more). Default: the
   * licenses available at the end of the range.
   */
  @property({ reflect: true })
  get licenses(): number | null {
    return wholeCount(this.raw);
  }
  set licenses(value: number | string | null) {
    const old = this.licenses;
    this.raw = value ?? null;
    this.requestUpdate('licenses', old);
  }

  @state() private metric: Metric = 'peak';
  @state() private picked = -1;

  private readonly size = new SizeController(this);
  /** What is drawn from a response, computed once per response, locale and string table (the chart: and size). */
  private memo: { key: unknown[]; shares: LevelShare[]; cells: HeatCell[]; size?: string; chart?: TemplateResult } = { key: [], shares: [], cells: [] };
  private readonly load: Load = (resource, params, signal) => this.request(resource, params, signal);
  private readonly data = capacityTask(this, () => this.query(undefined), this.load);
  private readonly replay = capacityTask(this, () => this.query(this.trial), this.load);
  private readonly orgs = organizationsTask(this, () => [this.endpoint, this.product, this.fetch], () => [this.range.to, this.zone] as const, this.load);
  private readonly whatIf = new WhatIf(this, (n) => this.changeFilters({ licenses: n }));
  private readonly toolbar = new ReportToolbar(this, (ids) => this.changeFilters({ organization: ids.join(',') || null }));
  private readonly slow = new SlowRequest(this, this.data);

  private query(licenses: number | null | undefined): CapacityArgs {
    const { from, to } = this.range;
    return [this.endpoint, this.product, from, to, this.zone, this.organizationIds.join(','), this.fetch, licenses];
  }

  /** The count the what-if replays: `licenses`, else the licenses available once they are known. */
  private get trial(): number | null {
    const data = this.data.value;
    return this.licenses ?? (answers(data, this.query(undefined)) ? data!.available : null);
  }

  /** The response on screen (the last one received for the current filters), if any. */
  get report(): CapacityResponse | undefined {
    return this.data.value;
  }

  override filterState(): FilterState {
    return { ...super.filterState(), licenses: this.licenses };
  }

  /** Loads the report again with the same filters (what the retry button does). */
  reload(): Promise<void> {
    return this.data.run();
  }

  /** Saves the coverage or the hours as CSV, after a cancelable `kre-export`. Resolves true when saved. */
  async exportCsv(what: 'coverage' | 'hours'): Promise<boolean> {
    const data = this.data.value;
    const locale = this.resolvedLocale;
    if (!data) return false;
    return this.saved(
      exportFile(this, 'csv', plannerFileName(this.product, data, what), this.filterState(), async () => {
        const csv = await this.loadOnDemand();
        return what === 'hours' ? csv.hoursCsv(data, locale) : csv.coverageCsv(data);
      }),
    );
  }

  /** Saves the report as a PNG, after a cancelable `kre-export`. Resolves true when saved. */
  async exportPng(): Promise<boolean> {
    const data = this.data.value;
    const svg = this.renderRoot.querySelector<SVGSVGElement>('svg.coverage-svg');
    if (!data || !svg) return false;
    const details = `${data.from} – ${data.to} · ${data.timeZone} · ${orgNames(this.organizationIds, this.orgs.value ?? []) || str('allOrganizations')}`;
    return this.saved(exportFile(this, 'png', plannerFileName(this.product, data), this.filterState(), async () => (await this.loadOnDemand()).plannerPng(this, svg, details)));
  }


  private get defaultHeading(): string {
    return str(`${this.product}PlannerTitle`);
  }

  protected override collectNotices(): AttributeNotice[] {
    const notices = super.collectNotices();
    if (this.raw !== null && this.licenses === null) {
      notices.push({ attribute: 'licenses', value: String(this.raw), problem: str('problemWholeNumber'), using: str('usingAvailable') });
    }
    return notices;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.size.observe(this.renderRoot.querySelector('.coverage-plot'));
  }

  /** Shares and cells once per response, locale and string table; the chart: and size. */
  private drawn(data: CapacityResponse, locale: string) {
    let m = this.memo;
    const key = [data, locale, currentStrings()];
    if (key.some((v, i) => v !== m.key[i])) m = this.memo = { key, shares: levelShares(data), cells: heatCells(data.byHour, locale) };
    const { width, height } = this.size;
    const size = `${width}x${height}`;
    if (m.size !== size && width && height) Object.assign(m, { size, chart: renderCoverageChart(data, m.shares, width, height, locale) });
    return m;
  }

  override render(): TemplateResult {
    const data = this.data.value;
    const failed = this.data.status === TaskStatus.ERROR;
    const off = !data || isEmptyCapacity(data) || failed;
    const busy = this.data.status === TaskStatus.PENDING;
    const save = (part: string, label: StringKey, run: () => Promise<boolean>) => ({ part: `export-button ${part}`, label: str(label), disabled: off || busy, click: () => void run() });
    return html`<div class="report" part="base">
      <h2 class="title" id="title" part="title"><slot name="title">${this.heading || this.defaultHeading}</slot></h2>
      ${renderNotices(this.notices)}
      ${this.endpoint
        ? this.toolbar.render(
            {
              range: this.range,
              today: todayDays(this.zone),
              organization: this.organizationIds,
              organizations: this.orgs.value ?? [],
              disabled: failed && this.data.error instanceof ReportError && this.data.error.denied,
              onRange: (r) => this.changeFilters(r),
            },
            [
              tableButton(this.showTable, off, () => this.toggleTable()),
              save('export-csv export-coverage', 'exportCoverageCsv', () => this.exportCsv('coverage')),
              save('export-csv export-hours', 'exportHoursCsv', () => this.exportCsv('hours')),
              save('export-png', 'exportPng', () => this.exportPng()),
            ],
          )
        : nothing}
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.body(data, busy)}
    </div>`;
  }

  private body(data: CapacityResponse | undefined, busy: boolean): unknown {
    if (!this.endpoint) return renderNoEndpoint();
    if (this.data.status === TaskStatus.ERROR) return renderError(this.data.error, () => void this.reload());
    // After a change of endpoint or product, the previous service's report is not shown even busy.
    if (!sameSource(data, this.endpoint, this.product)) return html`${this.slow.render()}${renderSkeleton()}`;
    const d = data!;
    const busyNote = busy ? renderBusy(this.slow.render()) : nothing;
    if (isEmptyCapacity(d)) return html`${busyNote}${renderEmpty()}`;
    const locale = this.resolvedLocale;
    const { shares, cells, chart } = this.drawn(d, locale);
    const replayed = this.replay.value;
    const count = this.trial;
    // The table views once their code is here (the charts stay until then).
    const tables = this.showTable ? this.onDemand : null;
    const times = str('timesIn', { zone: d.timeZone });
    return html`${busyNote}
      <p class="answer" part="answer">${answerText(d, locale)}</p>
      ${renderMarks(d, locale)}
      <div class="panels" aria-busy=${String(busy)}>
        <section class="panel coverage" part="coverage" aria-labelledby="coverage-title">
          <h3 class="panel-title" id="coverage-title">${str('coverageTitle')}</h3>
          ${tables ? tables.renderCoverageTable(shares, locale, `${str('coverageTitle')}. ${times}`) : renderCoverageLegend()}
          <div class="coverage-plot" part="plot" ?hidden=${!!tables}>${chart ?? nothing}</div>
        </section>
        ${this.whatIf.render(
          d,
          count ?? d.available,
          sameSource(replayed, this.endpoint, this.product) ? replayed : undefined,
          this.replay.status === TaskStatus.PENDING || !answers(replayed, this.query(count)),
          this.replay.status === TaskStatus.ERROR ? this.replay.error : null,
          () => void this.replay.run(),
          locale,
        )}
        ${renderWhen(
          cells,
          this.metric,
          this.picked,
          tables?.renderHoursTable(cells, locale, `${str('whenTitle')}. ${times}`),
          locale,
          times,
          d.seconds,
          (m) => (this.metric = m),
          (i) => (this.picked = i),
        )}
      </div>`;
  }
}
