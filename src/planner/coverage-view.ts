/**
 * The coverage section's pieces: the strip of marks, the chart (licenses in use on x, one slot per
 * level, share of the time on y: a bar per level for the time at exactly that level, a step line
 * for the time at or below it, the licenses available as a rule with the time beyond it shaded,
 * and the p50 to max marks on the line, their labels stacked in rows so they never overlap) and its
 * legend (the table view is in table-view.ts).
 */
import { html, svg, type TemplateResult } from 'lit';
import { ticks } from 'd3-array';
import type { CapacityResponse } from '../core/types.js';
import { formatInteger, formatPercent } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { renderAxes } from '../shared/axes.js';
import { renderStats } from '../shared/table.js';
import { coverageName, markFigures, MARKS, type LevelShare } from './coverage.js';

/** p50 to max, the licenses available and the requests denied, as the summary strip. */
export function renderMarks(d: CapacityResponse, locale: string): TemplateResult {
  return renderStats([
    ...markFigures(d, locale),
    ['available', str('licensesAvailable'), formatInteger(locale, d.available)],
    ['denied', str('deniedRequests'), formatInteger(locale, d.denied)],
  ]);
}

/** The chart's three keys: the bars, the line and the rule (the PNG's legend too). */
export const LEGEND = ['timeAtLevel', 'timeAtOrBelow', 'licensesAvailable'] as const;

export const renderCoverageLegend = () =>
  html`<div class="legend" part="legend">
    ${(['level', 'cumulative', 'available'] as const).map(
      (s, i) => html`<span class="legend-key"><span class="swatch swatch-${s}" aria-hidden="true"></span>${str(LEGEND[i])}</span>`,
    )}
  </div>`;

const ROW = 14;

/** The chart at `width × height`, from the response and its level shares. */
export function renderCoverageChart(d: CapacityResponse, shares: readonly LevelShare[], width: number, height: number, locale: string): TemplateResult {
  const top = Math.max(shares.length - 1, d.available, 1);
  const plotWidth = Math.max(40, width - 60);
  const k = plotWidth / (top + 1);
  const x = (level: number) => (level + 0.5) * k; // licenses 0 to top, a slot each
  const availableX = x(d.available + 0.5);
  const groups = new Map<number, string[]>();
  for (const m of MARKS) groups.set(d.coverage[m], [...(groups.get(d.coverage[m]) ?? []), m]);
  const labels = [...groups].map(([level, names]) => ({ level, label: `${names.join(' ')} · ${formatInteger(locale, level)}`, px: x(level), available: false }));
  labels.push({ level: d.available, label: str('markAvailable', { count: formatInteger(locale, d.available) }), px: availableX, available: true });
  labels.sort((a, b) => a.px - b.px);
  // Each label in the first row where it clears the one before it, pulled inside the chart at the ends.
  const ends: number[] = [];
  const marks = labels.map((m) => {
    const half = m.label.length * 3.25;
    const labelX = Math.min(Math.max(m.px, half - 42), plotWidth + 14 - half);
    let row = ends.findIndex((end) => end + 8 <= labelX - half);
    if (row < 0) row = ends.push(0) - 1;
    ends[row] = labelX + half;
    return { ...m, labelX, row };
  });
  const marginTop = 6 + ends.length * ROW;
  const plotHeight = Math.max(40, height - marginTop - 40);
  const y = (share: number) => plotHeight - share * plotHeight;
  const pad = k >= 6 ? k * 0.15 : 0;
  let line = `M${x(-0.5)},${y(shares[0]?.cumulative ?? 1)}`;
  for (const s of shares) line += `V${y(s.cumulative)}H${x(s.level + 0.5)}`;
  line += `V${y(1)}H${plotWidth}`;
  const yTicks = plotHeight < 120 ? [0, 0.5, 1] : [0, 0.25, 0.5, 0.75, 1];
  const xTicks = ticks(0, top, Math.max(2, Math.floor(plotWidth / 44))).filter(Number.isInteger);
  return html`<svg class="chart-svg coverage-svg" part="chart-svg" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
      role="img" aria-label=${coverageName(d, locale)}>
    <rect class="background" width=${width} height=${height}></rect>
    <g transform="translate(44 ${marginTop})">
      ${renderAxes({
        plotWidth,
        plotHeight,
        yTicks: yTicks.map((t) => ({ y: y(t), label: formatPercent(locale, t) })),
        xTicks: xTicks.map((v) => ({ x: x(v), label: formatInteger(locale, v) })),
        title: str('licensesInUse'),
      })}
      ${availableX < plotWidth ? svg`<rect class="over-shade" x=${availableX} width=${plotWidth - availableX} height=${plotHeight}></rect>` : ''}
      ${shares.map((s) => svg`<rect class="level-bar" x=${x(s.level - 0.5) + pad} y=${y(s.share)} width=${Math.max(1, k - 2 * pad)} height=${plotHeight - y(s.share)}></rect>`)}
      <path class="cum-casing" d=${line}></path>
      <path class="cum-line" d=${line}></path>
      ${marks.map((m) => {
        const labelY = 12 - marginTop + m.row * ROW;
        const markY = m.available ? plotHeight : y(shares[m.level]?.cumulative ?? 1);
        return svg`<g class=${m.available ? 'mark mark-available' : 'mark'}>
          <line class="mark-rule" x1=${m.px} x2=${m.px} y1=${labelY + 4} y2=${markY}></line>
          ${m.available ? '' : svg`<circle class="mark-dot" cx=${m.px} cy=${markY} r="3.5"></circle>`}
          <text class="mark-label" x=${m.labelX} y=${labelY} text-anchor="middle">${m.label}</text>
        </g>`;
      })}
    </g>
  </svg>`;
}
