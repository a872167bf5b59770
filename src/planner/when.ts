/**
 * The "When" section: its title and the Peak / Average Peak toggle, the map, then either the
 * colour legend and the readout (the busiest hour, or the cell under the pointer or tapped) or,
 * in the table view, a row per weekday and hour with both numbers; and the zone of the hours.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDecimal, formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { formatSeconds, formatShare } from './format.js';
import { heatSteps, metricOf, renderHeatmap, shadeOf, type HeatCell, type Metric } from './heatmap.js';

export interface WhenState {
  cells: readonly HeatCell[];
  metric: Metric;
  /** The cell picked by pointer or tap, or -1. */
  picked: number;
  showTable: boolean;
  locale: string;
  zone: string;
  seconds: number;
  setMetric: (metric: Metric) => void;
  pick: (index: number) => void;
}

export function renderWhen(s: WhenState): TemplateResult {
  const { cells, metric, locale } = s;
  const steps = heatSteps(Math.max(0, ...cells.map((c) => metricOf(c, metric))));
  const top = busiest(cells);
  const picked = cells[s.picked];
  const toggle = (m: Metric, label: string) =>
    html`<button type="button" class="button" part="metric-button" aria-pressed=${metric === m ? 'true' : 'false'} @click=${() => s.setMetric(m)}>${label}</button>`;
  return html`<section class="panel when" part="when" aria-labelledby="when-title">
    <div class="toolbar">
      <h3 class="panel-title" id="when-title">${str('whenTitle')}</h3>
      <div class="actions" role="group" aria-labelledby="when-title">${toggle('peak', str('peakUsage'))}${toggle('average', str('averagePeak'))}</div>
    </div>
    ${renderHeatmap({ cells, metric, steps, locale, hidden: s.showTable, picked: s.picked, pick: s.pick })}
    ${s.showTable
      ? renderHoursTable(cells, locale, `${str('whenTitle')}. ${str('timesIn', { zone: s.zone })}`)
      : html`${renderHeatLegend(locale, steps, metric)}
          <p class="note" part="readout">${picked ? picked.label : top ? str('busiestHour', { cell: top.label }) : nothing}</p>`}
    <p class="note zone-note">${str('timesIn', { zone: s.zone })} · ${formatShare(locale, 1)} = ${formatSeconds(locale, s.seconds)}</p>
  </section>`;
}

function stepLabel(locale: string, steps: readonly number[], i: number, whole: boolean): string {
  const f = (v: number) => (whole ? formatInteger(locale, v) : formatDecimal(locale, v));
  const lo = i > 0 ? steps[i - 1] : 0;
  const hi = steps[i];
  if (whole) return lo + 1 >= hi ? f(hi) : `${f(lo + 1)}–${f(hi)}`;
  return `${f(lo)}–${f(hi)}`;
}

function renderHeatLegend(locale: string, steps: readonly number[], metric: Metric): TemplateResult {
  const key = (shade: string, label: string) => html`<span class="legend-key"><span class="swatch ${shade}"></span>${label}</span>`;
  return html`<div class="legend" part="heat-legend" role="group" aria-label=${str('licencesInUse')}>
    ${key('h0', formatInteger(locale, 0))}${steps.map((_, i) => key(shadeOf(i + 1, steps.length), stepLabel(locale, steps, i, metric === 'peak')))}
  </div>`;
}

/** The table view: a row per weekday and hour with both numbers. */
function renderHoursTable(cells: readonly HeatCell[], locale: string, caption: string): TemplateResult {
  return html`<div class="table-scroller" part="table-scroller" tabindex="0" role="region" aria-labelledby="hours-caption">
    <table class="data-table" part="table">
      <caption id="hours-caption">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${str('intervalDay')}</th>
          <th scope="col">${str('intervalHour')}</th>
          <th scope="col">${str('peakUsage')}</th>
          <th scope="col">${str('averagePeak')}</th>
        </tr>
      </thead>
      <tbody>
        ${cells.map(
          (c) => html`<tr part="row">
            <th scope="row">${c.day}</th>
            <td>${c.hours}</td>
            <td>${formatInteger(locale, c.peak)}</td>
            <td>${formatDecimal(locale, c.averagePeak)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

/** The busiest cell (the first with the highest peak), or null when nothing was used. */
export function busiest(cells: readonly HeatCell[]): HeatCell | null {
  let best: HeatCell | null = null;
  for (const c of cells) if (c.peak > (best?.peak ?? 0)) best = c;
  return best;
}
