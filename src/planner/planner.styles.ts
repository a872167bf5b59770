/**
 * Styles of the planner, over the shared chrome (title, toolbar, summary strip, legend, tables,
 * skeleton and busy bar) and the filters' (the number input). Colours are read once, on `.report`,
 * into private `--_*` properties (the theme's common ones on :host, styles.ts); a `--kre-*` is never
 * declared, so a host page's value wins.
 */
import { css } from 'lit';

export const plannerStyles = css`
  .report {
    --_level: var(--kre-planner-level-color, color-mix(in srgb, var(--_accent) 40%, transparent));
    --_line: var(--kre-planner-line-color, var(--_accent));
    --_limit: var(--kre-planner-available-color, var(--_text));
    --_over: var(--kre-planner-over-color, rgb(198 40 40 / 0.1));
    --_heat: var(--kre-planner-heat-color, var(--_accent));
  }
  .answer {
    margin: 0;
    font-size: 1.143em;
    font-weight: 600;
  }
  /* Sentences and figures of one language keep their own order on a page of the other direction. */
  .answer,
  .note,
  .compare :is(td, th) {
    unicode-bidi: plaintext;
    overflow-wrap: anywhere;
  }
  .panels {
    display: grid;
    gap: calc(var(--_gap) * 2) var(--_gap);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 8px;
    min-width: 0;
  }
  .panel-title {
    margin: 0;
    font-size: 1em;
  }
  .note {
    margin: 0;
    font-size: 0.857em;
    color: var(--_muted);
  }
  /* Busy over old numbers: graphics fade, text turns muted (never below its contrast). */
  [aria-busy='true'] .coverage-svg {
    opacity: 0.55;
  }
  [aria-busy='true'] .heatmap {
    filter: grayscale(0.8);
  }
  .report:has(.busy-bar) :is(.answer, .summary dd),
  .compare[aria-busy='true'] :last-child {
    color: var(--_muted);
  }
  .coverage-plot {
    position: relative;
    height: var(--kre-planner-chart-height, clamp(220px, 30cqw, 300px));
  }
  [hidden] {
    display: none !important;
  }
  .coverage-svg {
    position: absolute;
  }
  .level-bar,
  .swatch-level {
    fill: var(--_level);
    background: var(--_level);
  }
  /* The line over a casing of the surface colour, so it stays legible where it crosses the bars. */
  .cum-line {
    fill: none;
    stroke: var(--_line);
    stroke-width: 2.5;
  }
  .cum-casing {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 5;
  }
  .over-shade {
    fill: var(--_over);
  }
  .mark-rule {
    stroke: var(--_muted);
    stroke-dasharray: 2 3;
  }
  .mark-available .mark-rule {
    stroke: var(--_limit);
    stroke-width: 2;
    stroke-dasharray: none;
  }
  .mark-dot {
    fill: var(--_line);
    stroke: var(--_surface);
  }
  .mark-label {
    fill: currentColor;
    font-size: 11px;
  }
  .swatch-cumulative {
    height: 0;
    border-top: 3px solid var(--_line);
  }
  .swatch-available {
    width: 0;
    height: 14px;
    border-inline-start: 2px solid var(--_limit);
  }
  .heatmap {
    width: 100%;
    table-layout: fixed;
    border-spacing: 1px;
    font-size: 0.786em;
    font-variant-numeric: tabular-nums;
  }
  .heatmap th {
    padding: 0;
    font-weight: 400;
    color: var(--_muted);
    text-align: start;
    white-space: nowrap;
  }
  .heatmap tr > :first-child {
    width: 3.6em;
  }
  .heatmap tbody th {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .cell {
    height: 22px;
    padding: 0;
    border-radius: 2px;
    text-align: center;
    forced-color-adjust: none;
  }
  .cell span {
    display: none;
  }
  .picked {
    outline: 2px solid var(--_text);
    outline-offset: -1px;
  }
  /* Wide: coverage and what-if side by side, the map under both, its cells larger and numbered. */
  @container (min-width: 900px) {
    .panels {
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    }
    .when {
      grid-column: 1 / -1;
    }
    .heatmap {
      border-spacing: 2px;
    }
    .cell {
      height: 28px;
    }
    /* On a chip of the surface: the number keeps the text's contrast on any step of any theme. */
    .cell span {
      display: inline-block;
      min-width: 2.2em;
      border-radius: 3px;
      background: var(--_surface);
    }
  }
  /* Narrow: every third, then every sixth hour labelled; the others stay for screen readers. */
  @container (max-width: 599px) {
    .heatmap .minor span {
      position: absolute;
      clip-path: inset(50%);
    }
  }
  @container (max-width: 419px) {
    .heatmap .mid span {
      position: absolute;
      clip-path: inset(50%);
    }
  }
  .h0 {
    background: var(--_surface-muted);
  }
  .h1 {
    background: color-mix(in srgb, var(--_heat) 20%, var(--_surface));
  }
  .h2 {
    background: color-mix(in srgb, var(--_heat) 40%, var(--_surface));
  }
  .h3 {
    background: color-mix(in srgb, var(--_heat) 60%, var(--_surface));
  }
  .h4 {
    background: color-mix(in srgb, var(--_heat) 80%, var(--_surface));
  }
  .h5 {
    background: var(--_heat);
  }
  .what-if-control {
    display: grid;
    grid-template-columns: minmax(0, 1fr) 6.5em;
    align-items: center;
    gap: 4px 12px;
  }
  .what-if-control label {
    grid-column: 1 / -1;
  }
  #licenses-range {
    margin: 0;
    accent-color: var(--_accent);
  }
  .compare :is(th, td) {
    padding: 6px 8px;
    white-space: normal;
  }
  .compare tbody th {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .level-bar {
      fill: GrayText;
    }
    .cum-line,
    .mark-dot {
      stroke: Highlight;
    }
    .mark-available .mark-rule {
      stroke: CanvasText;
    }
    .over-shade {
      fill: none;
    }
  }
`;
