/**
 * Styles of the usage charts. Series colours are read once, on `.report`, into private `--_*`
 * properties (never on :host, so a host page's `--kre-*` on any ancestor wins); the TestCloud
 * chart only changes their fallbacks (`testcloudUsageStyles`).
 */
import { css } from 'lit';

export const usageStyles = css`
  .report {
    --_available: var(--kre-usage-available-color, #7f9fd9);
    --_available-opacity: var(--kre-usage-available-opacity, 0.28);
    --_peak: var(--kre-usage-peak-color, #2f6fde);
    /* 3:1 against the bars and the area in either scheme (and drawn on a casing of the surface). */
    --_average: var(--kre-usage-average-color, light-dark(#431407, #ffd8b0));
    --_capacity: var(--kre-usage-capacity-color, #b3261e);
    --_highlight: var(--kre-usage-highlight-color, rgb(47 111 222 / 0.12));
    /* The previous period's ghost bars, and the marks of allocation changes on the step. */
    --_previous: var(--kre-usage-previous-color, var(--_text));
    --_change: var(--kre-usage-change-color, var(--_text));
  }

  /* Figure, legend, plot */
  .figure {
    margin: 0;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .legend-item {
    border: 1px solid transparent;
    background: none;
  }
  .legend-item:hover {
    background: var(--_surface-muted);
  }
  .legend-item[aria-pressed='false'] {
    color: var(--_muted);
    text-decoration: line-through;
  }
  .legend-item[aria-pressed='false'] .swatch {
    opacity: 0.35;
  }
  .swatch-available {
    background: color-mix(in srgb, var(--_available) calc(var(--_available-opacity) * 100%), transparent);
    border-top: 2px solid var(--_available);
  }
  .swatch-peak {
    background: var(--_peak);
  }
  .swatch-average {
    height: 0;
    border-top: 3px dotted var(--_average);
    border-radius: 0;
  }
  .legend-notes {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 2px 16px;
    margin: -4px 0 0;
    font-size: 0.786em;
    color: var(--_muted);
  }
  .capacity-reason {
    display: block;
    font-size: 0.857em;
    color: var(--_muted);
    white-space: normal;
  }
  .swatch-previous {
    background: none;
    border: 1.5px dashed var(--_previous);
  }
  .swatch-capacity {
    background: repeating-linear-gradient(135deg, var(--_capacity) 0 2px, var(--_peak) 2px 5px);
  }
  .plot-area {
    position: relative;
    height: var(--kre-usage-chart-height, clamp(240px, 45cqw, 380px));
    min-width: 0;
  }
  .plot-area[hidden] {
    display: none;
  }
  .plot {
    position: absolute;
    inset: 0;
    overflow: hidden;
    border-radius: 4px;
    touch-action: pan-y;
  }
  .plot:focus-visible {
    outline-offset: 0;
  }
  .chart-overlay {
    /* Physical sides: the chart's geometry is left to right in every script. */
    position: absolute;
    top: 0;
    left: 0;
    pointer-events: none;
    will-change: transform;
  }
  .x-context {
    font-weight: 600;
  }
  .available-area {
    fill: var(--_available);
    fill-opacity: var(--_available-opacity);
    stroke: none;
  }
  .available-line {
    fill: none;
    stroke: var(--_available);
    stroke-width: 2;
  }
  .bar {
    fill: var(--_peak);
  }
  .bar-capacity {
    stroke: var(--_capacity);
    stroke-width: 1;
  }
  .hatch-ground {
    fill: var(--_peak);
  }
  .hatch-stripe {
    fill: var(--_capacity);
  }
  .capacity-mark {
    fill: var(--_capacity);
  }
  .average-casing {
    fill: none;
    stroke: var(--_surface);
    stroke-width: 5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .average-line {
    fill: none;
    stroke: var(--_average);
    stroke-width: 2.5;
    /* Its dots are dashes in the path (layout.ts: averagePaths). */
    stroke-linecap: round;
  }
  .previous-peaks {
    fill: none;
    stroke: var(--_previous);
    stroke-width: 1.5;
    stroke-dasharray: 3 2;
  }
  .change-mark {
    fill: var(--_surface);
    stroke: var(--_change);
    stroke-width: 2;
  }
  .active-slot {
    fill: var(--_highlight);
  }
  .active-bar {
    fill: none;
    stroke: var(--_text);
    stroke-width: 2;
  }

  /* Tooltip */
  .tooltip {
    position: absolute;
    z-index: 5;
    will-change: transform;
    box-sizing: border-box;
    padding: 8px 10px;
    border-radius: var(--_radius-small);
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: var(--kre-shadow, 0 6px 24px rgb(15 23 42 / 0.16));
    font-size: 0.857em;
    pointer-events: none;
  }
  .tooltip[hidden] {
    display: none;
  }
  .tooltip-title {
    font-weight: 600;
    margin-block-end: 4px;
    overflow-wrap: anywhere;
  }
  .tooltip-facts {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 12px;
    margin: 0;
  }
  .tooltip-facts dt {
    color: var(--_muted);
    display: flex;
    align-items: center;
    white-space: nowrap;
  }
  .tooltip-facts dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .tooltip-previous {
    margin-block-start: 6px;
    padding-block-start: 6px;
    border-top: 1px solid var(--_border);
  }
  .tooltip-subtitle {
    display: flex;
    align-items: center;
    margin-block-end: 2px;
    font-weight: 600;
  }
  .change-marks {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .change-mark-button {
    position: absolute;
    width: 16px;
    height: 16px;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    pointer-events: auto;
    cursor: help;
  }
  .change-tip {
    z-index: 6;
  }
  .change-list {
    font-size: 0.857em;
  }
  .change-list-title {
    margin: 0 0 4px;
    font-size: 1em;
    font-weight: 600;
  }
  .change-list ul {
    margin: 0;
    padding-inline-start: 1.2em;
  }
  .tooltip-capacity {
    margin-block-start: 6px;
    font-weight: 600;
    display: flex;
    align-items: center;
  }
  .badge {
    display: inline-block;
    margin-inline-start: 6px;
    padding: 0 6px;
    border-radius: 999px;
    border: 1px solid var(--_capacity);
    color: var(--_text);
    font-size: 0.786em;
  }

  @media (forced-colors: active) {
    .bar,
    .hatch-ground,
    .swatch-peak {
      fill: Highlight;
      background: Highlight;
    }
    .hatch-stripe,
    .capacity-mark {
      fill: CanvasText;
    }
    .bar-capacity {
      stroke: CanvasText;
    }
    .swatch-capacity {
      background: repeating-linear-gradient(135deg, CanvasText 0 2px, Highlight 2px 5px);
      forced-color-adjust: none;
    }
    .available-area {
      fill: GrayText;
    }
    /* (The axes' own GrayText is in chromeStyles.) */
    .available-line {
      stroke: GrayText;
    }
    .average-line {
      stroke: CanvasText;
    }
    .average-casing {
      stroke: Canvas;
    }
    .previous-peaks,
    .change-mark {
      stroke: CanvasText;
    }
    .swatch-previous {
      border-color: CanvasText;
    }
    .active-slot {
      fill: none;
      stroke: Highlight;
      stroke-width: 2;
    }
    .active-bar {
      stroke: CanvasText;
    }
    .swatch-available {
      background: GrayText;
      border-color: GrayText;
    }
    .swatch-average {
      border-top-color: CanvasText;
    }
    .tooltip {
      border: 1px solid CanvasText;
    }
    .legend-item[aria-pressed='true'] {
      border-color: ButtonText;
    }
  }
`;

/** TestCloud's own series colours (a host's `--testcloud-usage-*` or `--kre-usage-*` still win). */
export const testcloudUsageStyles = css`
  .report {
    --_available: var(--testcloud-usage-available-color, var(--kre-usage-available-color, #5fb8a9));
    --_peak: var(--testcloud-usage-peak-color, var(--kre-usage-peak-color, #0b7f72));
    --_average: var(--testcloud-usage-average-color, var(--kre-usage-average-color, light-dark(#1e0b4b, #e9d5ff)));
    --_highlight: var(--testcloud-usage-highlight-color, var(--kre-usage-highlight-color, rgb(11 127 114 / 0.12)));
  }
`;
