/**
 * "When": the peaks by local weekday and hour of the day (CONTRACT 3.4, `byHour`) as a 7 × 24
 * table of coloured cells, Monday first, each cell named with its numbers; a Peak / Average Peak
 * toggle; then either the colour legend and the readout (the busiest hour, or the cell under the
 * pointer or tapped) or, in the table view, a row per weekday and hour with both numbers; and the
 * zone of the hours.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ticks } from 'd3-array';
import type { CapacityHour } from '../core/types.js';
import { formatDecimal, formatInteger, formatSeconds, formatShare, hourSpan, weekdayName } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { renderButton } from '../shared/toolbar.js';

export type Metric = 'peak' | 'average';

export interface HeatCell extends CapacityHour {
  /** "Tuesday 09:00–10:00: peak 17, average peak 8.3" */
  label: string;
  day: string;
  hours: string;
}

/** The cells with their names, in the order of the response (Monday 00:00 first). */
export function heatCells(byHour: readonly CapacityHour[], locale: string): HeatCell[] {
  return byHour.map((c) => {
    const day = weekdayName(locale, c.weekday);
    const hours = hourSpan(locale, c.hour);
    return { ...c, day, hours, label: str('cellLabel', { day, hours, peak: formatInteger(locale, c.peak), average: formatDecimal(locale, c.averagePeak) }) };
  });
}

/** Upper bounds of the colour steps above 0 (at most five, the last one the maximum). */
export function heatSteps(max: number): number[] {
  if (max <= 0) return [];
  let steps = ticks(0, max, 4).filter((v) => v > 0 && v < max);
  if (steps.length > 4) steps = [1, 2, 3, 4].map((i) => (max * i) / 5);
  return [...steps, max];
}

/** The shade of step `i` (0 for none, else 1 + the first bound the value does not pass) of `n`: h0, then h1 to h5, spread when there are fewer steps. */
const shade = (i: number, n: number) => `h${i && Math.ceil((i * 5) / n)}`;
const stepOf = (v: number, steps: readonly number[]) => (v <= 0 ? 0 : steps.findIndex((b) => v <= b) + 1 || steps.length);

/**
 * The section. Positional arguments rather than one state object: the planner is the one caller,
 * and the bundle would otherwise carry every name twice (the object's keys and their reads).
 *
 * @param cells The cells of `heatCells`.
 * @param metric The numbers shown: `peak` or `average`.
 * @param picked The cell picked by pointer or tap (outlined, in the readout), or -1.
 * @param table The table view of the hours while it shows (`renderHoursTable`, loaded on demand), else undefined.
 * @param locale The locale of the numbers and names.
 * @param times Which zone the hours are in (`timesIn`).
 * @param seconds The length of the range, in seconds.
 * @param setMetric Called with the metric of a toggle pressed.
 * @param pick Called with the index of the cell under the pointer or tapped.
 */
export function renderWhen(
  cells: readonly HeatCell[],
  metric: Metric,
  picked: number,
  table: unknown,
  locale: string,
  times: string,
  seconds: number,
  setMetric: (metric: Metric) => void,
  pick: (index: number) => void,
): TemplateResult {
  const showTable = table !== undefined;
  const peak = metric === 'peak';
  const value = (c: HeatCell) => (peak ? c.peak : c.averagePeak);
  const f = (v: number) => (peak ? formatInteger : formatDecimal)(locale, v);
  const steps = heatSteps(Math.max(0, ...cells.map(value)));
  // The busiest cell: the first with the highest peak (none when nothing was used).
  const top = cells.reduce<HeatCell | undefined>((best, c) => (c.peak > (best?.peak ?? 0) ? c : best), undefined);
  const onPointer = (event: Event) => {
    const i = (event.target as Element).closest?.('td')?.getAttribute('data-i');
    if (i != null) pick(Number(i));
  };
  const key = (step: number, label: string) => html`<span class="legend-key"><span class="swatch ${shade(step, steps.length)}"></span>${label}</span>`;
  return html`<section class="panel when" part="when" aria-labelledby="when-title">
    <div class="toolbar">
      <h3 class="panel-title" id="when-title">${str('whenTitle')}</h3>
      <div class="actions" role="group" aria-labelledby="when-title">
        ${(['peak', 'average'] as const).map((m) =>
          renderButton({ part: 'metric-button', label: str(m === 'peak' ? 'peakUsage' : 'averagePeak'), pressed: m === metric, click: () => setMetric(m) }),
        )}
      </div>
    </div>
    <table class="heatmap" part="heatmap" aria-labelledby="when-title" ?hidden=${showTable} @pointerover=${onPointer} @click=${onPointer}>
      <thead>
        <tr>
          <td></td>
          ${cells.slice(0, 24).map((c) => html`<th scope="col" class=${c.hour % 6 ? (c.hour % 3 ? 'minor' : 'mid') : ''} abbr=${c.hours}><span>${formatInteger(locale, c.hour)}</span></th>`)}
        </tr>
      </thead>
      <tbody>
        ${[0, 1, 2, 3, 4, 5, 6].map(
          (d) => html`<tr>
            <th scope="row" abbr=${cells[d * 24].day}>${weekdayName(locale, d + 1, true)}</th>
            ${cells.slice(d * 24, d * 24 + 24).map((c, h) => {
              const i = d * 24 + h;
              return html`<td class="cell ${shade(stepOf(value(c), steps), steps.length)}${i === picked ? ' picked' : ''}" data-i=${i} aria-label=${c.label}
                ><span aria-hidden="true">${f(value(c))}</span></td>`;
            })}
          </tr>`,
        )}
      </tbody>
    </table>
    ${showTable
      ? table
      : html`<div class="legend" part="heat-legend" role="group" aria-label=${str('licensesInUse')}>
            ${key(0, formatInteger(locale, 0))}${steps.map((hi, i) => {
              const lo = steps[i - 1] ?? 0;
              // Whole peaks: "3–5" (or "5" alone); average peaks: "2.5–5.0".
              return key(i + 1, peak ? (lo + 1 >= hi ? f(hi) : `${f(lo + 1)}–${f(hi)}`) : `${f(lo)}–${f(hi)}`);
            })}
          </div>
          <p class="note" part="readout">${cells[picked]?.label ?? (top ? str('busiestHour', { cell: top.label }) : nothing)}</p>`}
    <p class="note zone-note">${times} · ${formatShare(locale, 1)} = ${formatSeconds(locale, seconds)}</p>
  </section>`;
}
