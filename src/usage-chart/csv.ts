/**
 * The chart's buckets as CSV, by the rules of CONTRACT 6: UTF-8 BOM, RFC 4180, the formula guard,
 * instants with the zone's offset. Pure: no DOM.
 */
import { BOM, csvRow } from '../core/csv.js';
import { formatInstant, parseInstant } from '../core/tz.js';
import type { UsageBucket } from '../core/types.js';

export const USAGE_CSV_HEADER = ['Start', 'End', 'Available Sessions', 'Peak Usage', 'Peak At', 'Average Peak', 'Denied'] as const;

/** One instant of the response, rewritten with the offset of `timeZone` at that instant. */
function inZone(text: string | null, timeZone: string): string {
  if (text === null) return '';
  const ms = parseInstant(text);
  return Number.isNaN(ms) ? text : formatInstant(ms, timeZone);
}

/** The whole CSV text of the buckets (Average Peak unrounded, as the service sent it). */
export function bucketsToCsv(buckets: readonly UsageBucket[], timeZone: string): string {
  let text = BOM + csvRow(USAGE_CSV_HEADER);
  for (const b of buckets) {
    text += csvRow([inZone(b.start, timeZone), inZone(b.end, timeZone), b.available, b.peak, inZone(b.peakAt, timeZone), b.averagePeak, b.denied]);
  }
  return text;
}
