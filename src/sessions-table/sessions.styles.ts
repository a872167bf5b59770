/**
 * Styles of <kre-user-sessions> around the table (title, toolbar, chips, export, pager, empty
 * state); the table and its card layout are in table.styles.ts. Every value comes from a `--kre-*`
 * custom property with a fallback (the common ones read once into `--_*` on :host, styles.ts); a
 * `--kre-*` is never declared, so a light or dark theme is a set of custom properties on any
 * ancestor.
 */
import { css } from 'lit';

export const sessionsStyles = css`
  .title {
    margin: 0 0 var(--_spacing-small);
    font-size: 1.143em;
    font-weight: 600;
    line-height: 1.3;
  }
  .search {
    flex: 1 1 14em;
    max-width: 28em;
  }
  .search input {
    width: 100%;
  }
  /* The rows of controls: the filters, the actions, the chips, the export's status, the pager, the card layout's sort. */
  .filters,
  .actions,
  .chips,
  .export-status,
  .pager,
  .card-sort {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    min-width: 0;
  }
  .chips,
  .export-status,
  .card-sort {
    margin-block-end: var(--_spacing-small);
  }
  .filters {
    align-items: flex-end;
  }
  .actions {
    margin-inline-start: auto;
  }
  .filters-toggle {
    display: none;
  }
  .actions svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-block: 2px;
    padding-inline: 10px 2px;
    border: 1px solid var(--_accent);
    background: var(--kre-color-accent-surface, #e8effc);
  }
  .chip,
  .chip-remove,
  .link {
    border-radius: 999px;
  }
  .chip-remove,
  .link {
    border: 0;
    background: none;
  }
  .chip-remove {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    padding: 0;
  }
  .chip-remove:hover {
    background: var(--_surface-muted);
  }
  .link {
    padding: 4px 6px;
    color: var(--kre-color-link, var(--_accent));
    text-decoration: underline;
  }
  progress {
    flex: 1 1 10em;
    max-width: 24em;
    height: 8px;
    accent-color: var(--_accent);
  }
  table,
  .export-text,
  .range {
    font-variant-numeric: tabular-nums;
  }

  .pager {
    justify-content: flex-end;
    margin-block-start: var(--_spacing-small);
  }
  .page-size {
    flex-direction: row;
    align-items: center;
    gap: 8px;
  }
  .pager-buttons {
    display: inline-flex;
    gap: 4px;
  }
  /* First, previous, next, last point the way the page reads. */
  :host(:dir(rtl)) .pager-buttons [aria-hidden] {
    display: inline-block;
    transform: scaleX(-1);
  }
  .icon {
    justify-content: center;
    min-width: 32px;
    padding-inline: 6px;
  }
  [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .empty .status-title {
    margin: 0 0 4px;
  }
  .empty-filters {
    margin: 0;
    padding-inline-start: 1.2em;
    color: var(--_text-muted);
  }

  @container (max-width: 560px) {
    .search,
    .filters {
      flex-basis: 100%;
      max-width: none;
    }
    .filters-toggle {
      display: inline-flex;
    }
    .filters:not(.open) {
      display: none;
    }
    .filters > .ms {
      flex: 1 1 9em;
    }
    .filters .ms-button {
      min-width: 0;
      width: 100%;
    }
    .date-range {
      flex: 1 1 100%;
    }
    .date-range .field {
      flex: 1 1 8em;
    }
    .date-range .field:first-of-type {
      flex-basis: 100%;
    }
    .actions {
      margin-inline-start: 0;
    }
    .pager {
      justify-content: space-between;
    }
  }

  @media (forced-colors: active) {
    .chip {
      border-color: CanvasText;
    }
    [aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
