/**
 * The coverage answer (CONTRACT 3.4, `levels` and `coverage`): the share of the time at each
 * level and at or below it, the time over a license count, the one sentence that answers "how
 * many licenses did the demand need" and the names of the marks. Every figure comes from the
 * response. Pure: no DOM.
 */
import type { CapacityResponse } from '../core/types.js';
import { formatInteger, formatShare, licenseCount } from '../shared/format.js';
import { str } from '../shared/strings.js';

export const MARKS = ['p50', 'p90', 'p95', 'p99', 'max'] as const;
export type Mark = (typeof MARKS)[number];

/** Nothing used and nothing available: nothing to plan from. */
export const isEmptyCapacity = (d: CapacityResponse) => d.seconds === 0 || (d.coverage.max === 0 && d.available === 0 && d.denied === 0);

export interface LevelShare {
  level: number;
  seconds: number;
  /** Share of the range at exactly this level. */
  share: number;
  /** Share of the range at this level or below. */
  cumulative: number;
}

export function levelShares(d: CapacityResponse): LevelShare[] {
  let below = 0;
  return d.levels.map(({ level, seconds }) => {
    below += seconds;
    return { level, seconds, share: d.seconds ? seconds / d.seconds : 0, cumulative: d.seconds ? Math.min(1, below / d.seconds) : 0 };
  });
}

/** Seconds during which more than `count` licenses were in use. */
export const secondsAbove = (d: CapacityResponse, count: number) => d.levels.reduce((sum, l) => (l.level > count ? sum + l.seconds : sum), 0);

/**
 * The answer: when p99 fits the licenses available, how many covered 99 % of the time and how
 * many sat idle; otherwise, how often demand passed them and how many requests were refused.
 */
export function answerText(d: CapacityResponse, locale: string): string {
  const { coverage: { p99 }, available, denied } = d;
  const refused = denied === 1 ? str('refusedOne') : str('refusedOther', { count: formatInteger(locale, denied) });
  if (p99 > available) {
    return str('answerShort', { licenses: licenseCount(locale, available), over: formatShare(locale, secondsAbove(d, available) / d.seconds), refused });
  }
  const words = { needed: licenseCount(locale, p99), share: formatShare(locale, 0.99), available: formatInteger(locale, available), idle: formatInteger(locale, available - p99) };
  const text = str(p99 === available ? 'answerExact' : 'answerSpare', words);
  // Requests refused while licenses sat idle: the pools, not the total, fell short.
  return denied ? `${text} ${str('answerDenied', { refused })}` : text;
}

/** A mark's name: the percentiles as "Covers 99% of the time", the maximum as "Peak in range". */
export const markLabel = (mark: Mark, locale: string) =>
  mark === 'max' ? str('peakInRange') : str('covers', { share: formatShare(locale, Number(mark.slice(1)) / 100) });

/** Each mark as `[mark, name, licenses]`, p50 to max (the summary strip and the chart's name read them). */
export const markFigures = (d: CapacityResponse, locale: string) => MARKS.map((m) => [m, markLabel(m, locale), formatInteger(locale, d.coverage[m])] as const);

/** The accessible name of the coverage chart: what it shows and its marks. */
export function coverageName(d: CapacityResponse, locale: string): string {
  const marks = markFigures(d, locale).map(([, name, count]) => `${name}: ${count}`);
  return `${str('coverageChart')}. ${marks.join(', ')}; ${str('licensesAvailable')}: ${formatInteger(locale, d.available)}.`;
}
