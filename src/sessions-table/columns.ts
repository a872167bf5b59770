/**
 * The columns of the session log (CONTRACT 3.2, 6): their sort fields and labels, and what each
 * cell shows. Cells are as light as the text allows: plain text straight in the cell, a wrapper
 * only where it carries something (a copy button, a `<time>`, the badge, a two-line clamp for a
 * value too long for two lines, the organization's ancestors).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration } from '../core/duration.js';
import { parseInstant } from '../core/tz.js';
import { SORT_FIELDS, type SessionItem, type SortField } from '../core/types.js';
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
  /** `col` and the field: `colUser`, `colSessionId`, … */
  label: StringKey;
}

/** One column per sort field, in the contract's order (as in the CSV). */
export const COLUMNS: readonly Column[] = SORT_FIELDS.map((field) => ({ field, label: `col${field[0].toUpperCase()}${field.slice(1)}` as StringKey }));

/**
 * For the text columns: about the widest text, in `textUnits`, that two lines of the column hold
 * (at 1100 px; a line more at the table's narrowest). Longer text gets a two-line clamp, so that no
 * value, however long, makes a row taller than three lines.
 */
const FITS: Partial<Record<SortField, number>> = { user: 24, email: 32, licenseSource: 22, organization: 30, licenseType: 20 };

/**
 * Whether `text` may need more than two lines of the column `field`: a cheap upper estimate of
 * its width in average Latin letters (wide scripts, emoji and other astral characters count
 * double). No measuring: a clamp that turns out not to bite costs nothing visible.
 */
function long(text: string, field: SortField): boolean {
  const fits = FITS[field]!;
  let units = 0;
  for (let i = 0; text.length > fits / 2 && i < text.length && units <= fits; i++) {
    const c = text.charCodeAt(i);
    units += c < 0x1100 ? 1 : c >= 0xdc00 && c < 0xe000 ? 0 : 2;
  }
  return units > fits;
}

/** Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms, and the astral RTL scripts. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]|[\ud802\ud803\ud83a][\udc00-\udfff]/;

/**
 * A value with right-to-left text reads in its own direction, isolated from the cell (`<bdi>`:
 * its direction from its first strong letter), and aligns with its column like any other. Other
 * values stay plain text: no bidi work for them.
 */
const isolate = (value: string, q = '') => (RTL.test(value) ? html`<bdi>${highlight(value, q)}</bdi>` : highlight(value, q));

/** Text straight in the cell; when it may not fit two lines, in a clamp with the whole in its tooltip. */
const text = (value: string, field: SortField, q?: string) =>
  long(value, field) ? html`<span class="clamp" title=${value}>${isolate(value, q)}</span>` : isolate(value, q);

/**
 * The path with the organization's own name whole: the ancestors first, smaller and muted, in a
 * clamp of their own when they are long (the tooltip has the whole path). The cell's text is the
 * path joined with " / " (no-break spaces before the slashes: a line never starts with one), as
 * in the CSV.
 */
function organization(path: readonly string[] = []): unknown {
  const leaf = isolate(path.at(-1) ?? '');
  if (path.length < 2) return leaf;
  const ancestors = path.slice(0, -1);
  const up = `${ancestors.join('\u00a0/ ')}\u00a0/ `;
  const shown = RTL.test(up) ? ancestors.map((name) => html`${isolate(name)}\u00a0/ `) : up;
  const clamp = long(up, 'organization');
  return html`<span class=${clamp ? 'up clamp' : 'up'} title=${clamp ? up + path.at(-1) : nothing}>${shown}</span>${leaf}`;
}

const time = (iso: string, ctx: CellContext) => {
  const t = timeText(iso, ctx.locale, ctx.zone, ctx.asOf);
  return html`<time datetime=${t.exact} title=${t.exact}>${t.text}</time>`;
};

/**
 * One row: a single template with every cell written out, the copy buttons (ids, described by the
 * table's one "Copy" hint) and the Started `<time>` static in it, so that a row is one template
 * instance whose cells bind only their content (and Started its two attributes). The duration is
 * `ended - started`, or for an active session the server's now plus the time since.
 */
export function row(s: SessionItem, ctx: CellContext): TemplateResult {
  const active = s.ended === null;
  const started = timeText(s.started, ctx.locale, ctx.zone, ctx.asOf);
  const ms = parseInstant(s.started);
  // prettier-ignore
  return html`<tr part=${active ? 'row row-active' : 'row'}><th scope="row" part="cell">${text(s.user.name, 'user', ctx.q)}</th><td part="cell">${text(s.user.email, 'email', ctx.q)}</td><td part="cell"><button class="copy" type="button" aria-describedby="copy-hint">${isolate(s.sessionId, ctx.q)}</button></td><td part="cell"><button class="copy" type="button" aria-describedby="copy-hint">${isolate(s.machineId, ctx.q)}</button></td><td part="cell">${text(s.licenseSource, 'licenseSource')}</td><td part="cell">${organization(s.organization?.path)}</td><td part="cell">${text(s.licenseType, 'licenseType')}</td><td part="cell"><time datetime=${started.exact} title=${started.exact}>${started.text}</time></td><td part="cell">${active ? html`<span class="badge" part="badge">${str('active')}</span>` : time(s.ended!, ctx)}</td><td part="cell">${formatDuration((active ? ctx.asOf + ctx.elapsed : parseInstant(s.ended)) - ms)}</td></tr>`;
}
