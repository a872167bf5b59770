import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { property, state } from 'lit/decorators.js';
import { TaskStatus } from '@lit/task';
import { INTERVALS, type Interval, type UsageBucket, type UsageResponse } from '../core/types.js';
import { todayDays, type DateRange } from '../shared/dates.js';
import { emit, type FilterState } from '../shared/events.js';
import { filterStyles } from '../shared/filters/index.js';
import { ReportElement } from '../shared/report-element.js';
import { renderError, renderNoEndpoint } from '../shared/status.js';
import { str } from '../shared/strings.js';
import { reportStyles } from '../shared/styles.js';
import { renderNotices, type AttributeNotice } from '../shared/notices.js';
import { ReportError } from '../shared/api.js';
import { SlowRequest } from '../shared/slow.js';
import { renderChartSvg, renderHighlight, type Series } from './chart-view.js';
import { usageTask } from './data.js';
import { sameSource } from '../shared/report-task.js';
import { chromeStyles } from '../shared/chrome.styles.js';
import { renderBusy, renderEmpty, renderSkeleton } from '../shared/status.js';
import { exportCsv, exportPng } from './export.js';
import { ChartInteraction } from './interaction.js';
import { layoutChart, type ChartLayout } from './layout.js';
import { bucketFacts, placeTooltip, renderLegend, renderSummary, renderTooltip, summaryText } from './panels.js';
import { atCapacity } from './layout.js';
import { SizeController } from '../shared/resize-controller.js';
import { labelMeasure } from './measure.js';
import { aligned, isPreviousOf, previousRange } from './compare.js';
import { renderChangeMarks } from './changes.js';
import { ChartToolbar, hourAllowed } from './toolbar.js';
import { usageStyles } from './usage-chart.styles.js';

/** No bucket used or offered a license: nothing to chart. */
export const isEmptyUsage = (data: UsageResponse) => data.buckets.every((b) => b.peak === 0 && b.available === 0);

/**
 * The license usage chart shared by `<kre-license-usage>` and `<testcloud-license-usage>`: per
 * bucket of the interval, the sessions available (steps), the peak concurrent sessions (bars) and
 * the average peak (dotted line), with a summary strip, filters, tooltips, keyboard navigation, a
 * table view, CSV and PNG export and drill-down to the sessions of a peak (CONTRACT 2, 3.1, 4).
 *
 * @fires kre-filter-change - A filter changed in the UI; `detail` is the whole filter state (`from`, `to`, `timeZone`, `organization`, `interval`, `compare`, `product`).
 * @fires kre-bucket-select - A bucket was clicked or chosen with Enter; `detail` has `start`, `end`, `peakAt`, `denied`, `organization` and `product`.
 * @fires kre-export - Before a CSV or PNG download (cancelable); `detail` has `format`, `fileName`, `product` and `filters`.
 *
 * @slot title - Replaces the heading's text.
 * @slot actions - Extra actions of the host, after the built-in ones in the toolbar.
 * @slot empty - Replaces the text of the empty state (no usage in the range).
 *
 * @csspart base - The element's content box.
 * @csspart title - The heading.
 * @csspart toolbar - The row of filters and actions (wraps when narrow).
 * @csspart filters - The organization, date range and interval filters.
 * @csspart filter-button - The button of a picker (also `organization-button`).
 * @csspart filter-panel - The open panel of a picker (also `organization-panel`).
 * @csspart organization-button - The organization picker's button.
 * @csspart organization-panel - The organization picker's open panel.
 * @csspart date-range - The date range fieldset (preset, from, to).
 * @csspart date-preset - The date range's preset `<select>`.
 * @csspart date-from - The From date input.
 * @csspart date-to - The To date input.
 * @csspart interval-select - The interval `<select>`.
 * @csspart hint - Why the hourly interval is unavailable (ranges over 31 days).
 * @csspart actions - The "Show as table" and export buttons.
 * @csspart table-button - The "Show as table" toggle ("Show as chart" while the table shows).
 * @csspart compare-button - The "Compare with previous period" toggle.
 * @csspart change-marks - The group of allocation-change marks over the plot.
 * @csspart change-mark - The button of one allocation change on the Available step.
 * @csspart change-list - The allocation changes listed under the table view.
 * @csspart previous-note - Why the previous period could not be compared.
 * @csspart export-button - Each export button (also `export-csv` or `export-png`).
 * @csspart summary - The strip of five numbers over the chart.
 * @csspart stat - One number of the summary (also `stat-peak`, `stat-average`, `stat-available`, `stat-utilization`, `stat-denied`).
 * @csspart figure - The chart figure (legend, plot or table).
 * @csspart legend - The legend; its items toggle the series.
 * @csspart legend-item - A series toggle of the legend.
 * @csspart legend-key - The "At capacity" key of the legend.
 * @csspart plot - The box the chart fills (its height is `--kre-usage-chart-height`).
 * @csspart chart-svg - The chart's `<svg>`.
 * @csspart tooltip - The tooltip of the bucket under the pointer or in focus.
 * @csspart table-scroller - The scrolling box of the table view.
 * @csspart table - The table view's `<table>`.
 * @csspart row - A row of the table view (`row-capacity` when at capacity).
 * @csspart badge - The "At capacity" badge in the table view.
 * @csspart skeleton - The placeholder of the first load.
 * @csspart busy - The bar that shows a newer request is loading over the old chart.
 * @csspart status - A state panel (no endpoint, empty range, error; also `empty` or `error`).
 * @csspart retry-button - The retry button of an error.
 * @csspart slow-note - "Still waiting for the report service…" after 5 s, with Cancel.
 * @csspart cancel-button - Cancels a request that takes long.
 * @csspart date-error - Why a date typed in the range was refused.
 * @csspart error-detail - The technical detail of an unreadable response (a disclosure).
 * @csspart notices - Attribute values the element cannot use, and what it uses instead.
 * @csspart legend-notes - What Average Peak means at this interval, and the time zone of the times.
 * @csspart zone - "Times in {zone}".
 *
 * @cssprop [--kre-font-family=system-ui, sans-serif] - Font of the element.
 * @cssprop [--kre-font-size=14px] - Base font size.
 * @cssprop [--kre-color-text=#1d2433] - Text colour.
 * @cssprop [--kre-color-text-muted=#5b6578] - Labels and axis text.
 * @cssprop [--kre-color-surface=#ffffff] - Background (also of the PNG export).
 * @cssprop [--kre-color-surface-muted=#f3f5f9] - Summary, skeleton and hover backgrounds.
 * @cssprop [--kre-color-border=#d8dde6] - Borders.
 * @cssprop [--kre-color-border-strong=#9aa4b5] - Borders of inputs and buttons.
 * @cssprop [--kre-color-grid=color-mix(in srgb, var(--kre-color-text) 12%, transparent)] - Horizontal grid lines.
 * @cssprop [--kre-color-accent=#2f6fde] - Accent: focus ring, busy bar, pressed toggles.
 * @cssprop [--kre-color-focus=var(--kre-color-accent)] - Focus ring.
 * @cssprop [--kre-color-danger=#c62828] - Error border.
 * @cssprop [--kre-color-scheme=light] - The element's `color-scheme` (`dark` in a dark theme): native inputs and the built-in light/dark defaults follow it.
 * @cssprop [--kre-usage-available-color=#7f9fd9] - Available Sessions (step area and its edge).
 * @cssprop [--kre-usage-available-opacity=0.28] - Fill opacity of the Available Sessions area.
 * @cssprop [--kre-usage-peak-color=#2f6fde] - Peak Usage bars.
 * @cssprop [--kre-usage-average-color=light-dark(#431407, #ffd8b0)] - Average Peak dotted line (3:1 against bars and area; drawn on a casing of the surface).
 * @cssprop [--kre-usage-capacity-color=#b3261e] - Hatching and marks of buckets at capacity.
 * @cssprop [--kre-usage-highlight-color=rgb(47 111 222 / 0.12)] - Band behind the bucket in focus.
 * @cssprop [--kre-usage-previous-color=var(--kre-color-text)] - The previous period's ghost bars (compare).
 * @cssprop [--kre-usage-change-color=var(--kre-color-text)] - The marks of allocation changes on the Available step.
 * @cssprop [--kre-usage-chart-height=clamp(240px, 45cqw, 380px)] - Height of the plot.
 * @cssprop [--kre-color-danger-surface=#fdecec] - Background of an error.
 * @cssprop [--kre-color-danger-text=#8a1c1c] - Text of an error and of a refused date.
 * @cssprop [--kre-color-warning=#b26a00] - Edge of an attribute notice.
 * @cssprop [--kre-color-warning-surface=#fff4e0] - Background of an attribute notice.
 * @cssprop [--kre-color-warning-text=#5c3700] - Text of an attribute notice.
 * @cssprop [--kre-color-link=var(--kre-color-accent)] - Links and text buttons.
 * @cssprop [--kre-shadow=0 6px 24px rgb(15 23 42 / 0.16)] - Shadow of the tooltip and open panels.
 * @cssprop [--kre-border-width=1px] - Width of the element's border.
 * @cssprop [--kre-toolbar-gap=8px 12px] - Gap between the toolbar's filters and actions.
 * @cssprop [--kre-usage-table-max-height=420px] - Height limit of the table view (it scrolls inside).
 * @cssprop [--kre-radius=8px] - Corner radius of the element.
 * @cssprop [--kre-radius-small=6px] - Corner radius of buttons, inputs, stats and the tooltip.
 * @cssprop [--kre-spacing=16px] - Padding of the element.
 * @cssprop [--kre-spacing-small=12px] - Gap between the element's sections.
 */
export abstract class LicenseUsageElement extends ReportElement {
  static override styles = [reportStyles, filterStyles, chromeStyles, usageStyles];

  /** Bucket size: `hour` (ranges of up to 31 days), `day` (default), `week` or `month`. */
  @property({ reflect: true }) interval: Interval | null = null;

  /** The heading over the chart. Default: the product's report title. */
  @property() heading: string | null = null;

  /**
   * Compare with the previous period: the same-length range just before, drawn as ghost bars
   * aligned bucket by bucket, with both values and the change in the tooltip and the table.
   */
  @property({ type: Boolean, reflect: true }) compare = false;

  @state() private hiddenSeries: ReadonlySet<Series> = new Set();
  /** The allocation-change mark whose tooltip shows; -1 for none. */
  @state() private activeChange = -1;

  /** The heading when `heading` is not set. */
  protected abstract get defaultHeading(): string;

  private readonly size = new SizeController(this);
  private shown: UsageResponse | undefined;
  private memo: { data: UsageResponse; previous: UsageResponse | undefined; key: string; layout: ChartLayout } | null = null;

  private readonly data = usageTask(this, {
    args: () => {
      const { from, to } = this.range;
      return [this.endpoint, this.product, from, to, this.resolvedInterval, this.zone, this.organizationIds.join(','), this.fetch];
    },
    load: (params, signal) => this.request('usage', params, signal),
  });

  /** The previous period's report, for compare. */
  private readonly previous = usageTask(this, {
    args: () => {
      const { from, to } = previousRange(this.range);
      // No request while compare is off (a null endpoint makes none).
      return [this.compare ? this.endpoint : null, this.product, from, to, this.resolvedInterval, this.zone, this.organizationIds.join(','), this.fetch];
    },
    load: (params, signal) => this.request('usage', params, signal),
  });

  private readonly slow = new SlowRequest(this, this.data);

  private readonly interaction = new ChartInteraction(this, {
    layout: () => this.memo?.layout ?? null,
    buckets: () => this.data.value?.buckets ?? [],
    svg: () => this.renderRoot.querySelector('svg.chart-svg'),
    select: (index) => this.selectBucket(index),
    describe: (index) => this.facts(index),
  });

  private readonly toolbar = new ChartToolbar(this, {
    interval: (interval) => this.changeFilters({ interval }),
    range: (r: DateRange) => this.changeFilters(this.resolvedInterval === 'hour' && !hourAllowed(r) ? { ...r, interval: 'day' } : { ...r }),
    organization: (ids) => this.changeFilters({ organization: ids.join(',') || null }),
    toggleTable: () => this.toggleTable(),
    toggleCompare: () => this.changeFilters({ compare: !this.compare }),
    exportCsv: () => void this.exportCsv(),
    exportPng: () => void this.exportPng(),
  });

  /** The interval in force: `interval` when valid (`hour` only for ranges of up to 31 days), else `day`. */
  get resolvedInterval(): Interval {
    const interval = INTERVALS.includes(this.interval as Interval) ? (this.interval as Interval) : 'day';
    return interval === 'hour' && !hourAllowed(this.range) ? 'day' : interval;
  }

  /** The response on screen (the last one received for the current filters), if any. */
  get report(): UsageResponse | undefined {
    return this.data.value;
  }

  override filterState(): FilterState {
    return { ...super.filterState(), interval: this.resolvedInterval, compare: this.compare };
  }

  /**
   * The previous period's buckets aligned with the ones on screen, while comparing and loaded:
   * worked out once per response, previous response and switch (each render asks, a pointer move
   * included).
   */
  private comparedWith(data: UsageResponse): Array<UsageBucket | undefined> | undefined {
    const previous = this.previous.value;
    const c = this.comparison;
    if (c?.data !== data || c.previous !== previous || c.compare !== this.compare) {
      this.comparison = { data, previous, compare: this.compare, value: this.compare && isPreviousOf(previous, data) ? aligned(previous, data) : undefined };
    }
    return this.comparison!.value;
  }
  private comparison?: { data: UsageResponse; previous: UsageResponse | undefined; compare: boolean; value: Array<UsageBucket | undefined> | undefined };

  protected override collectNotices(): AttributeNotice[] {
    const notices = super.collectNotices();
    const interval = this.interval as string | null;
    if (interval !== null && !INTERVALS.includes(interval as Interval)) {
      notices.push({ attribute: 'interval', value: interval, problem: str('problemOneOf', { values: INTERVALS.join(', ') }), using: this.resolvedInterval });
    } else if (interval === 'hour' && this.resolvedInterval !== 'hour') {
      notices.push({ attribute: 'interval', value: interval, problem: str('problemHourRange'), using: this.resolvedInterval });
    }
    return notices;
  }

  /** Loads the report again with the same filters (what the retry button does). */
  reload(): Promise<void> {
    return this.data.run();
  }

  /** Saves the buckets on screen as CSV, after a cancelable `kre-export`. Resolves true when saved. */
  async exportCsv(): Promise<boolean> {
    return this.saved(exportCsv(this, this.data.value, this.filterState()));
  }

  /**
   * Saves the chart as a PNG, after a cancelable `kre-export`: the title, the filters and the
   * legend over the chart, so the image stands alone. Resolves true when saved.
   */
  async exportPng(): Promise<boolean> {
    const svg = this.renderRoot.querySelector<SVGSVGElement>('svg.chart-svg');
    const data = this.data.value;
    if (!data || !svg) return false;
    const text = {
      title: this.heading || this.defaultHeading,
      organizationIds: this.organizationIds,
      locale: this.resolvedLocale,
      capacity: data.buckets.some(atCapacity),
    };
    return this.saved(exportPng(this, data, this.filterState(), svg, text));
  }


  private selectBucket(index: number): void {
    const b = this.data.value?.buckets[index];
    if (!b) return;
    emit(this, 'kre-bucket-select', { start: b.start, end: b.end, peakAt: b.peakAt, denied: b.denied, organization: this.organizationIds, product: this.product });
  }

  private facts(index: number) {
    const data = this.data.value;
    const b = data?.buckets[index];
    return data && b ? bucketFacts(b, { interval: data.interval, zone: data.timeZone, locale: this.resolvedLocale }, this.comparedWith(data)?.[index]) : null;
  }

  private toggleSeries(series: Series): void {
    const next = new Set(this.hiddenSeries);
    if (!next.delete(series)) next.add(series);
    this.hiddenSeries = next;
  }

  /**
   * The layout of `data` at the plot's size, computed once per response, size and locale, with its
   * tick labels measured in the font of the moment. The font is read only when a layout is
   * computed: `getComputedStyle` forces a style and layout pass here (the element is a size
   * container), and doing that on each of the three renders of a new range cost the chart a frame
   * in one sample of five (trace of `node bench/compare.bench.mjs`). A theme's new font is measured
   * with the next response, size or locale.
   */
  private layoutFor(data: UsageResponse): ChartLayout | null {
    const { width, height } = this.size;
    if (!width || !height) return null;
    const locale = this.resolvedLocale;
    const key = `${width}x${height}|${locale}`;
    const compared = this.comparedWith(data);
    const previous = compared ? this.previous.value : undefined;
    if (this.memo?.data === data && this.memo.previous === previous && this.memo.key === key) return this.memo.layout;
    const font = getComputedStyle(this).fontFamily;
    // The response gives buckets, interval and timeZone.
    const layout = layoutChart({
      ...data,
      locale,
      width,
      height,
      measure: labelMeasure(font),
      previous: compared?.map((b) => b?.peak),
      changes: data.capacityChanges,
    });
    this.memo = { data, previous, key, layout };
    return layout;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.data.value !== this.shown) {
      this.shown = this.data.value;
      this.interaction.reset();
      this.notice = ''; // an export's failure note belongs to the chart it was about
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.size.observe(this.renderRoot.querySelector('.plot-area'));
  }

  override render(): TemplateResult {
    const title = this.heading || this.defaultHeading;
    return html`<div class="report" part="base">
      <h2 class="title" id="title" part="title"><slot name="title">${title}</slot></h2>
      ${renderNotices(this.notices)}
      ${this.endpoint ? this.renderToolbar() : nothing}
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${this.renderBody()}
    </div>`;
  }

  private renderToolbar(): TemplateResult {
    const data = this.data.value;
    const error = this.data.status === TaskStatus.ERROR ? this.data.error : null;
    return this.toolbar.render({
      // Signed out or without the role: no filter can help, so none is offered.
      disabled: error instanceof ReportError && error.denied,
      interval: this.resolvedInterval,
      range: this.range,
      today: todayDays(this.zone),
      organization: this.organizationIds,
      organizations: data?.organizations ?? [],
      hasData: Boolean(data && !isEmptyUsage(data)),
      showTable: this.showTable,
      compare: this.compare,
      busy: this.data.status === TaskStatus.PENDING,
    });
  }

  private renderBody(): TemplateResult {
    if (!this.endpoint) return renderNoEndpoint();
    if (this.data.status === TaskStatus.ERROR) return renderError(this.data.error, () => void this.reload());
    const data = this.data.value;
    // After a change of endpoint or product, the previous service's chart is not shown even busy.
    if (!data || !sameSource(data, this.endpoint, this.product)) return html`${this.slow.render()}${renderSkeleton()}`;
    const busy = this.data.status === TaskStatus.PENDING;
    const busyNote = busy
      ? renderBusy(this.slow.render())
      : nothing;
    if (isEmptyUsage(data)) return html`${busyNote}${renderEmpty()}`;
    const locale = this.resolvedLocale;
    const ctx = { interval: data.interval, zone: data.timeZone, locale };
    const compared = this.comparedWith(data);
    // The table view once its code is here (the chart stays until then).
    const tables = this.showTable ? this.onDemand : null;
    return html`${busyNote}${renderSummary(data, locale)}${this.renderPreviousNote()}
      <figure class="figure" part="figure" aria-labelledby="title" aria-describedby="chart-description" aria-busy=${busy ? 'true' : 'false'}>
        <p id="chart-description" class="visually-hidden">${summaryText(data, locale)}</p>
        ${tables ? nothing : renderLegend(this.hiddenSeries, (s) => this.toggleSeries(s), data.interval, data.timeZone, Boolean(compared))}
        <div class="plot-area" part="plot" ?hidden=${!!tables}>${this.renderPlot(data)}</div>
        ${tables ? tables.renderUsageTable(data, ctx, `${this.heading || this.defaultHeading}: ${summaryText(data, locale)}`, compared) : nothing}
      </figure>`;
  }

  /** Why the comparison is missing, when its request failed (the chart itself is fine). */
  private renderPreviousNote(): TemplateResult | typeof nothing {
    if (!this.compare || this.previous.status !== TaskStatus.ERROR) return nothing;
    const error = this.previous.error;
    const detail = error instanceof ReportError ? error.message : String(error);
    return html`<p class="notice" part="previous-note" role="status">${str('previousUnavailable', { detail })}</p>`;
  }

  private renderPlot(data: UsageResponse): TemplateResult {
    const layout = this.layoutFor(data);
    const ia = this.interaction;
    const facts = layout && ia.active >= 0 ? this.facts(ia.active) : null;
    const bar = facts && layout ? layout.bars[ia.active] : null;
    return html`<div class="plot" tabindex="0" role="group" aria-label=${str('chartKeyboardHint')}
        aria-describedby=${facts && ia.visible ? 'tooltip' : nothing}
        @keydown=${ia.onKeyDown} @focus=${ia.onFocus} @blur=${ia.onBlur}
        @pointerdown=${ia.onPointerDown} @pointermove=${ia.onPointerMove} @pointerleave=${ia.onPointerLeave} @click=${ia.onClick}>
        ${layout ? guard([layout, this.hiddenSeries], () => renderChartSvg({ layout, hidden: this.hiddenSeries })) : nothing}
        ${layout ? renderHighlight({ layout, hidden: this.hiddenSeries, active: ia.active, showActive: ia.visible || ia.focused }) : nothing}
      </div>
      ${facts && bar && layout
        ? renderTooltip(facts, placeTooltip(layout.margin.left + bar.x0, layout.margin.left + bar.x1, layout.width, layout.margin.top), ia.visible)
        : nothing}
      ${layout && !this.hiddenSeries.has('available')
        ? renderChangeMarks({
            layout,
            changes: data.capacityChanges,
            organizations: data.organizations,
            zone: data.timeZone,
            locale: this.resolvedLocale,
            active: this.activeChange,
            onActive: (index) => (this.activeChange = index),
          })
        : nothing}
      <div class="visually-hidden" aria-live="polite">${ia.announcement}</div>`;
  }
}
