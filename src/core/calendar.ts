/**
 * Bucket and sub-period boundaries (CONTRACT 4): the calendar periods of an interval in a time
 * zone that meet `[from 00:00, to+1 00:00)`, clipped to that range and at `asOf`.
 *
 * A grid is a sorted list of instants `b0 < b1 < ... < bn`: period `i` is `[b(i), b(i+1))`.
 */
import type { Interval } from './types.js';
import { civilToDays, isoWeekday, localToInstant, type CivilDate } from './tz.js';

const HOUR = 3_600_000;
const MINUTE = 60_000;

export interface Range {
  /** First local day (days since epoch). */
  fromDays: number;
  /** Last local day, inclusive. */
  toDays: number;
  timeZone: string;
}

/** The clipped range `[start, end)`: local midnight of `from` to local midnight after `to`, cut at `asOf`. */
export function rangeInstants(range: Range, asOf: number): { start: number; end: number } {
  const start = localToInstant(range.timeZone, range.fromDays);
  const end = Math.min(localToInstant(range.timeZone, range.toDays + 1), asOf);
  return { start, end };
}

/** Periods of fixed length from `start`, the last clipped to `end`. */
function fixedGrid(start: number, end: number, step: number): number[] {
  const grid: number[] = [];
  for (let t = start; t < end; t += step) grid.push(t);
  if (grid.length) grid.push(end);
  return grid;
}

/** Local midnights of the days `fromDays ... toDays + 1` that `keep` accepts, clipped to `[start, end)`. */
function calendarGrid(
  range: Range,
  start: number,
  end: number,
  keep: (days: number) => boolean,
): number[] {
  const grid: number[] = [start];
  for (let days = range.fromDays + 1; days <= range.toDays + 1; days++) {
    if (!keep(days)) continue;
    const t = localToInstant(range.timeZone, days);
    if (t >= end) break;
    if (t > grid[grid.length - 1]) grid.push(t);
  }
  if (start >= end) return [];
  grid.push(end);
  return grid;
}

function firstOfMonth(days: number): boolean {
  return new Date(days * 86_400_000).getUTCDate() === 1;
}

/** The bucket grid of an interval (CONTRACT 4, "Buckets"). Empty when the range starts at or after `asOf`. */
export function bucketGrid(interval: Interval, range: Range, asOf: number): number[] {
  const { start, end } = rangeInstants(range, asOf);
  if (start >= end) return [];
  switch (interval) {
    case 'hour':
      return fixedGrid(start, end, HOUR);
    case 'day':
      return calendarGrid(range, start, end, () => true);
    case 'week':
      return calendarGrid(range, start, end, (days) => isoWeekday(days) === 0);
    case 'month':
      return calendarGrid(range, start, end, firstOfMonth);
  }
}

/** The daily grid of the whole clipped range (for `summary.averageDailyPeak` and week/month sub-periods). */
export function dayGrid(range: Range, asOf: number): number[] {
  return bucketGrid('day', range, asOf);
}

/**
 * Sub-periods of every bucket, as one grid plus, for each bucket, the index of its first
 * sub-period: a month or week bucket's days, a day bucket's hours (60-minute spans from its start),
 * an hour bucket's minutes; each clipped to its bucket.
 */
export function subGrid(
  interval: Interval,
  buckets: readonly number[],
  days: readonly number[],
): { grid: number[]; firstSub: Int32Array } {
  const count = Math.max(buckets.length - 1, 0);
  const firstSub = new Int32Array(count + 1);
  const grid: number[] = [];
  let d = 0;
  for (let b = 0; b < count; b++) {
    const start = buckets[b];
    const end = buckets[b + 1];
    firstSub[b] = grid.length;
    if (interval === 'week' || interval === 'month') {
      // Bucket edges are day edges, so the bucket's days are a run of the day grid.
      while (d < days.length - 1 && days[d] < start) d++;
      while (d < days.length - 1 && days[d] < end) grid.push(days[d++]);
    } else {
      const step = interval === 'day' ? HOUR : MINUTE;
      for (let t = start; t < end; t += step) grid.push(t);
    }
  }
  firstSub[count] = grid.length;
  if (count) grid.push(buckets[count]);
  return { grid, firstSub };
}

/** Inclusive day count of a range. */
export function rangeDays(from: CivilDate, to: CivilDate): number {
  return civilToDays(to) - civilToDays(from) + 1;
}
