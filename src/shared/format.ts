/**
 * Number and date formatting in the element's `locale` and `time-zone`, with cached formatters.
 */
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** Keys of option objects seen before: a table formats thousands of cells with a few constants. */
const optionKeys = new WeakMap<object, string>();

export function dateFormat(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let optionsKey = optionKeys.get(options);
  if (optionsKey === undefined) {
    optionsKey = JSON.stringify(options);
    optionKeys.set(options, optionsKey);
  }
  const key = `d|${locale}|${timeZone}|${optionsKey}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, ...options });
    cache.set(key, f);
  }
  return f;
}

export function formatInteger(locale: string, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** One decimal, as the Average Peak is shown. */
export function formatDecimal(locale: string, value: number, digits = 1): string {
  return numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** A ratio as a percentage (0.85 → 85%); an em dash for null. */
export function formatPercent(locale: string, ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

export function formatDateTime(locale: string, timeZone: string, ms: number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string {
  return dateFormat(locale, timeZone, options).format(ms);
}

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
