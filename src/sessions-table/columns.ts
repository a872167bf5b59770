/**
 * The columns of the session log (CONTRACT 3.2, 6): their sort fields and labels, and what each
 * cell shows. Cells are as light as the text allows: plain text straight in the cell, a wrapper
 * only where it carries something (a copy button, a `<time>`, the badge, a two-line clamp for a
 * value too long for two lines, the organization's ancestors).
 */
import { html, type TemplateResult } from 'lit';
import { formatDuration } from '../core/csv.js';
import { parseInstant } from '../core/tz.js';
import type { SessionItem, SortField } from '../core/types.js';
import { str, type StringKey } from '../shared/strings.js';
import { highlight } from './highlight.js';
import { timeText } from './times.js';

export interface CellContext {
  locale: string;
  zone: string;
  /** The response's `asOf` in ms: the "now" of active sessions. */
  asOf: number;
  /** Time passed since the response arrived, so that active durations keep counting. */
  elapsed: number;
  /** The search in force, highlighted in the searchable columns. */
  q: string;
}

export interface Column {
  field: SortField;
  label: StringKey;
  /**
   * For the text columns: about the widest text, in `textUnits`, that two lines of the column
   * hold (at 1100 px; a line more at the table's narrowest). Longer text gets a two-line clamp,
   * so that no value, however long, makes a row taller than three lines.
   */
  fits?: number;
}

export const COLUMNS: readonly Column[] = [
  { field: 'user', label: 'colUser', fits: 24 },
  { field: 'email', label: 'colEmail', fits: 32 },
  { field: 'sessionId', label: 'colSessionId' },
  { field: 'machineId', label: 'colMachineId' },
  { field: 'licenseSource', label: 'colLicenseSource', fits: 22 },
  { field: 'organization', label: 'colOrganization', fits: 30 },
  { field: 'licenseType', label: 'colLicenseType', fits: 20 },
  { field: 'started', label: 'colStarted' },
  { field: 'ended', label: 'colEnded' },
  { field: 'duration', label: 'colDuration' },
];

const FITS = Object.fromEntries(COLUMNS.map((c) => [c.field, c.fits ?? 0])) as Record<SortField, number>;

/**
 * A cheap upper estimate of how wide `text` is, in average Latin letters: wide scripts, emoji
 * and other astral characters count double. No measuring: it only decides whether a cell may need
 * a clamp, and a clamp that turns out not to bite costs nothing visible.
 */
export function textUnits(text: string, stopAt = Infinity): number {
  let units = 0;
  for (let i = 0; i < text.length && units <= stopAt; i++) {
    const c = text.charCodeAt(i);
    units += c < 0x1100 ? 1 : c >= 0xdc00 && c < 0xe000 ? 0 : 2;
  }
  return units;
}

/** Whether `text` may need more than two lines of the column `field`. */
const long = (text: string, field: SortField) => text.length > FITS[field] / 2 && textUnits(text, FITS[field]) > FITS[field];

/** Text straight in the cell; when it may not fit two lines, in a clamp with the whole in its tooltip. */
function text(value: string, field: SortField, q = ''): string | TemplateResult {
  const shown = highlight(value, q);
  return long(value, field) ? html`<span class="clamp" title=${value}>${shown}</span>` : shown;
}

/**
 * The path with the organization's own name whole: the ancestors first, smaller and muted, in a
 * clamp of their own when they are long (the tooltip has the whole path). The cell's text is the
 * path joined with " / " (the first space a no-break one), as in the CSV.
 */
function organization(path: readonly string[]): string | TemplateResult {
  if (path.length < 2) return path[0] ?? '';
  // No-break spaces before the slashes: a line never starts with one.
  const up = `${path.slice(0, -1).join('\u00a0/ ')}\u00a0/ `;
  const leaf = path[path.length - 1];
  return long(up, 'organization')
    ? html`<span class="up clamp" title=${`${up}${leaf}`}>${up}</span>${leaf}`
    : html`<span class="up">${up}</span>${leaf}`;
}

/** `ended - started`, or for an active session the server's now plus the time since. */
export function durationMs(item: SessionItem, ctx: Pick<CellContext, 'asOf' | 'elapsed'>): number {
  const started = parseInstant(item.started);
  return item.ended === null ? ctx.asOf + ctx.elapsed - started : parseInstant(item.ended) - started;
}

const time = (iso: string, ctx: CellContext) => {
  const t = timeText(iso, ctx.locale, ctx.zone, ctx.asOf);
  return html`<time datetime=${t.exact} title=${t.exact}>${t.text}</time>`;
};

/** An id as a button that copies its text; described by the table's one "Copy" hint. */
const copy = (value: string, q: string) => html`<button class="copy" type="button" aria-describedby="copy-hint">${highlight(value, q)}</button>`;

/**
 * One row: a single template with every cell written out, so that a row is one template
 * instance whose cells carry no per-cell bindings but their content.
 */
export function row(s: SessionItem, ctx: CellContext): TemplateResult {
  const active = s.ended === null;
  // prettier-ignore
  return html`<tr part=${active ? 'row row-active' : 'row'}><th scope="row" part="cell">${text(s.user.name, 'user', ctx.q)}</th><td part="cell">${text(s.user.email, 'email', ctx.q)}</td><td part="cell">${copy(s.sessionId, ctx.q)}</td><td part="cell">${copy(s.machineId, ctx.q)}</td><td part="cell">${text(s.licenseSource, 'licenseSource')}</td><td part="cell">${organization(s.organization?.path ?? [])}</td><td part="cell">${text(s.licenseType, 'licenseType')}</td><td part="cell">${time(s.started, ctx)}</td><td part="cell">${active ? html`<span class="badge" part="badge">${str('active')}</span>` : time(s.ended!, ctx)}</td><td part="cell">${formatDuration(durationMs(s, ctx))}</td></tr>`;
}
