/**
 * The axes of an SVG chart, drawn by Lit from ticks d3 computed: a grid line and a label per y
 * tick, the x axis with a tick and a label (and an optional second line of context) per x tick,
 * and an optional axis title under them. Inside the plot's `<g>`, whose origin is the plot's top left.
 */
import { svg, nothing, type SVGTemplateResult } from 'lit';

export interface XTick {
  x: number;
  label: string;
  /** Where the label is anchored (default: `x`, centred). */
  labelX?: number;
  anchor?: 'start' | 'middle' | 'end';
  /** A second line under the label (the month or year a run of days is in), or null. */
  context?: string | null;
}

export interface Axes {
  plotWidth: number;
  plotHeight: number;
  yTicks: readonly { y: number; label: string }[];
  xTicks: readonly XTick[];
  /** The x axis' title, under its labels. */
  title?: string;
}

export function renderAxes({ plotWidth, plotHeight, yTicks, xTicks, title }: Axes): SVGTemplateResult {
  return svg`<g class="y-axis">${yTicks.map(
    (t) => svg`<line class="grid-line" x1="0" x2=${plotWidth} y1=${t.y} y2=${t.y}></line>
      <text class="tick-label y-label" x="-8" y=${t.y} dy="0.32em" text-anchor="end">${t.label}</text>`,
  )}</g>
    <g class="x-axis" transform="translate(0 ${plotHeight})">
      <line class="axis-line" x1="0" x2=${plotWidth} y1="0" y2="0"></line>
      ${xTicks.map(
        (t) => svg`<line class="tick" x1=${t.x} x2=${t.x} y1="0" y2="5"></line>
          <text class="tick-label x-label" x=${t.labelX ?? t.x} y="18" text-anchor=${t.anchor ?? 'middle'}>${t.label}</text>
          ${t.context ? svg`<text class="tick-label x-context" x=${t.labelX ?? t.x} y="33" text-anchor=${t.anchor ?? 'middle'}>${t.context}</text>` : nothing}`,
      )}
      ${title ? svg`<text class="tick-label axis-title" x=${plotWidth / 2} y="34" text-anchor="middle">${title}</text>` : nothing}
    </g>`;
}
