/**
 * The chrome every chart report shares (the usage charts and the planner): the column of the
 * report, the title, the toolbar's rows, pressed toggles, notes, the summary strip, the busy bar,
 * legends and swatches, an SVG chart's grid, axes and tick labels, the table view and the first
 * load's skeleton. Colours come from the private `--_*` properties of styles.ts or are read at the
 * point of use; a `--kre-*` is never declared here.
 */
import { css } from 'lit';

export const chromeStyles = css`
  .report {
    --_muted: var(--_text-muted);
    --_gap: var(--_spacing-small);
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
    min-width: 0;
    position: relative;
  }
  .title {
    margin: 0;
    font-size: 1.143em;
    font-weight: 600;
    line-height: 1.3;
  }
  .toolbar {
    margin: 0;
    justify-content: space-between;
  }
  .filters,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
    min-width: 0;
  }
  .button[aria-pressed='true'] {
    background: var(--_surface-muted);
    border-color: var(--_accent);
    box-shadow: inset 0 0 0 1px var(--_accent);
  }
  .hint,
  .notice {
    margin: calc(var(--_gap) * -0.5) 0 0;
    font-size: 0.857em;
    color: var(--_muted);
  }
  .notice {
    color: var(--kre-color-danger-text, #8a1c1c);
  }

  /* Summary strip */
  .summary {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 8px;
    margin: 0;
  }
  .stat {
    padding: 8px 12px;
    border-radius: var(--_radius-small);
    background: var(--_surface-muted);
    min-width: 0;
  }
  .stat dt {
    font-size: 0.857em;
    color: var(--_muted);
  }
  .stat dd {
    margin: 0;
    font-size: 1.5em;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    line-height: 1.25;
  }

  /* While a newer answer loads, the old one stays on screen under the moving busy bar. */
  .busy-bar {
    height: 3px;
    margin-block-end: calc(var(--_gap) * -1);
    border-radius: 2px;
    background: linear-gradient(90deg, transparent, var(--_accent), transparent) 0 0 / 40% 100% no-repeat;
    animation: kre-busy 1.1s linear infinite;
  }
  @keyframes kre-busy {
    from {
      background-position: -40% 0;
    }
    to {
      background-position: 140% 0;
    }
  }

  /* Legends */
  .legend {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 8px;
    align-items: center;
    font-size: 0.857em;
  }
  .legend-item,
  .legend-key {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    min-height: 28px;
    padding: 2px 8px;
    border-radius: var(--_radius-small);
  }
  .swatch {
    display: inline-block;
    flex: none;
    width: 14px;
    height: 10px;
    border-radius: 2px;
    vertical-align: middle;
    margin-inline-end: 6px;
  }
  .legend .swatch,
  .legend-key .swatch {
    margin: 0;
  }

  /* An SVG chart: left to right in every script (its geometry is), on a layer of its own. */
  .chart-svg {
    display: block;
    font-size: 12px;
    overflow: visible;
    direction: ltr;
    will-change: transform;
  }
  .background {
    fill: transparent;
  }
  .grid-line {
    /* Default: a faint tint of the text colour, so a dark theme needs no grid colour of its own. */
    stroke: var(--kre-color-grid, color-mix(in srgb, var(--_text) 12%, transparent));
    stroke-width: 1;
    shape-rendering: crispEdges;
  }
  .axis-line,
  .tick {
    stroke: var(--_border-strong);
    shape-rendering: crispEdges;
  }
  .tick-label {
    fill: var(--_muted);
    font-family: inherit;
    font-size: 12px;
    font-variant-numeric: tabular-nums;
  }

  /* Table view */
  .table-scroller {
    max-height: var(--kre-usage-table-max-height, 420px);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  .data-table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  .data-table caption {
    padding: 8px 12px;
    text-align: start;
    color: var(--_muted);
    font-size: 0.857em;
  }
  .data-table th,
  .data-table td {
    padding: 6px 12px;
    border-top: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }
  .data-table th[scope='row'],
  .data-table thead th:first-child {
    text-align: start;
    font-weight: 400;
  }
  .data-table thead th {
    position: sticky;
    top: 0;
    background: var(--_surface-muted);
    font-weight: 600;
  }

  /* Skeleton */
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: var(--_gap);
  }
  .skeleton-stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
    gap: 8px;
  }
  .skeleton-stat,
  .skeleton-bar {
    display: block;
    border-radius: 4px;
    background: var(--_surface-muted);
    animation: kre-pulse 1.4s ease-in-out infinite;
  }
  .skeleton-stat {
    height: 56px;
  }
  .skeleton-plot {
    display: flex;
    align-items: flex-end;
    gap: 3%;
    height: var(--kre-usage-chart-height, clamp(240px, 45cqw, 380px));
    padding: 12px 12px 40px 40px;
  }
  .skeleton-bar {
    flex: 1;
  }
  @keyframes kre-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton-stat,
    .skeleton-bar,
    .busy-bar {
      animation: none;
    }
  }

  @media (forced-colors: active) {
    .axis-line,
    .tick {
      stroke: GrayText;
    }
    .tick-label {
      fill: CanvasText;
    }
    .grid-line {
      stroke: GrayText;
      stroke-opacity: 0.4;
    }
    .stat {
      border: 1px solid CanvasText;
    }
    .swatch {
      forced-color-adjust: none;
    }
  }
`;
