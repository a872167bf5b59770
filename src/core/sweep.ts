/**
 * Peak concurrency by a sweep over sorted start and end events (CONTRACT 4).
 *
 * A session's active span is the half-open `[start, end)`, so at one instant its ends are
 * counted before its starts: back-to-back sessions never overlap. The sweep is O(events + periods)
 * inside the grid, with a binary search for the count at the grid's first instant.
 */

/** Number of values in the sorted `values` that are `<= t`. */
export function countAtOrBefore(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Number of values in the sorted `values` that are `< t`. */
export function countBefore(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Peaks {
  /** Max concurrency in each period `[grid[i], grid[i+1])`. */
  peak: Int32Array;
  /** First instant of each period at which its peak is reached. */
  at: Float64Array;
}

/**
 * `starts` and `ends` are sorted ascending; `ends` holds only sessions that have ended (active
 * sessions never end inside a grid clipped at `asOf`). Every session has `start < end`.
 */
export function peaksOver(starts: Float64Array, ends: Float64Array, grid: readonly number[]): Peaks {
  const periods = Math.max(grid.length - 1, 0);
  const peak = new Int32Array(periods);
  const at = new Float64Array(periods);
  if (!periods) return { peak, at };
  const n = starts.length;
  const m = ends.length;
  let i = countAtOrBefore(starts, grid[0]);
  let j = countAtOrBefore(ends, grid[0]);
  let c = i - j;
  for (let p = 0; p < periods; p++) {
    const a = grid[p];
    const b = grid[p + 1];
    while (i < n && starts[i] <= a) { c++; i++; }
    while (j < m && ends[j] <= a) { c--; j++; }
    let max = c;
    let maxAt = a;
    for (;;) {
      const s = i < n ? starts[i] : Infinity;
      const e = j < m ? ends[j] : Infinity;
      const t = s < e ? s : e;
      if (t >= b) break;
      while (j < m && ends[j] === t) { c--; j++; }
      while (i < n && starts[i] === t) { c++; i++; }
      if (c > max) { max = c; maxAt = t; }
    }
    peak[p] = max;
    at[p] = maxAt;
  }
  return { peak, at };
}
