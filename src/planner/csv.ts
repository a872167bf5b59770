/**
 * The planner's numbers as CSV, by the rules of CONTRACT 6 (UTF-8 BOM, RFC 4180 with CRLF, the
 * formula guard): the time at each level with its coverage marks, and the peaks by weekday and
 * hour. Shares are unrounded fractions, as a spreadsheet wants them. Pure: no DOM.
 */
import { BOM, csvRow } from '../core/csv.js';
import type { CapacityResponse } from '../core/types.js';
import { weekdayName } from '../shared/format.js';
import { levelShares, MARKS } from './coverage.js';

export const COVERAGE_CSV_HEADER = ['Licenses In Use', 'Seconds', 'Share Of Time', 'Share At Or Below', 'Marks'] as const;
export const HOURS_CSV_HEADER = ['Weekday', 'Day', 'Hour', 'Peak', 'Average Peak'] as const;

export function coverageCsv(d: CapacityResponse): string {
  let text = BOM + csvRow(COVERAGE_CSV_HEADER);
  for (const s of levelShares(d)) text += csvRow([s.level, s.seconds, s.share, s.cumulative, MARKS.filter((m) => d.coverage[m] === s.level).join(' ')]);
  return text;
}

/** Days are named (1 Monday ... 7 Sunday) in the element's locale. */
export function hoursCsv(d: CapacityResponse, locale: string): string {
  let text = BOM + csvRow(HOURS_CSV_HEADER);
  for (const c of d.byHour) text += csvRow([c.weekday, weekdayName(locale, c.weekday), `${String(c.hour).padStart(2, '0')}:00`, c.peak, c.averagePeak]);
  return text;
}
