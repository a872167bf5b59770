/**
 * The planner's words for its numbers, in the element's locale: licence counts, shares of the
 * time, durations, weekday names and the hours of the day (the week starts on Monday, CONTRACT 3.4).
 */
import { dateFormat, formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';

const plurals = new Map<string, Intl.PluralRules>();

/** "1 licence", "20 licences" (the number in the locale). */
export function licences(locale: string, count: number): string {
  let rules = plurals.get(locale);
  if (!rules) plurals.set(locale, (rules = new Intl.PluralRules(locale)));
  return str(rules.select(count) === 'one' ? 'licencesOne' : 'licencesOther', { count: formatInteger(locale, count) });
}

/**
 * A share of the time: one decimal at most, never rounded to a false 0 % or 100 % (a sliver
 * reads "<0.1%", almost all ">99.9%").
 */
export function formatShare(locale: string, ratio: number): string {
  const f = (r: number) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(r);
  if (ratio > 0 && ratio < 0.0005) return `<${f(0.001)}`;
  if (ratio < 1 && ratio >= 0.9995) return `>${f(0.999)}`;
  return f(ratio);
}

const UNITS = [
  ['day', 86_400],
  ['hour', 3_600],
  ['minute', 60],
  ['second', 1],
] as const;

/** A duration in its two largest units: "2 hr, 20 min", "45 sec" (whole seconds, rounded down). */
export function formatSeconds(locale: string, seconds: number): string {
  let rest = Math.floor(seconds);
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if ((n > 0 || (unit === 'second' && !parts.length)) && parts.length < 2) {
      parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(n));
    } else if (parts.length) break;
  }
  return parts.join(' ');
}

// 2024-01-01 was a Monday: day d (1 Monday ... 7 Sunday) is January d, 2024.
const monday = (weekday: number, hour = 0) => Date.UTC(2024, 0, weekday, hour);
const LONG: Intl.DateTimeFormatOptions = { weekday: 'long' };
const SHORT: Intl.DateTimeFormatOptions = { weekday: 'short' };
const HOUR: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** The weekday's name (1 Monday ... 7 Sunday). */
export function weekdayName(locale: string, weekday: number, short = false): string {
  return dateFormat(locale, 'UTC', short ? SHORT : LONG).format(monday(weekday));
}

/** The hour of the day as a span in the locale's clock: "09:00–10:00", "9:00 AM–10:00 AM". */
export function hourSpan(locale: string, hour: number): string {
  const f = dateFormat(locale, 'UTC', HOUR);
  return `${f.format(monday(1, hour))}–${f.format(monday(1, hour + 1))}`;
}
