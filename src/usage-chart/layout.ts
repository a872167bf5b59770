/**
 * The chart's geometry, computed by d3 from the buckets and the size: scales, bar rectangles, the
 * Available step area, the Average Peak line and the axis ticks. Lit renders what this returns.
 * Pure: no DOM.
 */
import { bisectRight, max, nice, ticks as d3ticks } from 'd3-array';
import type { CapacityChange, Interval, UsageBucket } from '../core/types.js';
import { formatInteger } from '../shared/format.js';
import { estimateWidth, tickLabels, tickSpacing, type Measure } from './labels.js';
import { chooseTicks, localFieldsOfIso } from './ticks.js';

/**
 * A linear scale: d3-array's `nice` and `ticks` with the mapping written out. (d3-scale's
 * scaleLinear brings d3-interpolate, d3-color and d3-format along: ~12 KB min+gzip for what is
 * here a multiply-add.)
 */
export interface Linear {
  (value: number): number;
  invert(px: number): number;
  domain(): [number, number];
}

export function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): Linear {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const scale = ((v: number) => r0 + (v - d0) * k) as Linear;
  scale.invert = (px) => (k === 0 ? d0 : d0 + (px - r0) / k);
  scale.domain = () => [d0, d1];
  return scale;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Bar {
  /** The bucket's slot on the time axis. */
  x0: number;
  x1: number;
  /** The bar inside the slot. */
  x: number;
  width: number;
  y: number;
  height: number;
  /** The peak reached the available count: demand may have been refused. */
  atCapacity: boolean;
}

export interface XTick {
  index: number;
  /** The tick's position: the middle of the bucket that starts the group. */
  x: number;
  /** Where the label is drawn: `x`, or pulled inside the plot at its ends. */
  labelX: number;
  label: string;
  context: string | null;
  anchor: 'start' | 'middle' | 'end';
}

export interface YTick {
  value: number;
  y: number;
  label: string;
}

export interface ChartLayout {
  width: number;
  height: number;
  margin: Margin;
  plotWidth: number;
  plotHeight: number;
  x: Linear;
  y: Linear;
  /** One bar per bucket: its slot, for the pointer, the highlight and the tooltip. */
  bars: Bar[];
  /**
   * The bars as drawn: one per bucket, or, when slots are thinner than a pixel, one per pixel
   * column (the highest peak of the buckets that start in it; at capacity when any of them is).
   * Each bucket's own numbers stay in `bars` for tooltips and the table view.
   */
  drawn: Bar[];
  /** Left edges of the slots, for finding the bucket under a pointer. */
  slotStarts: number[];
  availableArea: string;
  availableLine: string;
  /** Peak Usage: every drawn bar as a closed rectangle, in strips (see `STRIP`). */
  barPaths: string[];
  /** The drawn bars at capacity (hatched), in strips. */
  capacityPaths: string[];
  /** A mark over each hatched bar at least 5 px wide. */
  capacityMarks: string;
  /** The Average Peak line through the groups' middles, in strips that share their end points. */
  averageLine: string[];
  /** Its dots, in strips: a 0.5 px dash every 5.5 px along the line. */
  averageDots: string[];
  xTicks: XTick[];
  yTicks: YTick[];
  /** Ghost outlines of the previous period's peaks, one per drawn bar, in strips (none when not compared). */
  previousPeaks: string[];
  /** Where each allocation change sits on the Available step. */
  changeMarks: ChangeMark[];
}

export interface ChangeMark {
  /** Index into the response's `capacityChanges`. */
  index: number;
  x: number;
  y: number;
}

export interface LayoutInput {
  buckets: readonly UsageBucket[];
  interval: Interval;
  timeZone: string;
  locale: string;
  width: number;
  height: number;
  /** Widths of tick labels as rendered (the element measures them); an estimate by default. */
  measure?: Measure;
  /** The previous period's peak for each bucket (compare), aligned by index. */
  previous?: ReadonlyArray<number | undefined>;
  /** The allocation changes to mark on the Available step. */
  changes?: readonly CapacityChange[];
}

/** A positive peak that reached the licenses available. */
export function peakReachedLicenses(bucket: Pick<UsageBucket, 'peak' | 'available'>): boolean {
  return bucket.peak > 0 && bucket.peak >= bucket.available;
}

/** Buckets at capacity: the peak reached the licenses, or requests were refused (denied). */
export function atCapacity(bucket: Pick<UsageBucket, 'peak' | 'available' | 'denied'>): boolean {
  return peakReachedLicenses(bucket) || bucket.denied > 0;
}

/** The y scale's top: the largest value of any series (the previous period's too), at least 1, made nice. */
export function yScale(buckets: readonly UsageBucket[], plotHeight: number, previous: ReadonlyArray<number | undefined> = []): { y: Linear; ticks: number[] } {
  const top = Math.max(max(buckets, (b) => Math.max(b.available, b.peak, b.averagePeak)) ?? 0, max(previous, (v) => v ?? 0) ?? 0);
  const count = Math.max(2, Math.floor(plotHeight / 36));
  const [, upper] = nice(0, Math.max(1, top), count);
  const y = linear([0, upper], [plotHeight, 0]);
  // Whole numbers only: sessions are counted.
  const ticks = d3ticks(0, upper, count).filter((v) => Number.isInteger(v));
  return { y, ticks };
}

/** Gap between bars: a fifth of the slot, none when slots are narrower than 3 px. */
export function barPadding(slot: number): number {
  if (slot >= 6) return slot * 0.2;
  if (slot >= 3) return 1;
  return 0;
}

const MIN_PLOT = 40;

export function layoutChart(input: LayoutInput): ChartLayout {
  const { buckets, interval, timeZone, locale } = input;
  const n = buckets.length;
  const starts = buckets.map((b) => Date.parse(b.start));
  const ends = buckets.map((b) => Date.parse(b.end));

  const measure = input.measure ?? estimateWidth;
  const yLabelWidth = (v: number) => measure(formatInteger(locale, v));
  const height = Math.max(input.height, MIN_PLOT + 60);
  const margin: Margin = { top: 12, right: 12, bottom: 40, left: 12 };
  const plotHeight = height - margin.top - margin.bottom;
  const { y, ticks } = yScale(buckets, plotHeight, input.previous);
  margin.left = 10 + Math.max(16, ...ticks.map(yLabelWidth));
  const width = Math.max(input.width, margin.left + margin.right + MIN_PLOT);
  const plotWidth = width - margin.left - margin.right;

  const x = linear(n ? [starts[0], ends[n - 1]] : [0, 1], [0, plotWidth]);

  const bars: Bar[] = new Array(n);
  const slotStarts: number[] = new Array(n);
  const y0 = y(0);
  for (let i = 0; i < n; i++) {
    const b = buckets[i];
    const x0 = x(starts[i]);
    const x1 = x(ends[i]);
    const pad = barPadding(x1 - x0);
    const top = y(b.peak);
    // Slots thinner than half a pixel still get a visible bar, kept inside the plot.
    const barWidth = Math.max(0.5, x1 - x0 - pad);
    slotStarts[i] = x0;
    bars[i] = {
      x0,
      x1,
      x: Math.max(0, Math.min(x0 + pad / 2, plotWidth - barWidth)),
      width: barWidth,
      y: top,
      height: y0 - top,
      atCapacity: atCapacity(b),
    };
  }

  const groups = columns(bars, plotWidth);
  const drawn = groups.map((g) => drawnBar(g, bars));
  const series = (value: (b: UsageBucket) => number, pick: (values: number[]) => number) =>
    groups.map((g) => (g.first === g.last ? value(buckets[g.first]) : pick(buckets.slice(g.first, g.last + 1).map(value))));
  return {
    width,
    height,
    margin,
    plotWidth,
    plotHeight,
    x,
    y,
    bars,
    drawn,
    slotStarts,
    ...seriesPaths(groups, groups.map((g) => buckets[g.last].available), series((b) => b.averagePeak, mean), y, bars[0]),
    ...xAxis(buckets.map((b) => b.start), starts, bars, interval, timeZone, locale, plotWidth, margin, measure),
    yTicks: ticks.map((value) => ({ value, y: y(value), label: formatInteger(locale, value) })),
    // Each group's highest previous peak (d3's max skips the buckets with none; undefined if all are).
    ...barPaths(drawn),
    previousPeaks: input.previous ? ghostBars(groups.map((g) => (g.first === g.last ? input.previous![g.first] : max(input.previous!.slice(g.first, g.last + 1), (v) => v))), drawn, y) : [],
    changeMarks: (input.changes ?? []).map((c, index) => {
      // On the step as drawn: the slot the change falls in shows the licenses at its end.
      const px = x(Date.parse(c.at));
      const slot = bucketAt({ slotStarts }, px);
      return { index, x: r2(px), y: r2(y(slot < 0 ? c.after : buckets[slot].available)) };
    }),
  };
}

/** A run of buckets drawn as one: `first`..`last`, over `[x0, x1)`. */
interface Group {
  first: number;
  last: number;
  x0: number;
  x1: number;
}

/**
 * The buckets, one group each; or, when there are more buckets than pixels, the buckets that
 * start in each pixel column: thousands of sub-pixel shapes cost the rasterizer far more than
 * they show.
 */
function columns(bars: readonly Bar[], plotWidth: number): Group[] {
  if (bars.length <= plotWidth) return bars.map((b, i) => ({ first: i, last: i, x0: b.x0, x1: b.x1 }));
  const out: Group[] = [];
  for (let i = 0; i < bars.length; i++) {
    const column = Math.floor(bars[i].x0);
    const last = out[out.length - 1];
    if (last && Math.floor(last.x0) === column) {
      last.last = i;
      last.x1 = bars[i].x1;
    } else out.push({ first: i, last: i, x0: bars[i].x0, x1: bars[i].x1 });
  }
  return out;
}

function drawnBar(g: Group, bars: readonly Bar[]): Bar {
  if (g.first === g.last) return bars[g.first];
  let top = bars[g.first];
  let capacity = false;
  for (let i = g.first; i <= g.last; i++) {
    if (bars[i].y < top.y) top = bars[i];
    capacity ||= bars[i].atCapacity;
  }
  const x = Math.floor(g.x0);
  return { x0: g.x0, x1: g.x1, x, width: 1, y: top.y, height: top.height, atCapacity: capacity };
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** The previous period's peaks as ghost bars: each slot's bar outline (open at the bottom), in strips. */
function ghostBars(previous: ReadonlyArray<number | undefined>, bars: readonly Bar[], y: Linear): string[] {
  const y0 = r2(y(0));
  const ghosts = strips();
  bars.forEach((b, i) => {
    const v = previous[i];
    if (v !== undefined && v > 0) ghosts.add(b.x, `M${r2(b.x)},${y0}V${r2(y(v))}H${r2(b.x + b.width)}V${y0}`);
  });
  return ghosts.list;
}

/**
 * Width of the vertical strips that the long paths are cut into. The compositor rasterizes the
 * chart in tiles, and each tile draws every shape whose box crosses it: a path as wide as the plot
 * is filled or stroked (and dashed) once per tile, a strip only by the tiles it crosses. At 2 200
 * buckets, with the dots below, this took the chart's raster from about 50 to 13 ms (traces of
 * `node bench/compare.bench.mjs`; 128 px strips: 14 ms, 256 px: 17 ms, 32 px: no better than 64).
 */
export const STRIP = 64;

/** Path data gathered by the strip its pieces start in. */
function strips() {
  const d: string[] = [];
  return {
    add(x: number, piece: string) {
      const k = Math.max(0, Math.floor(x / STRIP));
      d[k] = (d[k] ?? '') + piece;
    },
    get list() {
      return d.filter(Boolean);
    },
  };
}

/** The drawn bars as rectangles `M x,y h w v h h -w z`, at full precision (a bar's top is its peak exactly). */
function barPaths(drawn: readonly Bar[]) {
  const bars = strips();
  const capacity = strips();
  let capacityMarks = '';
  for (const b of drawn) {
    const box = `M${b.x},${b.y}h${b.width}v${b.height}h${-b.width}z`;
    bars.add(b.x, box);
    if (!b.atCapacity) continue;
    capacity.add(b.x, box);
    if (b.width >= 5) capacityMarks += `M${r2(b.x + b.width / 2 - 4)},${r2(b.y - 9)}h8l-4,6z`;
  }
  return { barPaths: bars.list, capacityPaths: capacity.list, capacityMarks };
}

/**
 * The Average Peak line in strips, and its dots: a 0.5 px dash every 5.5 px along the line (what
 * `stroke-dasharray: 0.5 5` drew), as geometry, because dashing a line of a thousand points is
 * the costliest thing in the chart to rasterize, and it was done again for every tile.
 */
function averagePaths(points: ReadonlyArray<readonly [number, number]>) {
  const line = strips();
  const dots = strips();
  let strip = NaN;
  let next = 0;
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const k = Math.floor(ax / STRIP);
    line.add(ax, `${k === strip ? '' : `M${r2(ax)},${r2(ay)}`}L${r2(bx)},${r2(by)}`);
    strip = k;
    const length = Math.hypot(bx - ax, by - ay);
    for (; next <= walked + length; next += 5.5) {
      const t = length && (next - walked) / length;
      const x = ax + (bx - ax) * t;
      const dash = length ? 0.5 / length : 0;
      dots.add(x, `M${r2(x)},${r2(ay + (by - ay) * t)}l${r2((bx - ax) * dash)},${r2((by - ay) * dash)}`);
    }
    walked += length;
  }
  return { averageLine: line.list, averageDots: dots.list };
}

/** A coordinate to 1/100 px: plenty for a screen, and short path strings for thousands of buckets. */
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * Available Sessions as steps over each group of slots (capacity changes are steps, not slopes):
 * the edge `M x0,y0 H x1 V y1 H x2 ...` and the area under it; Average Peak through the groups'
 * middles. Written directly rather than through d3-shape's curveStepAfter: the same path in half
 * the numbers, which matters at a few thousand buckets.
 */
function seriesPaths(groups: readonly Group[], available: readonly number[], average: readonly number[], y: Linear, first: Bar) {
  const n = groups.length;
  if (n === 0) return { availableArea: '', availableLine: '', averageLine: [], averageDots: [] };
  const edge: string[] = [`M${r2(groups[0].x0)},${r2(y(available[0]))}H${r2(groups[0].x1)}`];
  for (let i = 1; i < n; i++) edge.push(`V${r2(y(available[i]))}H${r2(groups[i].x1)}`);
  const availableLine = edge.join('');
  const y0 = r2(y(0));
  const availableArea = `M${r2(groups[0].x0)},${y0}V${availableLine.slice(availableLine.indexOf(',') + 1)}V${y0}Z`;
  const points: [number, number][] =
    n === 1
      ? // One bucket: a level line across its bar (`first`, there whenever a group is).
        [first.x, first.x + first.width].map((x) => [x, y(average[0])])
      : groups.map((g, i) => [(g.x0 + g.x1) / 2, y(average[i])]);
  return { availableArea, availableLine, ...averagePaths(points) };
}

/** Pixels kept between two tick labels. */
const LABEL_GAP = 8;

function xAxis(
  isoStarts: readonly string[],
  starts: readonly number[],
  bars: readonly Bar[],
  interval: Interval,
  timeZone: string,
  locale: string,
  plotWidth: number,
  margin: Margin,
  measure: Measure,
): { xTicks: XTick[] } {
  if (bars.length === 0) return { xTicks: [] };
  const fields = starts.map((t, i) => localFieldsOfIso(isoStarts[i], t, timeZone));
  const { level, indexes } = chooseTicks(fields, interval, plotWidth, (l) => tickSpacing(l, locale, measure));
  // A range that starts inside a group (a Thursday of a weekly view, the 17th of a monthly one)
  // labels its first, partial bucket too.
  const candidates = indexes[0] === 0 ? indexes : [0, ...indexes];
  const labels = tickLabels(starts, fields, candidates, level, timeZone, locale, true);
  // Each label's box, placed under its bucket and kept inside the svg (margins included).
  const lo = -margin.left + 2;
  const hi = plotWidth + margin.right - 2;
  const placed = candidates.map((index, k): XTick & { left: number; right: number } => {
    const x = (bars[index].x0 + bars[index].x1) / 2;
    const w = Math.max(measure(labels[k].label), labels[k].context === null ? 0 : measure(labels[k].context!, true));
    if (x - w / 2 < lo) return { index, x, labelX: lo, anchor: 'start', ...labels[k], left: lo, right: lo + w };
    if (x + w / 2 > hi) return { index, x, labelX: hi, anchor: 'end', ...labels[k], left: hi - w, right: hi };
    return { index, x, labelX: x, anchor: 'middle', ...labels[k], left: x - w / 2, right: x + w / 2 };
  });
  // Labels never collide: keep each that starts clear of the last kept, and give up a partial
  // first label for the whole group after it.
  const kept: typeof placed = [];
  for (const tick of placed) {
    const last = kept.at(-1);
    if (!last || tick.left >= last.right + LABEL_GAP) kept.push(tick);
    else if (kept.length === 1 && last.index === 0 && indexes[0] !== 0) kept[0] = tick;
  }
  // The context line (the date under an hour, the year under a date) goes to the first shown
  // tick of its group.
  const contexts = tickLabels(starts, fields, kept.map((t) => t.index), level, timeZone, locale);
  const xTicks = kept.map(({ left: _l, right: _r, ...tick }, k) => ({ ...tick, context: contexts[k].context }));
  return { xTicks };
}

/** The bucket under the plot's x coordinate `px` (clamped to the first and last). */
export function bucketAt(layout: Pick<ChartLayout, 'slotStarts'>, px: number): number {
  const n = layout.slotStarts.length;
  if (n === 0) return -1;
  return Math.min(n - 1, Math.max(0, bisectRight(layout.slotStarts, px) - 1));
}
