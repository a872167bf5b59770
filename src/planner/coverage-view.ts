/**
 * The coverage chart's SVG, rendered by Lit from `layoutCoverage`: bars for the time at each
 * level, the step line of the time at or below it, the licences-available rule with the time
 * beyond it shaded, and the p50 to max marks. Its accessible name reads the marks.
 */
import { svg, type SVGTemplateResult, type TemplateResult, html } from 'lit';
import { str } from '../shared/strings.js';
import type { CoverageLayout } from './coverage-layout.js';

export function renderCoverageSvg(l: CoverageLayout, name: string): TemplateResult {
  const { width, height, margin, plotWidth, plotHeight } = l;
  const top = -margin.top + 12;
  return html`<svg class="chart-svg coverage-svg" part="chart-svg" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
      role="img" aria-label=${name}>
    <rect class="background" width=${width} height=${height}></rect>
    <g transform="translate(${margin.left} ${margin.top})">
      ${l.yTicks.map(
        (t) => svg`<line class="grid-line" x1="0" x2=${plotWidth} y1=${t.y} y2=${t.y}></line>
          <text class="tick-label" x="-8" y=${t.y} dy="0.32em" text-anchor="end">${t.label}</text>`,
      )}
      ${l.availableX < plotWidth ? svg`<rect class="over-shade" x=${l.availableX} width=${plotWidth - l.availableX} height=${plotHeight}></rect>` : ''}
      ${l.bars.map((b) => svg`<rect class="level-bar" x=${b.x} y=${b.y} width=${b.width} height=${b.height}></rect>`)}
      <path class="cum-casing" d=${l.line}></path>
      <path class="cum-line" d=${l.line}></path>
      ${l.marks.map((m) => renderMark(m, top))}
      <g transform="translate(0 ${plotHeight})">
        <line class="axis-line" x1="0" x2=${plotWidth} y1="0" y2="0"></line>
        ${l.xTicks.map(
          (t) => svg`<line class="tick" x1=${t.x} x2=${t.x} y1="0" y2="5"></line>
            <text class="tick-label" x=${t.x} y="18" text-anchor="middle">${t.label}</text>`,
        )}
        <text class="tick-label axis-title" x=${plotWidth / 2} y="34" text-anchor="middle">${str('licencesInUse')}</text>
      </g>
    </g>
  </svg>`;
}

function renderMark(m: CoverageLayout['marks'][number], top: number): SVGTemplateResult {
  const labelY = top + m.row * 14;
  return svg`<g class=${m.available ? 'mark mark-available' : 'mark'}>
    <line class="mark-rule" x1=${m.x} x2=${m.x} y1=${labelY + 4} y2=${m.y}></line>
    ${m.available ? '' : svg`<circle class="mark-dot" cx=${m.x} cy=${m.y} r="3.5"></circle>`}
    <text class="mark-label" x=${m.labelX} y=${labelY} text-anchor="middle">${m.label}</text>
  </g>`;
}
