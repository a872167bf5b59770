/**
 * Styles of <kre-user-sessions>. Every value comes from a `--kre-*` custom property with a
 * fallback, read at the point of use (never declared on :host), so a light or dark theme is a
 * set of custom properties on any ancestor.
 */
import { css } from 'lit';

export const sessionsStyles = css`
  .title {
    margin: 0 0 var(--kre-spacing-small, 12px);
    font-size: 1.143em;
    font-weight: 600;
    line-height: 1.3;
  }
  caption {
    caption-side: top;
    padding: 6px 12px;
    text-align: start;
    font-size: 0.857em;
    color: var(--kre-color-text-muted, #5b6578);
  }
  .toolbar {
    align-items: flex-end;
  }
  .search {
    flex: 1 1 14em;
    max-width: 28em;
  }
  .search input {
    width: 100%;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 8px 12px;
    min-width: 0;
  }
  .export-button {
    margin-inline-start: auto;
  }
  .filters-toggle {
    display: none;
  }
  .export-button svg {
    fill: none;
    stroke: currentColor;
    stroke-width: 1.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin-block-end: var(--kre-spacing-small, 12px);
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding-block: 2px;
    padding-inline: 10px 2px;
    border: 1px solid var(--kre-color-accent, #2f6fde);
    border-radius: 999px;
    background: var(--kre-color-accent-surface, #e8effc);
    color: var(--kre-color-text, #1d2433);
  }
  .chip-remove,
  .link {
    border: 0;
    background: none;
    color: inherit;
    border-radius: 999px;
  }
  .chip-remove {
    display: inline-grid;
    place-items: center;
    width: 24px;
    height: 24px;
    padding: 0;
  }
  .chip-remove:hover {
    background: var(--kre-color-surface-muted, #f3f5f9);
  }
  .link {
    padding: 4px 6px;
    color: var(--kre-color-link, var(--kre-color-accent, #2f6fde));
    text-decoration: underline;
  }
  .export-status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
    margin-block-end: var(--kre-spacing-small, 12px);
  }
  progress {
    flex: 1 1 10em;
    max-width: 24em;
    height: 8px;
    accent-color: var(--kre-color-accent, #2f6fde);
  }
  .export-text {
    font-variant-numeric: tabular-nums;
  }

  /* The table scrolls inside the element; the first column stays in view. */
  .scroller {
    overflow: auto;
    max-height: var(--kre-sessions-max-height, none);
    border: 1px solid var(--kre-color-border, #d8dde6);
    border-radius: var(--kre-radius-small, 6px);
  }
  /*
   * Fixed layout: column widths come from the <col>s, not from measuring every cell, so a page
   * of 250 rows lays out fast and columns do not jump from page to page.
   */
  table {
    table-layout: fixed;
    width: max(100%, var(--kre-sessions-table-min-width, 96.5em));
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
  }
  /*
   * Busy: the last rows stay, in the muted text colour (contrast holds), under an accent line.
   * Set on the tbody and inherited (no rule matched anew in each of 2500 cells).
   */
  table.busy tbody {
    color: var(--kre-color-text-muted, #5b6578);
  }
  table.busy thead th {
    box-shadow: inset 0 -3px 0 var(--kre-color-accent, #2f6fde);
  }
  .w-user {
    width: var(--kre-sessions-col-user, 10em);
  }
  .w-email {
    width: var(--kre-sessions-col-email, 11.5em);
  }
  .w-sessionId {
    width: var(--kre-sessions-col-session-id, 9em);
  }
  .w-machineId {
    width: var(--kre-sessions-col-machine-id, 9em);
  }
  .w-licenseSource {
    width: var(--kre-sessions-col-license-source, 9em);
  }
  .w-organization {
    width: var(--kre-sessions-col-organization, 12em);
  }
  .w-licenseType {
    width: var(--kre-sessions-col-license-type, 8.5em);
  }
  .w-started,
  .w-ended {
    width: var(--kre-sessions-col-time, 10.5em);
  }
  .w-duration {
    width: var(--kre-sessions-col-duration, 6.5em);
  }
  th,
  td {
    padding: 6px;
    text-align: start;
    vertical-align: top;
    white-space: nowrap;
    border-block-end: 1px solid var(--kre-color-border, #d8dde6);
    background: var(--kre-color-surface, #ffffff);
  }
  tbody tr:last-child > * {
    border-block-end: 0;
  }
  thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    padding: 0;
    background: var(--kre-color-surface-muted, #f3f5f9);
    color: var(--kre-color-text-muted, #5b6578);
    font-weight: 600;
  }
  thead th:first-child {
    z-index: 3;
  }
  tbody th {
    font-weight: 500;
  }
  th:first-child,
  td:first-child {
    border-inline-end: 1px solid var(--kre-color-border, #d8dde6);
  }
  /*
   * The first column sticks while the table scrolls sideways, and only then: 250 sticky cells
   * cost a third of a page's layout, prepaint and paint when the table fits anyway. Where
   * scroll-state queries exist the scroller says whether it scrolls sideways (whatever
   * --kre-sessions-table-min-width, the font size or a scrollbar); elsewhere a width below which
   * the default table cannot fit.
   */
  .scroller {
    container-type: scroll-state;
  }
  @supports (container-type: scroll-state) {
    @container scroll-state(scrollable: inline) {
      th:first-child,
      td:first-child {
        position: sticky;
        inset-inline-start: 0;
        z-index: 1;
      }
    }
  }
  @supports not (container-type: scroll-state) {
    @container (max-width: 1400px) {
      th:first-child,
      td:first-child {
        position: sticky;
        inset-inline-start: 0;
        z-index: 1;
      }
    }
  }
  tbody tr:hover > * {
    background: var(--kre-color-row-hover, var(--kre-color-surface-muted, #f3f5f9));
  }
  .sort {
    display: flex;
    align-items: center;
    gap: 4px;
    width: 100%;
    padding: 8px 6px;
    border: 0;
    background: none;
    color: inherit;
    font-weight: inherit;
    text-align: start;
    white-space: nowrap;
    overflow: hidden;
  }
  .sort:hover {
    color: var(--kre-color-text, #1d2433);
  }
  .sort:focus-visible {
    outline-offset: -2px;
  }
  .sort-icon {
    font-size: 0.7em;
    opacity: 0;
  }
  .sort:hover .sort-icon,
  .sort:focus-visible .sort-icon {
    opacity: 0.5;
  }
  .sort-icon.on {
    opacity: 1;
    color: var(--kre-color-accent, #2f6fde);
  }
  .c-duration,
  .c-duration .sort {
    text-align: end;
    justify-content: flex-end;
  }

  /* Long values truncate; the whole text shows on hover, in the tooltip and while the row has focus. */
  .text {
    display: block;
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    unicode-bidi: plaintext;
    text-align: match-parent;
  }
  .copy .text {
    flex: 0 1 auto;
    min-width: 0;
  }
  .text.org {
    display: flex;
  }
  .org-parents {
    flex: 0 100 auto;
    min-width: 1.5em;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .org-sep {
    flex: none;
    white-space: pre;
  }
  .org-leaf {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: pre;
  }
  td:hover .org,
  tr:focus-within .org {
    display: block;
  }
  td:hover .org > span,
  tr:focus-within .org > span {
    display: inline;
    white-space: normal;
  }
  tbody td:hover .text,
  tbody th:hover .text,
  tr:focus-within .text {
    white-space: normal;
    overflow-wrap: anywhere;
  }
  mark {
    background: var(--kre-color-highlight, #fff0a8);
    color: var(--kre-color-highlight-text, inherit);
    border-radius: 2px;
  }
  .copy {
    display: inline-flex;
    align-items: flex-start;
    gap: 6px;
    max-width: 100%;
    padding: 0 4px;
    margin-inline: -4px;
    border: 0;
    border-radius: 4px;
    background: none;
    font-family: var(--kre-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.93em;
  }
  /* The copy icon: two outlined squares, drawn on hover and focus only. */
  .copy::after {
    content: '';
    flex: none;
    width: 8px;
    height: 8px;
    margin-block-start: 0.35em;
    margin-inline-start: 2px;
    border: 1.5px solid currentColor;
    border-radius: 2px;
    box-shadow: 2px 2px 0 -0.5px var(--kre-color-surface, #ffffff), 3px 3px 0 0 currentColor;
    opacity: 0;
  }
  .copy:hover::after,
  .copy:focus-visible::after {
    opacity: 0.7;
  }
  .badge {
    display: inline-block;
    padding: 0 8px;
    border-radius: 999px;
    border: 1px solid transparent;
    background: var(--kre-color-active-surface, #e3f4ea);
    color: var(--kre-color-active, #1f7a45);
    font-size: 0.857em;
    font-weight: 600;
    line-height: 1.6;
  }
  .skeleton .bone {
    display: block;
    height: 0.9em;
    margin-block: 0.25em;
    width: 7em;
    border-radius: 4px;
    background: var(--kre-color-skeleton, var(--kre-color-border, #d8dde6));
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .skeleton .bone {
      animation: none;
    }
  }

  .pager {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: flex-end;
    gap: 8px 16px;
    margin-block-start: var(--kre-spacing-small, 12px);
  }
  .page-size {
    flex-direction: row;
    align-items: center;
    gap: 8px;
  }
  .range {
    font-variant-numeric: tabular-nums;
  }
  .pager-buttons {
    display: inline-flex;
    gap: 4px;
  }
  .button.icon {
    justify-content: center;
    min-width: 32px;
    padding-inline: 6px;
  }
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .empty .status-title {
    margin: 0 0 4px;
  }
  .empty-filters {
    margin: 0;
    padding-inline-start: 1.2em;
    color: var(--kre-color-text-muted, #5b6578);
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
    .export-button {
      margin-inline-start: 0;
    }
    .pager {
      justify-content: space-between;
    }
  }

  @media (forced-colors: active) {
    .scroller,
    th,
    td {
      border-color: CanvasText;
    }
    .badge,
    .chip {
      border-color: CanvasText;
    }
    mark {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .sort-icon.on {
      color: CanvasText;
    }
    .button[aria-disabled='true'] {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
