/**
 * The columns of the session log (CONTRACT 3.2, 6): their sort fields, labels and cells. Times
 * show in the element's `time-zone` and `locale`; ids are copy buttons; long text truncates and
 * shows whole on hover, on focus in its row, and in its tooltip.
 */
import { html, type TemplateResult } from 'lit';
import { formatDuration } from '../core/csv.js';
import { formatInstant, offsetMinutes, parseInstant } from '../core/tz.js';
import type { SessionItem, SortField } from '../core/types.js';
import { formatDateTime } from '../shared/format.js';
import { str, type StringKey } from '../shared/strings.js';
import { highlight } from './highlight.js';

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
  cell: (item: SessionItem, ctx: CellContext) => TemplateResult;
}

/**
 * On screen without seconds, and without the year when it is the year of `asOf`, to keep the
 * table narrow; the tooltip has the exact instant (ISO 8601 with the zone's offset, as in the CSV).
 */
export const DATE_TIME: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' };
export const DATE_TIME_THIS_YEAR: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };

const text = (value: string, q = '') =>
  html`<span class="text" dir="auto" title=${value}>${highlight(value, q)}</span>`;

/** An id as a button that copies it; described by the table's one "Copy" hint (no per-row icon DOM). */
const copy = (value: string, q: string) =>
  html`<button class="copy" type="button" data-copy=${value} title=${value} aria-describedby="copy-hint"
    ><span class="text" dir="auto">${highlight(value, q)}</span></button
  >`;

/** The path with its leaf kept whole: when space runs out, the ancestors truncate first. */
const organization = (path: readonly string[]) => {
  const full = path.join(' / ');
  if (path.length < 2) return text(full);
  return html`<span class="text org" title=${full}
    ><span class="org-parents" dir="auto">${path.slice(0, -1).join(' / ')}</span
    ><span class="org-sep"> / </span><span class="org-leaf" dir="auto">${path.at(-1)}</span
  ></span>`;
};

/** The calendar year at `ms` in `zone` (core's cached offsets: no Intl call per cell). */
const yearOf = (ms: number, zone: string) => new Date(ms + offsetMinutes(zone, ms) * 60_000).getUTCFullYear();

const time = (iso: string, ctx: CellContext) => {
  const ms = parseInstant(iso);
  const options = yearOf(ms, ctx.zone) === yearOf(ctx.asOf, ctx.zone) ? DATE_TIME_THIS_YEAR : DATE_TIME;
  const exact = formatInstant(ms, ctx.zone);
  return html`<time datetime=${exact} title=${exact}>${formatDateTime(ctx.locale, ctx.zone, ms, options)}</time>`;
};

/** `ended - started`, or for an active session the server's now plus the time since. */
export function durationMs(item: SessionItem, ctx: Pick<CellContext, 'asOf' | 'elapsed'>): number {
  const started = parseInstant(item.started);
  return item.ended === null ? ctx.asOf + ctx.elapsed - started : parseInstant(item.ended) - started;
}

export const COLUMNS: readonly Column[] = [
  { field: 'user', label: 'colUser', cell: (s, c) => text(s.user.name, c.q) },
  { field: 'email', label: 'colEmail', cell: (s, c) => text(s.user.email, c.q) },
  { field: 'sessionId', label: 'colSessionId', cell: (s, c) => copy(s.sessionId, c.q) },
  { field: 'machineId', label: 'colMachineId', cell: (s, c) => copy(s.machineId, c.q) },
  { field: 'licenseSource', label: 'colLicenseSource', cell: (s) => text(s.licenseSource) },
  { field: 'organization', label: 'colOrganization', cell: (s) => organization(s.organization?.path ?? []) },
  { field: 'licenseType', label: 'colLicenseType', cell: (s) => text(s.licenseType) },
  { field: 'started', label: 'colStarted', cell: (s, c) => time(s.started, c) },
  {
    field: 'ended',
    label: 'colEnded',
    cell: (s, c) => (s.ended === null ? html`<span class="badge" part="badge">${str('active')}</span>` : time(s.ended, c)),
  },
  { field: 'duration', label: 'colDuration', cell: (s, c) => html`${formatDuration(durationMs(s, c))}` },
];
