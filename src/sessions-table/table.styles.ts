/**
 * The session log's table, and the same table as one card per session in a narrow element.
 *
 * Wide (the element's content at least 70em, 980 px at the default font size): a fixed layout
 * (no cell is measured to lay out a page), every column in view, long text on two lines. Cells
 * carry no background, border, clip or sticky position of their own: a row has one rule line, the
 * header row group is the one sticky box, and only a value too long for two lines gets a clip
 * (`.clamp`).
 *
 * Narrow: each row is a card with every field under its column's label (the labels come from
 * custom properties the table sets, so `setStrings` changes them); the header row gives way to a
 * sort choice (`.card-sort`).
 */
import { css, unsafeCSS } from 'lit';
// The fields from core's types (a module without imports), not the columns: this sheet stays with
// the others at the start of the bundle, inside gzip's window (rollup.config.mjs, stylesTogether).
import { SORT_FIELDS } from '../core/types.js';

const table = css`
  .scroller {
    overflow: auto;
    max-height: var(--kre-sessions-max-height, none);
    border: 1px solid var(--_border);
    border-radius: var(--_radius-small);
  }
  /*
   * Cells align with the page's direction (left, or right in a right-to-left page) while a value
   * with right-to-left text reads in its own (a <bdi>), so an Arabic name keeps its column's
   * alignment. Set once on the table and inherited by the cells and the copy buttons.
   */
  table {
    /* The default width of the Started and Ended columns (the column widths are below the sheet). */
    --_time: 6.5em;
    table-layout: fixed;
    width: max(100%, var(--kre-sessions-table-min-width, 0px));
    border-collapse: collapse;
    text-align: left;
  }
  table:dir(rtl) {
    text-align: right;
  }
  caption {
    padding: 6px 12px;
    text-align: start;
  }
  caption,
  .up {
    font-size: 0.857em;
    color: var(--_text-muted);
  }
  /* Wide: a date and its time on one line. */
  @container (min-width: 100em) {
    table {
      --_time: 10em;
    }
  }
  th,
  td {
    padding: 6px;
    text-align: inherit;
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  thead {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    background: var(--_surface-muted);
    color: var(--_text-muted);
  }
  thead th {
    padding: 0;
    vertical-align: bottom;
    font-size: 0.929em;
    font-weight: 600;
  }
  tbody tr {
    border-block-start: 1px solid var(--_border);
  }
  tbody th {
    font-weight: 500;
  }
  tbody tr:hover {
    background: var(--kre-color-row-hover, var(--_surface-muted));
  }
  /*
   * Busy: the last rows stay as they are, under an accent line (below the header row; in the
   * card layout, below the caption). Nothing in the rows changes: marking 250 rows (a colour they
   * inherit) would restyle and repaint every cell twice per page.
   */
  .busy thead th {
    box-shadow: inset 0 -3px 0 var(--_accent);
  }

  /* (They wrap anywhere like their cells: overflow-wrap is inherited.) */
  .sort,
  .copy {
    border: 0;
    background: none;
    text-align: inherit;
  }
  .sort {
    display: block;
    width: 100%;
    padding: 8px 6px;
  }
  .sort:hover {
    color: var(--_text);
  }
  .sort:focus-visible {
    outline-offset: -2px;
  }
  .sort-icon {
    margin-inline-start: 3px;
    font-size: 0.7em;
    opacity: 0;
  }
  .sort:hover .sort-icon,
  .sort:focus-visible .sort-icon {
    opacity: 0.5;
  }
  .sort-icon.on {
    opacity: 1;
    color: var(--_accent);
  }
  .c-duration .sort,
  tbody tr > :last-child {
    text-align: end;
  }

  /* The organization's ancestors, before its own name. */
  .up {
    display: block;
    line-height: 1.3;
  }
  /* A value too long for two lines: two lines and an ellipsis; whole on hover and while its row has focus. */
  .clamp {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  tbody tr > :hover > .clamp,
  tbody tr:focus-within .clamp {
    display: block;
    overflow: visible;
  }
  mark {
    background: var(--kre-color-highlight, #fff0a8);
    color: var(--kre-color-highlight-text, inherit);
    border-radius: 2px;
  }
  .copy {
    max-width: calc(100% + 6px);
    padding: 0 3px;
    margin-inline: -3px;
    border-radius: 4px;
    font-family: var(--kre-font-family-mono, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
    font-size: 0.857em;
    line-height: 1.6;
  }
  /*
   * The copy icon (two outlined squares): drawn only on the button under the pointer or in focus,
   * in the gap after it (out of the flow: hovering never re-wraps the id or moves the row). The back
   * square's cut-out is in the colour under it (the hovered row's).
   */
  .copy:hover,
  .copy:focus-visible {
    position: relative;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }
  .copy:hover::after,
  .copy:focus-visible::after {
    content: '';
    position: absolute;
    inset-block-start: 0.5em;
    inset-inline-start: calc(100% + 1px);
    width: 8px;
    height: 8px;
    border: 1.5px solid;
    border-radius: 2px;
    box-shadow: 2px 2px 0 -0.5px var(--_surface), 3px 3px 0 0;
    opacity: 0.7;
  }
  .copy:hover::after {
    box-shadow: 2px 2px 0 -0.5px var(--kre-color-row-hover, var(--_surface-muted)), 3px 3px 0 0;
  }
  /* Touch: no hover to reveal the icon; a dotted underline says the id does something. */
  @media (hover: none) {
    .copy {
      text-decoration: underline dotted;
      text-underline-offset: 3px;
    }
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
  .bone {
    display: block;
    height: 0.9em;
    margin-block: 0.25em;
    width: min(7em, 80%);
    border-radius: 4px;
    background: var(--kre-color-skeleton, var(--_border));
    animation: pulse 1.2s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .bone {
      animation: none;
    }
  }

  /* A copied id: said, and shown where the pointer or finger is likely to be (the bottom of the view). */
  .toast:not(:empty) {
    position: sticky;
    inset-block-end: 12px;
    z-index: 2;
    width: fit-content;
    max-width: 100%;
    margin-block-start: 8px;
    margin-inline-start: auto;
    padding: 6px 12px;
    border: 1px solid transparent;
    border-radius: var(--_radius-small);
    background: var(--_text);
    color: var(--_surface);
    overflow-wrap: anywhere;
  }

  .card-sort {
    display: none;
  }

  @container (max-width: 70em) {
    .card-sort {
      display: flex;
    }
    .card-sort .field {
      flex: 1 1 9em;
    }
    .scroller {
      border: 0;
      border-radius: 0;
    }
    table,
    caption {
      display: block;
      width: 100%;
    }
    caption {
      padding: 0 0 8px;
    }
    .busy caption {
      box-shadow: inset 0 -3px 0 var(--_accent);
    }
    thead {
      display: none;
    }
    tbody {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 22em), 1fr));
      gap: 8px;
    }
    tbody tr {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 8.5em), 1fr));
      grid-auto-flow: row dense;
      align-content: start;
      gap: 6px 16px;
      padding: 10px 12px;
      border: 1px solid var(--_border);
      border-radius: var(--_radius-small);
    }
    tbody tr[part~='row-active'] {
      border-inline-start: 3px solid var(--kre-color-active, #1f7a45);
    }
    tbody tr > * {
      display: block;
      min-width: 0;
      padding: 0;
    }
    tbody tr > :is(:nth-child(1), :nth-child(2), :nth-child(6)) {
      grid-column: 1 / -1;
    }
    tbody th {
      font-weight: 600;
    }
    .copy {
      max-width: 100%;
      margin-inline: 0;
      padding-inline: 0;
    }
    tbody tr > :last-child {
      text-align: inherit;
    }
    tbody tr > ::before {
      display: block;
      font-size: 0.786em;
      font-weight: 600;
      color: var(--_text-muted);
      unicode-bidi: isolate;
    }
  }

  @media (forced-colors: active) {
    .scroller,
    tbody tr,
    .badge,
    .toast {
      border-color: CanvasText;
    }
    thead {
      border-block-end: 1px solid CanvasText;
    }
    mark {
      background: Highlight;
      color: HighlightText;
      forced-color-adjust: none;
    }
    .sort-icon.on {
      color: CanvasText;
    }
  }
`;

/**
 * Per column. Its width, set on its header cell (the header row sizes the fixed layout), from a
 * custom property with a default: ids, times, the duration, the license source and type hold
 * short text (em, so they follow the font size); User takes a share; Email and Organization split
 * what is left, so a wider element gives them its room. And in a card, each field's label: the
 * `n`th cell shows `--kre-sessions-label-n` (set on the table).
 */
const WIDTHS = ['12%', 'auto', '6.5em', '6.5em', '7em', 'auto', '7em', 'var(--_time)', 'var(--_time)', '6.5em'];
const columns = unsafeCSS(
  SORT_FIELDS.map((field, i) => `.c-${field}{width:var(--kre-sessions-col-${i == 7 || i == 8 ? 'time' : field.replace(/[A-Z]/g, '-$&').toLowerCase()},${WIDTHS[i]})}`).join('') +
    `@container (max-width:70em){${SORT_FIELDS.map((_, i) => `tbody tr>:nth-child(${++i})::before{content:var(--kre-sessions-label-${i})}`).join('')}}`,
);

export const tableStyles = [table, columns];
