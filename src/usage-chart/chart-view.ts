/**
 * The chart's SVG, rendered by Lit from the layout d3 computed: grid, the Available step area, the
 * Peak bars (at-capacity ones hatched), the dotted Average Peak line, axes and the highlight of the
 * bucket in focus. Bars are behind a `guard`, so moving the highlight re-renders none of them.
 */
import { html, svg, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { ChartLayout } from './layout.js';
import { renderAxes } from '../shared/axes.js';

export type Series = 'available' | 'peak' | 'average' | 'previous';
/** The series of the legend; `previous` only while comparing. */
export const SERIES: readonly Series[] = ['available', 'peak', 'average', 'previous'];

/** The id of the hatch pattern inside the shadow root. */
export const HATCH_ID = 'kre-capacity-hatch';

/** One `<path>` per strip of a long series (see `STRIP` in layout.ts). */
const paths = (list: readonly string[], cls: string) => list.map((d) => svg`<path class=${cls} d=${d}></path>`);

/** The Peak Usage bars, the hatched ones at capacity and their marks: a few paths, whatever the buckets. */
const renderBars = ({ barPaths, capacityPaths, capacityMarks }: ChartLayout) =>
  svg`${paths(barPaths, 'bar')}${capacityPaths.map((d) => svg`<path class="bar-capacity" d=${d} fill="url(#${HATCH_ID})"></path>`)}<path class="capacity-mark" d=${capacityMarks}></path>`;

export interface ChartViewState {
  layout: ChartLayout;
  hidden: ReadonlySet<Series>;
}

export interface HighlightState extends ChartViewState {
  /** The bucket in focus or under the pointer; -1 for none. */
  active: number;
  showActive: boolean;
}

/**
 * The chart itself. It does not depend on the bucket in focus: the element renders it behind a
 * `guard` of the layout and the hidden series, so moving the pointer never re-renders or repaints
 * it (it is its own compositing layer; see `renderHighlight`).
 */
export function renderChartSvg({ layout, hidden }: ChartViewState): TemplateResult {
  const { width, height, margin } = layout;
  return html`<svg class="chart-svg" part="chart-svg" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
      aria-hidden="true" focusable="false">
    <defs>
      <pattern id=${HATCH_ID} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect class="hatch-ground" width="6" height="6"></rect>
        <rect class="hatch-stripe" width="2.5" height="6"></rect>
      </pattern>
    </defs>
    <rect class="background" width=${width} height=${height}></rect>
    <g transform="translate(${margin.left} ${margin.top})">
      ${renderAxes(layout)}
      ${hidden.has('available')
        ? nothing
        : svg`<path class="available-area" d=${layout.availableArea}></path><path class="available-line" d=${layout.availableLine}></path>`}
      ${hidden.has('peak') ? nothing : guard([layout], () => renderBars(layout))}
      ${hidden.has('previous') ? nothing : paths(layout.previousPeaks, 'previous-peaks')}
      ${hidden.has('average')
        ? nothing
        : // A band of the surface colour under the dots: the line keeps its contrast over bars and area alike.
          svg`${paths(layout.averageLine, 'average-casing')}${paths(layout.averageDots, 'average-line')}`}
      ${hidden.has('available')
        ? nothing
        : layout.changeMarks.map((m) => svg`<path class="change-mark" d="M${m.x},${m.y - 6}l5,6l-5,6l-5,-6z"></path>`)}
    </g>
  </svg>`;
}

/**
 * The band and outline of the bucket in focus, in a small SVG of its own over the chart: a move
 * of the pointer repaints this layer only, not the thousands of bars under it.
 */
export function renderHighlight({ layout, hidden, active, showActive }: HighlightState): TemplateResult {
  const { width, height, margin, plotHeight } = layout;
  const bar = active >= 0 && showActive ? layout.bars[active] : undefined;
  return html`<svg class="chart-overlay" width=${width} height=${height} viewBox="0 0 ${width} ${height}"
      aria-hidden="true" focusable="false">
    ${bar
      ? svg`<g transform="translate(${margin.left} ${margin.top})">
          <rect class="active-slot" x=${bar.x0} y="0" width=${Math.max(1, bar.x1 - bar.x0)} height=${plotHeight}></rect>
          ${hidden.has('peak')
            ? nothing
            : svg`<rect class="active-bar" x=${bar.x} y=${bar.y} width=${bar.width} height=${Math.max(bar.height, 1)}></rect>`}
        </g>`
      : nothing}
  </svg>`;
}
