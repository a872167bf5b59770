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

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms, and the astral RTL scripts. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|[\ud802\ud803\ud83a][\udc00-\udfff]/;

/**
 * A value with right-to-left text reads in its own direction, isolated from the cell (`<bdi>`:
 * its direction from its first strong letter), and aligns with its column like any other. Other
 * values stay plain text: no bidi work for them.
 */
const isolate = (value: string, shown: string | TemplateResult) => (RTL.test(value) ? html`<bdi>${shown}</bdi>` : shown);

/** Whether `text` may need more than two lines of the column `field`. */
const long = (text: string, field: SortField) => text.length > FITS[field] / 2 && textUnits(text, FITS[field]) > FITS[field];

/** Text straight in the cell; when it may not fit two lines, in a clamp with the whole in its tooltip. */
function text(value: string, field: SortField, q = ''): string | TemplateResult {
  const shown = isolate(value, highlight(value, q));
  return long(value, field) ? html`<span class="clamp" title=${value}>${shown}</span>` : shown;
}

/**
 * The path with the organization's own name whole: the ancestors first, smaller and muted, in a
 * clamp of their own when they are long (the tooltip has the whole path). The cell's text is the
 * path joined with " / " (the first space a no-break one), as in the CSV.
 */
function organization(path: readonly string[]): string | TemplateResult {
  if (path.length < 2) return isolate(path[0] ?? '', path[0] ?? '');
  // No-break spaces before the slashes: a line never starts with one.
  const ancestors = path.slice(0, -1);
  const up = `${ancestors.join('\u00a0/ ')}\u00a0/ `;
  const shownUp = ancestors.some((name) => RTL.test(name)) ? ancestors.map((name) => html`${isolate(name, name)}\u00a0/ `) : up;
  const leaf = path[path.length - 1];
  return long(up, 'organization')
    ? html`<span class="up clamp" title=${`${up}${leaf}`}>${shownUp}</span>${isolate(leaf, leaf)}`
    : html`<span class="up">${shownUp}</span>${isolate(leaf, leaf)}`;
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

/** An id's text, in its copy button (static in the row: described by the table's one "Copy" hint). */
const id = (value: string, q: string) => isolate(value, highlight(value, q));

/**
 * One row: a single template with every cell written out, the copy buttons and the Started
 * `<time>` static in it, so that a row is one template instance whose cells bind only their
 * content (and Started its two attributes).
 */
export function row(s: SessionItem, ctx: CellContext): TemplateResult {
  const active = s.ended === null;
  const started = timeText(s.started, ctx.locale, ctx.zone, ctx.asOf);
  // prettier-ignore
  return html`<tr part=${active ? 'row row-active' : 'row'}><th scope="row" part="cell">${text(s.user.name, 'user', ctx.q)}</th><td part="cell">${text(s.user.email, 'email', ctx.q)}</td><td part="cell"><button class="copy" type="button" aria-describedby="copy-hint">${id(s.sessionId, ctx.q)}</button></td><td part="cell"><button class="copy" type="button" aria-describedby="copy-hint">${id(s.machineId, ctx.q)}</button></td><td part="cell">${text(s.licenseSource, 'licenseSource')}</td><td part="cell">${organization(s.organization?.path ?? [])}</td><td part="cell">${text(s.licenseType, 'licenseType')}</td><td part="cell"><time datetime=${started.exact} title=${started.exact}>${started.text}</time></td><td part="cell">${active ? html`<span class="badge" part="badge">${str('active')}</span>` : time(s.ended!, ctx)}</td><td part="cell">${formatDuration(durationMs(s, ctx))}</td></tr>`;
}
