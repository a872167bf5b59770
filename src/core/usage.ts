/**
 * `computeUsage`: the body of `GET {endpoint}/{product}/usage` (CONTRACT 3.1 and 4).
 */
import { bucketGrid, dayGrid, subGrid, type Range } from './calendar.js';
import { instant, validateUsageQuery } from './validate.js';
import { organizationMask, orgMatches, productIndex, type ProductIndex } from './prepare.js';
import { countBefore, peaksOver } from './sweep.js';
import { civilToDays, formatInstant, formatUtc } from './tz.js';
import type { Dataset, UsageBucket, UsageQuery, UsageResponse } from './types.js';

/** Sorted start and end times of the sessions an organization filter keeps. */
function sweepEvents(index: ProductIndex, mask: Uint8Array | null): { starts: Float64Array; ends: Float64Array } {
  if (!mask) return { starts: index.sweepStarts, ends: index.sweepEnds };
  const pick = (order: Uint32Array, times: Float64Array): Float64Array => {
    const out = new Float64Array(order.length);
    let k = 0;
    for (let x = 0; x < order.length; x++) {
      const i = order[x];
      const o = index.org[i];
      if (o >= 0 && mask[o] === 1) out[k++] = times[i];
    }
    return out.subarray(0, k);
  };
  return { starts: pick(index.sweepByStart, index.start), ends: pick(index.sweepByEnd, index.end) };
}

/** Licenses available at `end`: per scope in the filter, the latest allocation strictly before it. */
function availableAt(index: ProductIndex, mask: Uint8Array | null, end: number): number {
  let total = 0;
  for (const series of index.allocations) {
    if (!orgMatches(mask, series.org)) continue;
    const before = countBefore(series.times, end);
    if (before > 0) total += series.sessions[before - 1];
  }
  return total;
}

function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  if (to <= from) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

export function computeUsage(dataset: Dataset, query: UsageQuery, asOf: string | Date): UsageResponse {
  const q = validateUsageQuery(query);
  const now = instant('asOf', asOf);
  const index = productIndex(dataset, q.product);
  const mask = organizationMask(index.orgs, q.organizationIds);
  const range: Range = { fromDays: civilToDays(q.from), toDays: civilToDays(q.to), timeZone: q.timeZone };

  const grid = bucketGrid(q.interval, range, now);
  const days = dayGrid(range, now);
  const sub = subGrid(q.interval, grid, days);
  const { starts, ends } = sweepEvents(index, mask);
  const subPeaks = peaksOver(starts, ends, sub.grid);
  const dailyPeaks =
    q.interval === 'week' || q.interval === 'month' ? subPeaks.peak : peaksOver(starts, ends, days).peak;

  const buckets: UsageBucket[] = [];
  let summaryPeak = 0;
  for (let b = 0; b + 1 < grid.length; b++) {
    const first = sub.firstSub[b];
    const last = sub.firstSub[b + 1];
    let peak = 0;
    let peakAt = grid[b];
    for (let s = first; s < last; s++) {
      if (subPeaks.peak[s] > peak) {
        peak = subPeaks.peak[s];
        peakAt = subPeaks.at[s];
      }
    }
    summaryPeak = Math.max(summaryPeak, peak);
    buckets.push({
      start: formatInstant(grid[b], q.timeZone),
      end: formatInstant(grid[b + 1], q.timeZone),
      available: availableAt(index, mask, grid[b + 1]),
      peak,
      peakAt: peak === 0 ? null : formatInstant(peakAt, q.timeZone),
      averagePeak: mean(subPeaks.peak, first, last),
    });
  }
  const available = buckets.length ? buckets[buckets.length - 1].available : 0;
  return {
    product: q.product,
    interval: q.interval,
    timeZone: q.timeZone,
    from: query.from,
    to: query.to,
    asOf: formatUtc(now),
    buckets,
    summary: {
      available,
      peak: summaryPeak,
      averageDailyPeak: mean(dailyPeaks),
      utilization: available === 0 ? null : summaryPeak / available,
    },
    organizations: index.orgs.list.map(({ id, name, parentId }) => ({ id, name, parentId: parentId ?? null })),
  };
}
