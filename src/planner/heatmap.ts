/**
 * "When": the peaks by local weekday and hour of the day (CONTRACT 3.4, `byHour`) as a 7 × 24
 * table of coloured cells, Monday first, each cell named with its numbers; a legend of the colour
 * steps; the same numbers as a plain table for the table view.
 */
import { html, type TemplateResult } from 'lit';
import { ticks } from 'd3-array';
import type { CapacityHour } from '../core/types.js';
import { formatDecimal, formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { hourSpan, weekdayName } from './format.js';

export type Metric = 'peak' | 'average';

export interface HeatCell extends CapacityHour {
  /** "Tuesday 09:00–10:00: peak 17, average peak 8.3" */
  label: string;
  day: string;
  hours: string;
}

export const metricOf = (c: CapacityHour, m: Metric) => (m === 'peak' ? c.peak : c.averagePeak);

/** The cells with their names, in the order of the response (Monday 00:00 first). */
export function heatCells(byHour: readonly CapacityHour[], locale: string): HeatCell[] {
  return byHour.map((c) => {
    const day = weekdayName(locale, c.weekday);
    const hours = hourSpan(locale, c.hour);
    const label = str('cellLabel', { day, hours, peak: formatInteger(locale, c.peak), average: formatDecimal(locale, c.averagePeak) });
    return { ...c, day, hours, label };
  });
}

/** Upper bounds of the colour steps above 0 (at most five, the last one the maximum). */
export function heatSteps(max: number): number[] {
  if (max <= 0) return [];
  let steps = ticks(0, max, 4).filter((v) => v > 0 && v < max);
  if (steps.length > 4) steps = [1, 2, 3, 4].map((i) => (max * i) / 5);
  return [...steps, max];
}

/** The colour step of a value: 0 for none, else 1 + the first bound it does not pass. */
export const stepOf = (v: number, steps: readonly number[]) => (v <= 0 ? 0 : steps.findIndex((b) => v <= b) + 1 || steps.length);

/** The class of step `i` of `n`: shades h1 to h5, spread when there are fewer steps. */
export const shadeOf = (i: number, n: number) => `h${i && Math.ceil((i * 5) / n)}`;

export interface HeatmapState {
  cells: readonly HeatCell[];
  metric: Metric;
  steps: readonly number[];
  locale: string;
  hidden: boolean;
  /** The cell picked by pointer or tap (outlined), or -1. */
  picked: number;
  pick: (index: number) => void;
}

export function renderHeatmap({ cells, metric, steps, locale, hidden, picked, pick }: HeatmapState): TemplateResult {
  const onPointer = (event: Event) => {
    const i = (event.target as Element).closest?.('td')?.getAttribute('data-i');
    if (i != null) pick(Number(i));
  };
  const hours = cells.slice(0, 24);
  return html`<table class="heatmap" part="heatmap" aria-labelledby="when-title" ?hidden=${hidden}
      @pointerover=${onPointer} @click=${onPointer}>
    <thead>
      <tr>
        <td></td>
        ${hours.map((c) => html`<th scope="col" class=${c.hour % 6 ? (c.hour % 3 ? 'minor' : 'mid') : ''} abbr=${c.hours}><span>${formatInteger(locale, c.hour)}</span></th>`)}
      </tr>
    </thead>
    <tbody>
      ${[0, 1, 2, 3, 4, 5, 6].map(
        (d) => html`<tr>
          <th scope="row" abbr=${cells[d * 24].day}>${weekdayName(locale, d + 1, true)}</th>
          ${cells.slice(d * 24, d * 24 + 24).map((c, h) => {
            const v = metricOf(c, metric);
            const i = d * 24 + h;
            return html`<td class="cell ${shadeOf(stepOf(v, steps), steps.length)}${i === picked ? ' picked' : ''}" data-i=${i} aria-label=${c.label}
              ><span aria-hidden="true">${metric === 'peak' ? formatInteger(locale, v) : formatDecimal(locale, v)}</span></td>`;
          })}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
