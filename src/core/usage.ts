/**
 * `computeUsage`: the body of `GET {endpoint}/{product}/usage` (CONTRACT 3.1 and 4).
 */
import { bucketGrid, dayGrid, rangeInstants, subGrid, type Range } from './calendar.js';
import { instant, validateUsageQuery } from './validate.js';
import { productIndex, type ProductIndex } from './prepare.js';
import { organizationMask, scopeMask, scopeMatches } from './organizations.js';
import { countBefore, peaksOver } from './sweep.js';
import { compareCodePoints } from './text-order.js';
import { civilToDays, formatInstant, formatUtc } from './tz.js';
import type { CapacityChange, Dataset, Organization, UsageBucket, UsageQuery, UsageResponse } from './types.js';

/** Sorted start and end times of the sessions an organization filter keeps. */
export function sweepEvents(index: ProductIndex, mask: Uint8Array | null): { starts: Float64Array; ends: Float64Array } {
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

/** Sorted times of the denials an organization filter keeps. */
export function denialTimes(index: ProductIndex, mask: Uint8Array | null): Float64Array {
  if (!mask) return index.denialTimes;
  const { denialTimes: times, denialOrgs: orgs } = index;
  const out = new Float64Array(times.length);
  let k = 0;
  for (let x = 0; x < times.length; x++) if (orgs[x] >= 0 && mask[orgs[x]] === 1) out[k++] = times[x];
  return out.subarray(0, k);
}

/** Licenses available at `end`: per scope the filter draws on, the latest allocation strictly before it. */
export function availableAt(index: ProductIndex, scopes: Uint8Array | null, end: number): number {
  let total = 0;
  for (const series of index.allocations) {
    if (!scopeMatches(scopes, series.org)) continue;
    const before = countBefore(series.times, end);
    if (before > 0) total += series.sessions[before - 1];
  }
  return total;
}

/**
 * Allocation changes of the scopes the filter draws on inside `[start, end)`: in time order, then
 * the account-wide scope, then by organization id.
 */
function capacityChanges(index: ProductIndex, scopes: Uint8Array | null, start: number, end: number, timeZone: string): CapacityChange[] {
  const found: Array<{ time: number; id: string | null; before: number; after: number }> = [];
  for (const series of index.allocations) {
    if (!scopeMatches(scopes, series.org)) continue;
    const id = series.org < 0 ? null : index.orgs.list[series.org].id;
    for (let k = countBefore(series.times, start); k < series.times.length && series.times[k] < end; k++) {
      const before = k > 0 ? series.sessions[k - 1] : 0;
      const after = series.sessions[k];
      if (before !== after) found.push({ time: series.times[k], id, before, after });
    }
  }
  found.sort(
    (a, b) => a.time - b.time || (a.id === null ? -1 : b.id === null ? 1 : compareCodePoints(a.id, b.id)),
  );
  return found.map(({ time, id, before, after }) => ({ at: formatInstant(time, timeZone), organizationId: id, before, after }));
}

export function mean(values: ArrayLike<number>, from = 0, to = values.length): number {
  if (to <= from) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

export function organizationList(index: ProductIndex): Organization[] {
  return index.orgs.list.map(({ id, name, parentId }) => ({ id, name, parentId: parentId ?? null }));
}

export function computeUsage(dataset: Dataset, query: UsageQuery, asOf: string | Date): UsageResponse {
  const q = validateUsageQuery(query);
  const now = instant('asOf', asOf);
  const index = productIndex(dataset, q.product);
  const mask = organizationMask(index.orgs, q.organizationIds);
  const scopes = scopeMask(index.orgs, q.organizationIds);
  const range: Range = { fromDays: civilToDays(q.from), toDays: civilToDays(q.to), timeZone: q.timeZone };

  const grid = bucketGrid(q.interval, range, now);
  const days = dayGrid(range, now);
  const sub = subGrid(q.interval, grid, days);
  const { starts, ends } = sweepEvents(index, mask);
  const denials = denialTimes(index, mask);
  const subPeaks = peaksOver(starts, ends, sub.grid);
  const dailyPeaks =
    q.interval === 'week' || q.interval === 'month' ? subPeaks.peak : peaksOver(starts, ends, days).peak;

  const buckets: UsageBucket[] = [];
  let summaryPeak = 0;
  let utilization: number | null = null;
  let denied = 0;
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
    const available = availableAt(index, scopes, grid[b + 1]);
    const bucketDenied = countBefore(denials, grid[b + 1]) - countBefore(denials, grid[b]);
    summaryPeak = Math.max(summaryPeak, peak);
    if (available > 0 && (utilization === null || peak / available > utilization)) utilization = peak / available;
    denied += bucketDenied;
    buckets.push({
      start: formatInstant(grid[b], q.timeZone),
      end: formatInstant(grid[b + 1], q.timeZone),
      available,
      peak,
      peakAt: peak === 0 ? null : formatInstant(peakAt, q.timeZone),
      averagePeak: mean(subPeaks.peak, first, last),
      denied: bucketDenied,
    });
  }
  const { start, end } = rangeInstants(range, now);
  return {
    product: q.product,
    interval: q.interval,
    timeZone: q.timeZone,
    from: query.from,
    to: query.to,
    asOf: formatUtc(now),
    buckets,
    summary: {
      available: buckets.length ? buckets[buckets.length - 1].available : 0,
      peak: summaryPeak,
      averageDailyPeak: mean(dailyPeaks),
      utilization,
      denied,
    },
    capacityChanges: start < end ? capacityChanges(index, scopes, start, end, q.timeZone) : [],
    organizations: organizationList(index),
  };
}
