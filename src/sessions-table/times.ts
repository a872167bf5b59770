/**
 * The Started and Ended cells' text, cached per value: a page of 250 rows formats up to 500
 * instants, and paging or sorting back and forth shows the same ones again.
 *
 * On screen without seconds, and without the year when it is the year of `asOf`; the tooltip
 * and `datetime` have the exact instant (ISO 8601 with the zone's offset, as in the CSV).
 */
import { formatInstant, offsetMinutes, parseInstant } from '../core/tz.js';
import { dateFormat } from '../shared/format.js';

export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const DATE_TIME_THIS_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

export interface TimeText {
  /** What the cell shows. */
  text: string;
  /** ISO 8601 with the zone's offset. */
  exact: string;
}

const DATE_PARTS = new Set(['weekday', 'era', 'year', 'relatedYear', 'yearName', 'month', 'day']);
const TIME_PARTS = new Set(['hour', 'minute', 'second', 'fractionalSecond', 'dayPeriod', 'timeZoneName']);
/** Entries per cache (one per locale, zone and year of `asOf`): several pages' worth. */
const MAX_ENTRIES = 4000;
const caches = new Map<string, Map<string, TimeText>>();

/** The calendar year at `ms` in `zone` (core's cached offsets: no Intl call per cell). */
const yearOf = (ms: number, zone: string) => new Date(ms + offsetMinutes(zone, ms) * 60_000).getUTCFullYear();

/**
 * The formatted date and time where a narrow column may break a line: after a comma ("Oct 30,
 * 2025, 8:00 AM") and between the date and the time, never at a bare space ("Oct 30", "8:00 AM").
 */
export function keepTogether(parts: readonly Intl.DateTimeFormatPart[]): string {
  let lastDate = -1;
  let firstTime = -1;
  parts.forEach((p, i) => {
    if (DATE_PARTS.has(p.type)) lastDate = i;
    if (firstTime < 0 && TIME_PARTS.has(p.type)) firstTime = i;
  });
  const between = (i: number) => lastDate >= 0 && firstTime > lastDate && i > lastDate && i < firstTime;
  return parts.map((p, i) => (p.type === 'literal' && !between(i) && /^ +$/.test(p.value) ? '\u00a0'.repeat(p.value.length) : p.value)).join('');
}

export function timeText(iso: string, locale: string, zone: string, asOf: number): TimeText {
  const thisYear = yearOf(asOf, zone);
  const key = `${locale}|${zone}|${thisYear}`;
  let cache = caches.get(key);
  if (!cache) {
    if (caches.size > 8) caches.clear();
    cache = new Map();
    caches.set(key, cache);
  }
  let t = cache.get(iso);
  if (!t) {
    const ms = parseInstant(iso);
    const options = yearOf(ms, zone) === thisYear ? DATE_TIME_THIS_YEAR : DATE_TIME;
    t = { text: keepTogether(dateFormat(locale, zone, options).formatToParts(ms)), exact: formatInstant(ms, zone) };
    if (cache.size >= MAX_ENTRIES) cache.clear();
    cache.set(iso, t);
  }
  return t;
}
