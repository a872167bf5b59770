/**
 * `computeCapacity`: the body of `GET {endpoint}/{product}/capacity` (CONTRACT 3.4 and 4,
 * "capacity"): how long each concurrency level lasted, the levels that covered a share of the
 * time, the peaks by local weekday and hour, and a replay of the demand against another license
 * count.
 */
import { bucketGrid, rangeInstants, type Range } from './calendar.js';
import { instant, validateCapacityQuery } from './validate.js';
import { productIndex, type ProductIndex } from './prepare.js';
import { organizationMask, scopeMask } from './organizations.js';
import { countAtOrBefore, countBefore, peaksOver } from './sweep.js';
import { availableAt, denialTimes, sweepEvents } from './usage.js';
import { civilToDays, formatUtc, wallClock } from './tz.js';
import type {
  CapacityCoverage,
  CapacityHour,
  CapacityQuery,
  CapacityReplay,
  CapacityResponse,
  Dataset,
} from './types.js';

const SHARES = [50, 90, 95, 99] as const;

/**
 * Milliseconds of `[start, end)` during which `c(t) = k`, for each k from 0 to the maximum: a
 * sweep over the sorted starts and ends (ends before starts at one instant: back-to-back sessions
 * never overlap).
 */
export function levelDurations(starts: Float64Array, ends: Float64Array, start: number, end: number): number[] {
  const ms: number[] = [0];
  if (!(start < end)) return ms;
  let i = countAtOrBefore(starts, start);
  let j = countAtOrBefore(ends, start);
  let c = i - j;
  let t = start;
  for (;;) {
    const s = i < starts.length ? starts[i] : Infinity;
    const e = j < ends.length ? ends[j] : Infinity;
    const next = Math.min(s, e, end);
    while (ms.length <= c) ms.push(0);
    ms[c] += next - t;
    if (next >= end) break;
    t = next;
    while (j < ends.length && ends[j] === t) { c--; j++; }
    while (i < starts.length && starts[i] === t) { c++; i++; }
  }
  return ms;
}

/** The smallest k such that `c(t) <= k` during at least `share` % of the time (exact, in whole ms). */
export function coverage(ms: readonly number[]): CapacityCoverage {
  const total = ms.reduce((a, b) => a + b, 0);
  const max = ms.length - 1;
  const level = (share: number): number => {
    if (total === 0) return 0;
    let covered = 0;
    for (let k = 0; k < ms.length; k++) {
      covered += ms[k];
      if (covered * 100 >= share * total) return k;
    }
    return max;
  };
  const [p50, p90, p95, p99] = SHARES.map(level);
  return { p50, p90, p95, p99, max: total === 0 ? 0 : max };
}

/**
 * Max and mean of the peaks of the range's hour buckets (3.1's, without the 31-day limit), grouped
 * by the local weekday and hour their start falls on: 168 entries, Monday 00:00 first.
 */
function peaksByHour(starts: Float64Array, ends: Float64Array, range: Range, asOf: number): CapacityHour[] {
  const grid = bucketGrid('hour', range, asOf);
  const { peak } = peaksOver(starts, ends, grid);
  const max = new Int32Array(168);
  const sum = new Float64Array(168);
  const count = new Int32Array(168);
  for (let b = 0; b < peak.length; b++) {
    const wall = wallClock(range.timeZone, grid[b]);
    const cell = wall.weekday * 24 + wall.hour;
    if (peak[b] > max[cell]) max[cell] = peak[b];
    sum[cell] += peak[b];
    count[cell]++;
  }
  return Array.from({ length: 168 }, (_, cell) => ({
    weekday: Math.floor(cell / 24) + 1,
    hour: cell % 24,
    peak: max[cell],
    averagePeak: count[cell] ? sum[cell] / count[cell] : 0,
  }));
}

/** A binary min-heap of end times: the licenses the replay holds. */
class EndHeap {
  private items: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Float64Array(Math.max(capacity, 1));
  }
  get min(): number {
    return this.size ? this.items[0] : Infinity;
  }
  push(value: number): void {
    if (this.size === this.items.length) {
      const grown = new Float64Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    const a = this.items;
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (a[parent] <= value) break;
      a[k] = a[parent];
      k = parent;
    }
    a[k] = value;
  }
  pop(): void {
    const a = this.items;
    const last = a[--this.size];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && a[child + 1] < a[child]) child++;
      if (a[child] >= last) break;
      a[k] = a[child];
      k = child;
    }
    a[k] = last;
  }
}

/**
 * Replays the matching sessions active at some instant of `[start, end)` in start order (ties by
 * session id: the order of `sweepByStart`) against `licenses`: a session that starts while every
 * license is held is refused and holds nothing; one that ends at an instant frees its license
 * before one that starts then takes it.
 */
function replay(index: ProductIndex, mask: Uint8Array | null, start: number, end: number, asOf: number, licenses: number): { refused: number; peak: number } {
  const held = new EndHeap(Math.min(licenses, 1 << 16));
  let refused = 0;
  let peak = 0;
  const order = index.sweepByStart;
  const stop = countBefore(index.sweepStarts, end);
  for (let x = 0; x < stop; x++) {
    const i = order[x];
    if (mask) {
      const o = index.org[i];
      if (o < 0 || mask[o] !== 1) continue;
    }
    const s = index.start[i];
    const e = Number.isNaN(index.end[i]) || index.end[i] > asOf ? asOf : index.end[i];
    if (!(e > start && e > s)) continue;
    while (held.size && held.min <= s) held.pop();
    if (held.size >= licenses) {
      refused++;
      continue;
    }
    held.push(e);
    if (held.size > peak) peak = held.size;
  }
  return { refused, peak };
}

export function computeCapacity(dataset: Dataset, query: CapacityQuery, asOf: string | Date): CapacityResponse {
  const q = validateCapacityQuery(query);
  const now = instant('asOf', asOf);
  const index = productIndex(dataset, q.product);
  const mask = organizationMask(index.orgs, q.organizationIds);
  const range: Range = { fromDays: civilToDays(q.from), toDays: civilToDays(q.to), timeZone: q.timeZone };
  const { start, end } = rangeInstants(range, now);
  const open = start < end;
  const { starts, ends } = sweepEvents(index, mask);
  const ms = levelDurations(starts, ends, start, end);
  const denials = denialTimes(index, mask);

  const response: CapacityResponse = {
    product: q.product,
    timeZone: q.timeZone,
    from: query.from,
    to: query.to,
    asOf: formatUtc(now),
    seconds: open ? (end - start) / 1000 : 0,
    levels: ms.map((m, level) => ({ level, seconds: m / 1000 })),
    coverage: coverage(ms),
    byHour: peaksByHour(starts, ends, range, now),
    available: open ? availableAt(index, scopeMask(index.orgs, q.organizationIds), end) : 0,
    denied: open ? countBefore(denials, end) - countBefore(denials, start) : 0,
  };
  if (q.licenses !== null) {
    const licenses = q.licenses;
    const result: CapacityReplay = {
      licenses,
      refused: 0,
      secondsOver: ms.reduce((sum, m, level) => (level > licenses ? sum + m : sum), 0) / 1000,
      peak: 0,
    };
    if (open) Object.assign(result, replay(index, mask, start, end, now, licenses));
    response.replay = result;
  }
  return response;
}
