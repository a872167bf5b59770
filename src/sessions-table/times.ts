/**
 * The Started and Ended cells' text, cached per value: a page of 250 rows formats up to 500
 * instants, and paging or sorting back and forth shows the same ones again.
 *
 * On screen without seconds, and without the year when it is the year of `asOf`; the tooltip
 * and `datetime` have the exact instant (ISO 8601 with the zone's offset, as in the CSV).
 */
import { formatInstant, offsetMinutes, parseInstant } from '../core/tz.js';
import { dateFormat } from '../shared/format.js';

const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const DATE_TIME_THIS_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

export interface TimeText {
  /** What the cell shows. */
  text: string;
  /** ISO 8601 with the zone's offset. */
  exact: string;
}

/** By locale, zone, year of `asOf` and instant: several pages' worth, then it starts again. */
const cache = new Map<string, TimeText>();

/** The calendar year at `ms` in `zone` (core's cached offsets: no Intl call per cell). */
const yearOf = (ms: number, zone: string) => new Date(ms + offsetMinutes(zone, ms) * 60_000).getUTCFullYear();

/**
 * The formatted date and time where a narrow column may break a line: after a comma ("Oct 30,
 * 2025, 8:00 AM") and between the date and the time, never at a bare space ("Oct 30", "8:00 AM").
 */
function keepTogether(parts: readonly Intl.DateTimeFormatPart[]): string {
  const lastDate = parts.findLastIndex((p) => /^(weekday|era|year|relatedYear|yearName|month|day)$/.test(p.type));
  const firstTime = parts.findIndex((p) => /^(hour|minute|second|dayPeriod)$/.test(p.type));
  return parts.map((p, i) => (p.type === 'literal' && !(i > lastDate && i < firstTime) && /^ +$/.test(p.value) ? '\u00a0'.repeat(p.value.length) : p.value)).join('');
}

export function timeText(iso: string, locale: string, zone: string, asOf: number): TimeText {
  const thisYear = yearOf(asOf, zone);
  const key = `${locale}|${zone}|${thisYear}|${iso}`;
  let t = cache.get(key);
  if (!t) {
    if (cache.size >= 4000) cache.clear();
    const ms = parseInstant(iso);
    const parts = dateFormat(locale, zone, yearOf(ms, zone) === thisYear ? DATE_TIME_THIS_YEAR : DATE_TIME).formatToParts(ms);
    cache.set(key, (t = { text: keepTogether(parts), exact: formatInstant(ms, zone) }));
  }
  return t;
}
