/**
 * The HTML around the chart: the summary strip, the legend, the tooltip, the text summary and the
 * loading skeleton (the table view is in table-view.ts). Plain functions of the numbers, in the element's locale.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Interval, UsageBucket, UsageResponse } from '../core/types.js';
import { formatDateTime, formatDecimal, formatInteger, formatPercent } from '../shared/format.js';
import { str, type StringKey } from '../shared/strings.js';
import { SERIES, type Series } from './chart-view.js';
import { bucketText, peakAtText } from './labels.js';
import { atCapacity, peakReachedLicenses } from './layout.js';
import { renderStats } from '../shared/table.js';
import { changeText, comparedSentence, type ComparedFacts } from './compare.js';

export interface Ctx {
  interval: Interval;
  zone: string;
  locale: string;
}

const SERIES_LABEL = { available: 'availableSessions', peak: 'peakUsage', average: 'averagePeak', previous: 'previousPeriod' } as const;

/** Peak / available of a bucket, or null when nothing was available. */
export const utilization = (b: Pick<UsageBucket, 'peak' | 'available'>) => (b.available > 0 ? b.peak / b.available : null);

export interface BucketFacts {
  title: string;
  available: string;
  peak: string;
  peakAt: string;
  average: string;
  utilization: string;
  denied: string;
  atCapacity: boolean;
  /** Why the bucket is at capacity: "Peak reached the 20 licenses", "3 requests denied". */
  capacityReasons: string[];
  /** The aligned bucket of the previous period, while comparing. */
  previous?: ComparedFacts;
}

/** Why a bucket is at capacity, in words (empty when it is not). */
export function capacityReasons(b: UsageBucket, locale: string): string[] {
  const reasons: string[] = [];
  if (peakReachedLicenses(b)) reasons.push(str('capacityPeak', { available: formatInteger(locale, b.available) }));
  if (b.denied > 0) reasons.push(b.denied === 1 ? str('capacityDeniedOne') : str('capacityDeniedOther', { count: formatInteger(locale, b.denied) }));
  return reasons;
}

export function bucketFacts(b: UsageBucket, { interval, zone, locale }: Ctx, previous?: UsageBucket): BucketFacts {
  return {
    previous: previous && {
      title: bucketText(previous, interval, zone, locale),
      peak: formatInteger(locale, previous.peak),
      average: formatDecimal(locale, previous.averagePeak),
      denied: formatInteger(locale, previous.denied),
      peakChange: changeText(b.peak, previous.peak, locale),
    },
    title: bucketText(b, interval, zone, locale),
    available: formatInteger(locale, b.available),
    peak: formatInteger(locale, b.peak),
    peakAt: peakAtText(b, interval, zone, locale) ?? '—',
    average: formatDecimal(locale, b.averagePeak),
    utilization: formatPercent(locale, utilization(b)),
    denied: formatInteger(locale, b.denied),
    atCapacity: atCapacity(b),
    capacityReasons: capacityReasons(b, locale),
  };
}

type FactKey = 'available' | 'peak' | 'peakAt' | 'average' | 'utilization' | 'denied';

/** A bucket's facts in the order the tooltip, the table and a screen reader give them (with the series' swatch). */
export const FACTS: ReadonlyArray<readonly [FactKey, StringKey, Series?]> = [
  ['available', 'availableSessions', 'available'],
  ['peak', 'peakUsage', 'peak'],
  ['peakAt', 'peakAt'],
  ['average', 'averagePeak', 'average'],
  ['utilization', 'utilization'],
  ['denied', 'deniedRequests'],
];

/** The previous period's facts, the same way. */
const COMPARED: ReadonlyArray<readonly [keyof ComparedFacts, StringKey]> = [
  ['peak', 'peakUsage'],
  ['peakChange', 'change'],
  ['average', 'averagePeak'],
  ['denied', 'deniedRequests'],
];

const capacityText = (f: BucketFacts) => `${str('atCapacity')}: ${f.capacityReasons.join(', ')}`;

/** One line for a screen reader, as the tooltip reads. */
export function factsSentence(f: BucketFacts): string {
  return [
    f.title,
    ...FACTS.map(([key, label]) => `${str(label)} ${f[key]}`),
    f.atCapacity ? capacityText(f) : '',
    f.previous ? comparedSentence(f.previous) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/**
 * Whether the range reaches the service's now: its last bucket ends at `asOf` (buckets are
 * clipped there). Only then are the licenses at its end "now".
 */
export function reachesNow(data: UsageResponse): boolean {
  const last = data.buckets.at(-1);
  return last !== undefined && Date.parse(last.end) >= Date.parse(data.asOf);
}

/** The local date of the last day of the clipped range, as the summary names it. */
function lastDayText(data: UsageResponse, locale: string): string {
  const last = data.buckets.at(-1);
  const end = last ? Date.parse(last.end) - 1 : Date.parse(`${data.to}T12:00:00Z`);
  return formatDateTime(locale, data.timeZone, end, { dateStyle: 'medium' });
}

export function renderSummary(data: UsageResponse, locale: string): TemplateResult {
  const s = data.summary;
  const n = (v: number) => formatInteger(locale, v);
  const stats: Array<[string, string, string]> = [
    ['peak', str('peakInRange'), n(s.peak)],
    ['average', str('averageDailyPeak'), formatDecimal(locale, s.averageDailyPeak)],
    ['available', reachesNow(data) ? str('availableNow') : str('availableOn', { date: lastDayText(data, locale) }), n(s.available)],
    ['utilization', str('peakUtilization'), formatPercent(locale, s.utilization)],
    ['denied', str('deniedRequests'), n(s.denied)],
  ];
  return renderStats(stats);
}

/** A `YYYY-MM-DD` day of the range, as the summary and the PNG name it. */
export const dayText = (day: string, locale: string) => formatDateTime(locale, 'UTC', Date.parse(`${day}T00:00:00Z`), { dateStyle: 'medium' });

/** The figure's text summary: range and zone, peak, utilization, denials, licenses, buckets at capacity. */
export function summaryText(data: UsageResponse, locale: string): string {
  return str('chartSummary', {
    from: dayText(data.from, locale),
    to: dayText(data.to, locale),
    zone: data.timeZone,
    peak: formatInteger(locale, data.summary.peak),
    available: formatInteger(locale, data.summary.available),
    utilization: formatPercent(locale, data.summary.utilization),
    average: formatDecimal(locale, data.summary.averageDailyPeak),
    denied: formatInteger(locale, data.summary.denied),
    capacity: formatInteger(locale, data.buckets.filter(atCapacity).length),
    count: formatInteger(locale, data.buckets.length),
  });
}

/** The name of each interval (the toolbar's options, the PNG's filter line). */
export const INTERVAL_NAME = { hour: 'intervalHour', day: 'intervalDay', week: 'intervalWeek', month: 'intervalMonth' } as const;

const AVERAGE_MEANING = { hour: 'averagePeakHour', day: 'averagePeakDay', week: 'averagePeakWeek', month: 'averagePeakMonth' } as const;

/** What Average Peak means at this interval, in words (CONTRACT 4, averagePeak). */
export const averagePeakMeaning = (interval: Interval) => str(AVERAGE_MEANING[interval]);

/** The colour key of a series (or of `capacity`), as the legend and the tooltip show it. */
const swatch = (series: string) => html`<span class="swatch swatch-${series}" aria-hidden="true"></span>`;

export function renderLegend(hidden: ReadonlySet<Series>, toggle: (s: Series) => void, interval: Interval, zone: string, comparing = false): TemplateResult {
  return html`<div class="legend" part="legend" role="group" aria-label=${str('chartLegend')}>
      ${SERIES.filter((s) => s !== 'previous' || comparing).map(
        (s) => html`<button type="button" class="legend-item" part="legend-item" data-series=${s} aria-pressed=${hidden.has(s) ? 'false' : 'true'}
          aria-describedby=${s === 'average' ? 'average-meaning' : nothing}
          @click=${() => toggle(s)}>${swatch(s)}${str(SERIES_LABEL[s])}</button>`,
      )}
      <span class="legend-key" part="legend-key">${swatch('capacity')}${str('atCapacity')}</span>
    </div>
    <p class="legend-notes" part="legend-notes"><span id="average-meaning">${averagePeakMeaning(interval)}</span
      ><span class="zone-note" part="zone">${str('timesIn', { zone })}</span></p>`;
}

export interface TooltipPlace {
  left: number;
  top: number;
  width: number;
}

/** Beside the bucket (right of it when it fits, else left), kept inside the box `[0, boxWidth]`. */
export function placeTooltip(x0: number, x1: number, boxWidth: number, top: number, preferred = 264): TooltipPlace {
  const width = Math.min(preferred, boxWidth);
  const gap = 12;
  let left = x1 + gap + width <= boxWidth ? x1 + gap : x0 - gap - width;
  left = Math.max(0, Math.min(left, boxWidth - width));
  return { left, top, width };
}

// Inline styles are set as the `style` property (the CSSOM), never as the attribute: a host page
// whose Content-Security-Policy has no 'unsafe-inline' in style-src blocks style attributes.
export function renderTooltip(f: BucketFacts, place: TooltipPlace, visible: boolean): TemplateResult {
  const previous = f.previous;
  return html`<div class="tooltip" part="tooltip" id="tooltip" role="tooltip" ?hidden=${!visible}
    .style=${`left:${place.left}px;top:${place.top}px;width:${place.width}px`}>
    <div class="tooltip-title">${f.title}</div>
    <dl class="tooltip-facts">
      ${FACTS.map(([key, label, series]) => html`<dt>${series ? swatch(series) : nothing}${str(label)}</dt><dd>${f[key]}</dd>`)}
    </dl>
    ${f.atCapacity ? html`<div class="tooltip-capacity">${swatch('capacity')}${capacityText(f)}</div>` : nothing}
    ${previous
      ? html`<div class="tooltip-previous">
          <div class="tooltip-subtitle">${swatch('previous')}${str('previousPeriod')}: ${previous.title}</div>
          <dl class="tooltip-facts">${COMPARED.map(([key, label]) => html`<dt>${str(label)}</dt><dd>${previous[key]}</dd>`)}</dl>
        </div>`
      : nothing}
  </div>`;
}


