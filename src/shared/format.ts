/**
 * Numbers, dates and durations in the element's `locale` and `time-zone`, with cached formatters:
 * every element formats through these, so a locale's formatter is built once per page.
 */
import { str } from './strings.js';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>();
/** Keys of option objects seen before: a table formats thousands of cells with a few constants. */
const optionKeys = new WeakMap<object, string>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.PluralRules>(
  Make: new (locale: string, options: object) => T,
  locale: string,
  options: object,
  timeZone?: string,
): T {
  let optionsKey = optionKeys.get(options);
  if (optionsKey === undefined) optionKeys.set(options, (optionsKey = JSON.stringify(options)));
  const key = `${Make.name}|${locale}|${timeZone}|${optionsKey}`;
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = new Make(locale, timeZone ? { timeZone, ...options } : options)));
  return f;
}

/** A cached `Intl.NumberFormat` (pass the same options object each time: it is the cache key). */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions) => cached(Intl.NumberFormat, locale, options);

export const dateFormat = (locale: string, timeZone: string, options: Intl.DateTimeFormatOptions) => cached(Intl.DateTimeFormat, locale, options, timeZone);

const INTEGER: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };
const DECIMAL: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const PERCENT: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const SHARE: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
const CARDINAL = {};

export const formatInteger = (locale: string, value: number) => numberFormat(locale, INTEGER).format(value);

/** One decimal, as the Average Peak is shown. */
export const formatDecimal = (locale: string, value: number) => numberFormat(locale, DECIMAL).format(value);

/** A ratio as a percentage (0.85 → 85%); an em dash for null. */
export function formatPercent(locale: string, ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : numberFormat(locale, PERCENT).format(ratio);
}

/**
 * A share of the time: one decimal at most, never rounded to a false 0 % or 100 % (a sliver
 * reads "<0.1%", almost all ">99.9%").
 */
export function formatShare(locale: string, ratio: number): string {
  const f = numberFormat(locale, SHARE);
  return ratio > 0 && ratio < 0.0005 ? `<${f.format(0.001)}` : ratio < 1 && ratio >= 0.9995 ? `>${f.format(0.999)}` : f.format(ratio);
}

const UNITS = (['day', 'hour', 'minute', 'second'] as const).map((unit, i): [Intl.NumberFormatOptions, number] => [
  { style: 'unit', unit, unitDisplay: 'short' },
  [86_400, 3_600, 60, 1][i],
]);

/** A duration in its two largest units: "2 hr, 20 min", "45 sec" (whole seconds, rounded down). */
export function formatSeconds(locale: string, seconds: number): string {
  let rest = Math.floor(seconds);
  const parts: string[] = [];
  for (const [options, size] of UNITS) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || (size === 1 && !parts.length)) {
      parts.push(numberFormat(locale, options).format(n));
      if (parts.length === 2) break;
    } else if (parts.length) break;
  }
  return parts.join(' ');
}

/** "1 license", "20 licenses" (the number in the locale, the plural by the locale's rules). */
export function licenseCount(locale: string, count: number): string {
  const one = cached(Intl.PluralRules, locale, CARDINAL).select(count) === 'one';
  return str(one ? 'licensesOne' : 'licensesOther', { count: formatInteger(locale, count) });
}

export function formatDateTime(locale: string, timeZone: string, ms: number, options: Intl.DateTimeFormatOptions = DATE_TIME): string {
  return dateFormat(locale, timeZone, options).format(ms);
}

// 2024-01-01 was a Monday: day d (1 Monday ... 7 Sunday) is January d, 2024, read in UTC.
const WEEKDAY: Intl.DateTimeFormatOptions[] = [{ weekday: 'long' }, { weekday: 'short' }];
const HOUR: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** The weekday's name (1 Monday ... 7 Sunday), long or short. */
export const weekdayName = (locale: string, weekday: number, short = false) => formatDateTime(locale, 'UTC', Date.UTC(2024, 0, weekday), WEEKDAY[+short]);

/** The hour of the day as a span in the locale's clock: "09:00–10:00", "9:00 AM–10:00 AM". */
export const hourSpan = (locale: string, hour: number) =>
  `${formatDateTime(locale, 'UTC', Date.UTC(2024, 0, 1, hour), HOUR)}–${formatDateTime(locale, 'UTC', Date.UTC(2024, 0, 1, hour + 1), HOUR)}`;

/** The page's locale: the element's `locale`, else the document's `lang`, else the browser's. */
export function resolveLocale(explicit: string | undefined | null, element?: Element): string {
  // A server-side render's element has no DOM to walk (`closest` is missing there).
  const fromTree = typeof element?.closest === 'function' ? element.closest('[lang]')?.getAttribute('lang') : undefined;
  const candidates = [explicit, fromTree, typeof document !== 'undefined' ? document.documentElement.lang : undefined, typeof navigator !== 'undefined' ? navigator.language : undefined];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return Intl.getCanonicalLocales(c)[0];
    } catch {
      // Not a BCP 47 tag: try the next source.
    }
  }
  return 'en-US';
}

/** The browser's own IANA zone. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
