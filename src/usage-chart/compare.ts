/**
 * "Compare with the previous period": the same-length range just before the one on screen, at the
 * same interval, zone and organizations, aligned bucket by bucket (the first bucket with the
 * first). Its own request, so the chart never waits for it; a failure of it is a note, not an
 * error of the chart.
 */
import type { UsageBucket, UsageResponse } from '../core/types.js';
import { civilToDays, daysToCivil, formatCivilDate, parseCivilDate } from '../core/tz.js';
import type { DateRange } from '../shared/dates.js';
import { formatInteger, formatPercent } from '../shared/format.js';
import { str } from '../shared/strings.js';

const day = (days: number) => formatCivilDate(daysToCivil(days));

/** The range of the same length that ends the day before `range` starts. */
export function previousRange(range: DateRange): DateRange {
  const from = civilToDays(parseCivilDate(range.from)!);
  const to = civilToDays(parseCivilDate(range.to)!);
  return { from: day(from - (to - from + 1)), to: day(from - 1) };
}

/** Whether `previous` is the previous period of `data` (same product, interval, zone; the range just before). */
export function isPreviousOf(previous: UsageResponse | undefined, data: UsageResponse): previous is UsageResponse {
  if (!previous) return false;
  const expected = previousRange(data);
  return (
    previous.product === data.product &&
    previous.interval === data.interval &&
    previous.timeZone === data.timeZone &&
    previous.from === expected.from &&
    previous.to === expected.to
  );
}

/** The previous period's bucket aligned with each bucket on screen (undefined past its end). */
export function aligned(previous: UsageResponse, data: UsageResponse): Array<UsageBucket | undefined> {
  return data.buckets.map((_, i) => previous.buckets[i]);
}

/** "+3 (+25%)", "−2 (−10%)", "0": the change from `before` to `now`, in the locale. */
export function changeText(now: number, before: number, locale: string): string {
  const delta = now - before;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  const count = `${sign}${formatInteger(locale, Math.abs(delta))}`;
  if (delta === 0 || before === 0) return count;
  return `${count} (${sign}${formatPercent(locale, Math.abs(delta) / before)})`;
}

export interface ComparedFacts {
  title: string;
  peak: string;
  average: string;
  denied: string;
  /** Now against then: "+3 (+25%)". */
  peakChange: string;
}

export function comparedSentence(f: ComparedFacts): string {
  return `${str('previousPeriod')}: ${f.title}, ${str('peakUsage')} ${f.peak} (${f.peakChange}), ${str('averagePeak')} ${f.average}, ${str('deniedRequests')} ${f.denied}`;
}
