/**
 * The geometry of the coverage chart: licences in use on x (one slot per level), share of the
 * time on y; a bar per level (time at exactly that level), a step line (time at or below it),
 * the licences available as a rule with the time beyond it shaded, and the p50 to max marks on
 * the line with their labels stacked in rows so they never overlap. Pure: no DOM.
 */
import { ticks } from 'd3-array';
import { formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { linear, type Linear } from '../usage-chart/layout.js';
import type { CapacityResponse } from '../core/types.js';
import { MARKS, type LevelShare } from './coverage.js';

export interface CoverageMark {
  level: number;
  /** The mark's place on the line (for the available rule: its foot). */
  x: number;
  y: number;
  /** Where its label is centred: `x`, pulled inside the chart at the ends. */
  labelX: number;
  /** "p95 p99 · 14", or "20 available". */
  label: string;
  /** Label row from the top (0 first). */
  row: number;
  available: boolean;
}

export interface CoverageLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  plotWidth: number;
  plotHeight: number;
  bars: { level: number; x: number; y: number; width: number; height: number }[];
  line: string;
  /** The rule between the last level the licences cover and the next. */
  availableX: number;
  marks: CoverageMark[];
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; label: string }[];
}

const ROW = 14;
const CHAR = 6.5;

export function layoutCoverage(d: CapacityResponse, shares: readonly LevelShare[], width: number, height: number, locale: string): CoverageLayout {
  const top = Math.max(shares.length - 1, d.available, 1);
  const groups = new Map<number, string[]>();
  for (const m of MARKS) groups.set(d.coverage[m], [...(groups.get(d.coverage[m]) ?? []), m]);
  const margin = { top: 0, right: 16, bottom: 40, left: 44 };
  const plotWidth = Math.max(40, width - margin.left - margin.right);
  const x: Linear = linear([-0.5, top + 0.5], [0, plotWidth]);
  const labels = [...groups].map(([level, names]) => ({ level, label: `${names.join(' ')} · ${formatInteger(locale, level)}`, available: false, px: x(level) }));
  labels.push({ level: d.available, label: availableLabel(d, locale), available: true, px: x(d.available + 0.5) });
  labels.sort((a, b) => a.px - b.px);
  // Each label in the first row where it clears the one before it.
  const ends: number[] = [];
  const marks: CoverageMark[] = labels.map(({ level, label, available, px }) => {
    const half = (label.length * CHAR) / 2;
    const labelX = Math.min(Math.max(px, half - margin.left + 2), plotWidth + margin.right - half - 2);
    let row = ends.findIndex((end) => end + 8 <= labelX - half);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = labelX + half;
    return { level, x: px, y: 0, labelX, label, row, available };
  });
  margin.top = 6 + ends.length * ROW;
  const plotHeight = Math.max(40, height - margin.top - margin.bottom);
  const y = linear([0, 1], [plotHeight, 0]);
  const step = plotWidth / (top + 1);
  const pad = step >= 6 ? step * 0.15 : 0;
  const bars = shares.map((s) => ({ level: s.level, x: x(s.level - 0.5) + pad, y: y(s.share), width: Math.max(1, step - 2 * pad), height: plotHeight - y(s.share) }));
  let line = `M${x(-0.5)},${y(shares[0]?.cumulative ?? 1)}`;
  for (const s of shares) line += `V${y(s.cumulative)}H${x(s.level + 0.5)}`;
  line += `V${y(1)}H${plotWidth}`;
  for (const m of marks) m.y = m.available ? plotHeight : y(shares[m.level]?.cumulative ?? 1);
  const xTicks = ticks(0, top, Math.max(2, Math.floor(plotWidth / 44)))
    .filter(Number.isInteger)
    .map((v) => ({ x: x(v), label: formatInteger(locale, v) }));
  const yTicks = (plotHeight < 120 ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1]).map((v) => ({
    y: y(v),
    label: new Intl.NumberFormat(locale, { style: 'percent' }).format(v),
  }));
  return { width, height, margin, plotWidth, plotHeight, bars, line, availableX: x(d.available + 0.5), marks, xTicks, yTicks };
}

/** The label of the licences-available rule. */
export const availableLabel = (d: CapacityResponse, locale: string) => str('markAvailable', { count: formatInteger(locale, d.available) });
