/**
 * The HTML around the planner's charts: the strip of coverage marks, the coverage legend and the
 * coverage table of the table view. Plain functions of the numbers, in the element's locale.
 */
import { html, type TemplateResult } from 'lit';
import type { CapacityResponse } from '../core/types.js';
import { formatInteger } from '../shared/format.js';
import { str } from '../shared/strings.js';
import { markLabel, MARKS, type LevelShare } from './coverage.js';
import { formatSeconds, formatShare } from './format.js';

/** p50 to max, the licences available and the requests denied, as the summary strip. */
export function renderMarks(d: CapacityResponse, locale: string): TemplateResult {
  const stat = (label: string, value: number, name: string) =>
    html`<div class="stat" part="stat stat-${name}"><dt>${label}</dt><dd>${formatInteger(locale, value)}</dd></div>`;
  return html`<dl class="summary" part="summary">
    ${MARKS.map((m) => stat(markLabel(m, locale), d.coverage[m], m))}
    ${stat(str('licencesAvailable'), d.available, 'available')}
    ${stat(str('deniedRequests'), d.denied, 'denied')}
  </dl>`;
}

export function renderCoverageLegend(): TemplateResult {
  return html`<div class="legend" part="legend">
    <span class="legend-key"><span class="swatch swatch-level" aria-hidden="true"></span>${str('timeAtLevel')}</span>
    <span class="legend-key"><span class="swatch swatch-cumulative" aria-hidden="true"></span>${str('timeAtOrBelow')}</span>
    <span class="legend-key"><span class="swatch swatch-available" aria-hidden="true"></span>${str('licencesAvailable')}</span>
  </div>`;
}

/** The accessible name of the coverage chart: what it shows and its marks. */
export function coverageName(d: CapacityResponse, locale: string): string {
  const marks = MARKS.map((m) => `${markLabel(m, locale)}: ${formatInteger(locale, d.coverage[m])}`);
  return `${str('coverageChart')}. ${marks.join(', ')}; ${str('licencesAvailable')}: ${formatInteger(locale, d.available)}.`;
}

/** The table view of the coverage: a row per level, the time at it and the share at or below. */
export function renderCoverageTable(shares: readonly LevelShare[], locale: string, caption: string): TemplateResult {
  return html`<div class="table-scroller" part="table-scroller" tabindex="0" role="region" aria-labelledby="coverage-caption">
    <table class="data-table" part="table">
      <caption id="coverage-caption">${caption}</caption>
      <thead>
        <tr>
          <th scope="col">${str('licencesInUse')}</th>
          <th scope="col">${str('timeAtLevel')}</th>
          <th scope="col">${str('timeAtOrBelow')}</th>
        </tr>
      </thead>
      <tbody>
        ${shares.map(
          (s) => html`<tr part="row">
            <th scope="row">${formatInteger(locale, s.level)}</th>
            <td>${formatSeconds(locale, s.seconds)} (${formatShare(locale, s.share)})</td>
            <td>${formatShare(locale, s.cumulative)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
