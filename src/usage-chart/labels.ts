/**
 * Text of the chart in the element's `locale` and `time-zone`: axis tick labels, a bucket's dates
 * and its peak time. Pure: no DOM, cached Intl formatters.
 */
import { isRepeatedWallTime, localDays, wallClock } from '../core/tz.js';
import type { Interval, UsageBucket } from '../core/types.js';
import { dateFormat } from '../shared/format.js';
import type { LocalFields, TickLevel } from './ticks.js';

type Options = Intl.DateTimeFormatOptions;

const TIME: Options = { hour: 'numeric', minute: '2-digit' };
const MONTH_DAY: Options = { month: 'short', day: 'numeric' };
const MONTH: Options = { month: 'short' };
const YEAR: Options = { year: 'numeric' };

const TICK_FORMAT: Record<TickLevel['unit'], Options> = { hour: TIME, day: MONTH_DAY, week: MONTH_DAY, month: MONTH, year: YEAR };

/** The main line of a tick label for a level. */
export const tickFormat = (level: TickLevel): Options => TICK_FORMAT[level.unit];

/** A wide sample label (for spacing): 28 December, 22:00. */
const SAMPLE = Date.UTC(2026, 11, 28, 22, 0);

/** Width in pixels of a 12 px tick label: measured by the element, estimated in Node. */
export type Measure = (text: string, bold?: boolean) => number;

/** The estimate used without a DOM: about 7 px a character at 12 px. */
export const estimateWidth: Measure = (text) => text.length * 7;

/** Pixels a tick label of `level` needs: a wide sample label and a gap. */
export function tickSpacing(level: TickLevel, locale: string, measure: Measure = estimateWidth): number {
  const text = dateFormat(locale, 'UTC', tickFormat(level)).format(SAMPLE);
  return measure(text) + 16;
}

export interface TickLabel {
  label: string;
  /** The context line under the label: the date under the first time of a day, the year under its first date. */
  context: string | null;
}

/**
 * The same options with the zone's short name (`CEST`, `GMT+2`): for a wall time that happens
 * twice, the name is what tells the two apart. (Only such rare times pay for the new object:
 * `dateFormat` caches the formatter by the options' contents.)
 */
export const withZoneName = (options: Options): Options => ({ ...options, timeZoneName: 'short' });

/** Labels of the ticks at `indexes` (bucket starts `starts`, their local fields `fields`). */
export function tickLabels(
  starts: ArrayLike<number>,
  fields: readonly LocalFields[],
  indexes: readonly number[],
  level: TickLevel,
  timeZone: string,
  locale: string,
  /** Give every label its context line (to measure them before some are dropped). */
  everyContext = false,
): TickLabel[] {
  const main = dateFormat(locale, timeZone, tickFormat(level));
  const contextFormat = dateFormat(locale, timeZone, level.unit === 'hour' ? MONTH_DAY : YEAR);
  let previous: LocalFields | null = null;
  return indexes.map((i) => {
    const f = fields[i];
    const changed = previous === null || (level.unit === 'hour' ? previous.days !== f.days : previous.year !== f.year);
    previous = f;
    const showContext = level.unit !== 'year' && (changed || everyContext);
    // An hour that happens twice (a fall-back day) is told apart by its zone name.
    const repeated = level.unit === 'hour' && isRepeatedWallTime(timeZone, starts[i]);
    const format = repeated ? dateFormat(locale, timeZone, withZoneName(tickFormat(level))) : main;
    return { label: format.format(starts[i]), context: showContext ? contextFormat.format(starts[i]) : null };
  });
}

const DAY_TEXT: Options = { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' };
const DATE_TEXT: Options = { year: 'numeric', month: 'short', day: 'numeric' };
const HOUR_TEXT: Options = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
const MONTH_TEXT: Options = { year: 'numeric', month: 'long' };

/**
 * The dates of a bucket in its zone: `Mon, Oct 12, 2026` for a day, `Oct 12 – 18, 2026` for a week,
 * `October 2026` for a whole month, `Oct 12, 2026, 2:00 – 3:00 PM` for an hour. A clipped bucket
 * shows the dates it covers.
 */
export function bucketText(bucket: UsageBucket, interval: Interval, timeZone: string, locale: string): string {
  const start = Date.parse(bucket.start);
  const end = Date.parse(bucket.end);
  if (interval === 'hour') {
    if (!isRepeatedWallTime(timeZone, start) && !isRepeatedWallTime(timeZone, end - 1)) {
      return formatRange(dateFormat(locale, timeZone, HOUR_TEXT), start, end);
    }
    // Both ends with their zone names, written out: formatRange collapses a span whose wall
    // clock reads 2:00 at both ends (02:00 CEST to 02:00 CET) into one time.
    const from = dateFormat(locale, timeZone, withZoneName(HOUR_TEXT)).format(start);
    return `${from} – ${dateFormat(locale, timeZone, withZoneName(TIME)).format(end)}`;
  }
  // Ends are exclusive: the last day shown is the one before the end.
  const last = end - 1;
  if (interval === 'day' || sameLocalDay(start, last, timeZone)) {
    const f = dateFormat(locale, timeZone, DAY_TEXT);
    return f.format(start);
  }
  if (interval === 'month' && isWholeMonth(start, end, timeZone)) {
    return dateFormat(locale, timeZone, MONTH_TEXT).format(start);
  }
  return formatRange(dateFormat(locale, timeZone, DATE_TEXT), start, last);
}

function formatRange(f: Intl.DateTimeFormat, a: number, b: number): string {
  return typeof f.formatRange === 'function' ? f.formatRange(a, b) : `${f.format(a)} – ${f.format(b)}`;
}

function sameLocalDay(a: number, b: number, timeZone: string): boolean {
  return localDays(timeZone, a) === localDays(timeZone, b);
}

function isWholeMonth(start: number, end: number, timeZone: string): boolean {
  return wallClock(timeZone, start).day === 1 && wallClock(timeZone, end).day === 1;
}

const PEAK_DATE_TIME: Options = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

/**
 * When a bucket's peak happened: the time alone within a day or hour, else date and time; with
 * the zone's name when that wall time happens twice.
 */
export function peakAtText(bucket: UsageBucket, interval: Interval, timeZone: string, locale: string): string | null {
  if (bucket.peakAt === null) return null;
  const at = Date.parse(bucket.peakAt);
  const options: Options = interval === 'hour' || interval === 'day' ? TIME : PEAK_DATE_TIME;
  return dateFormat(locale, timeZone, isRepeatedWallTime(timeZone, at) ? withZoneName(options) : options).format(at);
}
