/**
 * A deliberately naive reference implementation of CONTRACT (version 1.1) sections 3 and 4, used
 * only by the property tests. It is written from the contract's text, not from src/core: no sweep,
 * no sorted indexes, no offset cache, no `localToInstant`. Every number is found by brute force, so
 * that it is obviously right and slow, and the fast code in src/core is checked against it.
 *
 * - Time zones: only `Intl.DateTimeFormat#formatToParts` (the platform's tz database). A local
 *   midnight is found by binary search for the first instant whose local date is that day, which is
 *   the contract's `compatible` rule: a midnight skipped by a DST gap becomes the instant the gap ends
 *   (the first instant of that local date), a repeated one its first occurrence.
 * - c(t): counted by scanning every session at each candidate instant. c is a step function that
 *   changes only at session starts and ends, so on a period [a, b) its values are exactly those at a
 *   and at every start or end inside (a, b); the first candidate reaching the max is the peakAt.
 * - available and capacityChanges: a scan of the allocations. Organization filter: walking up the
 *   parents (scopes: the matched organizations, every ancestor of each, and the account-wide scope).
 * - denied: a scan of the denials.
 * - Sessions list: filter, then Array.prototype.sort with one comparator.
 * - Capacity: c(t) evaluated on every piece between two consecutive candidate instants; the replay
 *   is a literal simulation, one candidate at a time, scanning every admitted session.
 *
 * The only things taken from core are the text order (`compareText`, `compareCodePoints` of
 * src/core/text-order.ts, which define it) and the types.
 */
import fc from 'fast-check';
import { compareCodePoints, compareText } from '../../src/core/text-order.js';
import type {
  Allocation,
  CapacityHour,
  CapacityQuery,
  CapacityResponse,
  CapacityChange,
  DenialRecord,
  Product,
  Dataset,
  Interval,
  Organization,
  SessionItem,
  SessionRecord,
  SessionsQuery,
  SessionsResponse,
  SortField,
  UsageBucket,
  UsageQuery,
  UsageResponse,
} from '../../src/core/types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ---------------------------------------------------------------------------------------------
// Calendar dates (no time zone): plain Y-M-D arithmetic over Date.UTC.

export interface YMD {
  y: number;
  m: number; // 1-12
  d: number;
}

export function parseDate(text: string): YMD {
  const [y, m, d] = text.split('-').map(Number);
  return { y, m, d };
}

export function addDays(date: YMD, n: number): YMD {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function dateText(date: YMD): string {
  return `${String(date.y).padStart(4, '0')}-${two(date.m)}-${two(date.d)}`;
}

function dateKey(date: YMD): number {
  return date.y * 10_000 + date.m * 100 + date.d;
}

/** 1 Monday ... 7 Sunday. */
function isoWeekday(date: YMD): number {
  const w = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return w === 0 ? 7 : w;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time in a zone, through Intl only.

interface Wall extends YMD {
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

export function wallClock(ms: number, timeZone: string): Wall {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  const part = (parts: Intl.DateTimeFormatPart[], type: string): number =>
    Number(parts.find((p) => p.type === type)!.value);
  const parts = format.formatToParts(ms);
  return {
    y: part(parts, 'year'),
    m: part(parts, 'month'),
    d: part(parts, 'day'),
    hour: part(parts, 'hour'),
    minute: part(parts, 'minute'),
    second: part(parts, 'second'),
  };
}

/** The zone's offset from UTC at `ms`, in minutes: the wall clock read as if it were UTC, minus the instant. */
export function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClock(whole, timeZone);
  return (Date.UTC(w.y, w.m - 1, w.d, w.hour, w.minute, w.second) - whole) / MINUTE;
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-10-30T09:00:00+01:00`. */
export function isoInZone(ms: number, timeZone: string): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const w = wallClock(whole, timeZone);
  const offset = offsetAt(whole, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const millis = ms - whole ? `.${String(ms - whole).padStart(3, '0')}` : '';
  return (
    `${dateText(w)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}${millis}` +
    `${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`
  );
}

/** ISO 8601 in UTC with `Z`, without milliseconds when there are none. */
export function isoUtc(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}

const midnights = new Map<string, number>();

/**
 * The instant local `date` 00:00 occurs in `timeZone` (CONTRACT's `compatible` rule): the first
 * instant whose local date is `date` or later. Binary search in milliseconds between two instants
 * that are surely before and after it (no zone is more than 14 hours from UTC).
 */
export function localMidnight(date: YMD, timeZone: string): number {
  const cacheKey = `${timeZone} ${dateText(date)}`;
  const cached = midnights.get(cacheKey);
  if (cached !== undefined) return cached;
  const key = dateKey(date);
  const reached = (ms: number): boolean => dateKey(wallClock(ms, timeZone)) >= key;
  let lo = Date.UTC(date.y, date.m - 1, date.d) - 2 * DAY; // surely before
  let hi = Date.UTC(date.y, date.m - 1, date.d) + 2 * DAY; // surely reached
  if (reached(lo) || !reached(hi)) throw new Error('oracle: bad midnight search bounds');
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  midnights.set(cacheKey, hi);
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Organizations

function parentOf(dataset: Dataset, id: string): string | null {
  const org = dataset.organizations.find((o) => o.id === id);
  if (!org) throw new Error(`oracle: unknown organization ${id}`);
  return org.parentId ?? null;
}

/** Whether `orgId` is one of `filter` or a descendant of one (no filter: everything matches). */
export function inOrgFilter(dataset: Dataset, orgId: string | null, filter: readonly string[] | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  let cur = orgId;
  let steps = 0;
  while (cur !== null) {
    if (filter.includes(cur)) return true;
    cur = parentOf(dataset, cur);
    if (++steps > dataset.organizations.length) throw new Error('oracle: organization cycle');
  }
  return false;
}

/** Names from the root down. */
export function orgPath(dataset: Dataset, orgId: string): string[] {
  const path: string[] = [];
  let cur: string | null = orgId;
  while (cur !== null) {
    const org: Organization = dataset.organizations.find((o) => o.id === cur)!;
    path.unshift(org.name);
    cur = org.parentId ?? null;
  }
  return path;
}

// ---------------------------------------------------------------------------------------------
// Usage (CONTRACT 4)

/**
 * The active span [started, end) of a session as of `asOf`, or null when it is empty. A session
 * still running at `asOf` (ended null, or ended after it) is active: its span ends at `asOf`.
 */
function span(s: SessionRecord, asOf: number): { start: number; end: number } | null {
  const start = Date.parse(s.started);
  const end = s.ended === null ? asOf : Math.min(Date.parse(s.ended), asOf);
  return end <= start ? null : { start, end };
}

/** c(t) */
function concurrency(spans: ReadonlyArray<{ start: number; end: number }>, t: number): number {
  let c = 0;
  for (const sp of spans) if (sp.start <= t && t < sp.end) c++;
  return c;
}

/** Max of c(t) over [a, b) and the first instant reaching it. */
export function peakOver(
  spans: ReadonlyArray<{ start: number; end: number }>,
  a: number,
  b: number,
): { peak: number; at: number } {
  const candidates = [a];
  for (const sp of spans) {
    if (sp.start > a && sp.start < b) candidates.push(sp.start);
    if (sp.end > a && sp.end < b) candidates.push(sp.end);
  }
  candidates.sort((x, y) => x - y);
  let peak = -1;
  let at = a;
  for (const t of candidates) {
    const c = concurrency(spans, t);
    if (c > peak) {
      peak = c;
      at = t;
    }
  }
  return { peak, at };
}

interface Period {
  start: number;
  end: number;
}

/** Periods [start, end) of `step` ms from `start`, the last one clipped to `end`. */
function fixedSteps(start: number, end: number, step: number): Period[] {
  const out: Period[] = [];
  for (let t = start; t < end; t += step) out.push({ start: t, end: Math.min(t + step, end) });
  return out;
}

/** The local days of the query range, each [midnight, next midnight), clipped at asOf, omitted from asOf. */
function rangeDays(from: YMD, to: YMD, timeZone: string, asOf: number): Period[] {
  const out: Period[] = [];
  for (let d = from; dateKey(d) <= dateKey(to); d = addDays(d, 1)) {
    const start = localMidnight(d, timeZone);
    const end = Math.min(localMidnight(addDays(d, 1), timeZone), asOf);
    if (start < asOf) out.push({ start, end });
  }
  return out;
}

function isBoundaryDate(interval: Interval, date: YMD): boolean {
  if (interval === 'day') return true;
  if (interval === 'week') return isoWeekday(date) === 1;
  return date.d === 1; // month
}

/** The buckets of CONTRACT 4: calendar periods meeting the range, clipped to it and at asOf. */
function buckets(interval: Interval, from: YMD, to: YMD, timeZone: string, asOf: number): Period[] {
  const rangeStart = localMidnight(from, timeZone);
  const rangeEnd = localMidnight(addDays(to, 1), timeZone);
  let periods: Period[];
  if (interval === 'hour') {
    periods = fixedSteps(rangeStart, rangeEnd, HOUR);
  } else {
    // Edges: the range start, every local midnight in between that starts a period, the range end.
    const edges = [rangeStart];
    for (let d = addDays(from, 1); dateKey(d) <= dateKey(to); d = addDays(d, 1)) {
      if (isBoundaryDate(interval, d)) edges.push(localMidnight(d, timeZone));
    }
    edges.push(rangeEnd);
    periods = [];
    for (let i = 0; i + 1 < edges.length; i++) periods.push({ start: edges[i], end: edges[i + 1] });
  }
  return periods.filter((p) => p.start < asOf).map((p) => ({ start: p.start, end: Math.min(p.end, asOf) }));
}

function subPeriods(interval: Interval, bucket: Period, days: Period[]): Period[] {
  if (interval === 'hour') return fixedSteps(bucket.start, bucket.end, MINUTE);
  if (interval === 'day') return fixedSteps(bucket.start, bucket.end, HOUR);
  // week, month: the bucket's local days, clipped to the bucket
  return days
    .map((d) => ({ start: Math.max(d.start, bucket.start), end: Math.min(d.end, bucket.end) }))
    .filter((d) => d.start < d.end);
}

// ---------------------------------------------------------------------------------------------
// Allocation scopes and denials (CONTRACT 4, 1.1)

/**
 * Whether `available` and `capacityChanges` draw on allocation scope `scope` under `filter`: no
 * filter draws on every scope; a filter draws on the account-wide scope (null), on every matched
 * organization (a filter id or a descendant of one) and on every ancestor of a matched one.
 */
export function drawsOnScope(dataset: Dataset, scope: string | null, filter: readonly string[] | undefined): boolean {
  if (!filter || filter.length === 0) return true;
  if (scope === null) return true;
  for (const org of dataset.organizations) {
    if (!inOrgFilter(dataset, org.id, filter)) continue;
    // `org` is matched: it and every ancestor of it are drawn on.
    let cur: string | null = org.id;
    let steps = 0;
    while (cur !== null) {
      if (cur === scope) return true;
      cur = parentOf(dataset, cur);
      if (++steps > dataset.organizations.length) throw new Error('oracle: organization cycle');
    }
  }
  return false;
}

/** The `sessions` of the latest allocation of (product, scope) with effectiveFrom strictly before `end`, 0 if none. */
function scopeValueBefore(dataset: Dataset, product: Product, scope: string | null, end: number): number {
  let best: { at: number; sessions: number } | null = null;
  for (const a of dataset.allocations) {
    if (a.product !== product || (a.organizationId ?? null) !== scope) continue;
    const at = Date.parse(a.effectiveFrom);
    if (!(at < end)) continue;
    if (best === null || at > best.at) best = { at, sessions: a.sessions };
  }
  return best === null ? 0 : best.sessions;
}

/** Every scope any allocation of the product names (null included when one does). */
function scopesOf(dataset: Dataset, product: Product): Array<string | null> {
  const scopes: Array<string | null> = [];
  for (const a of dataset.allocations) {
    const scope = a.organizationId ?? null;
    if (a.product === product && !scopes.includes(scope)) scopes.push(scope);
  }
  return scopes;
}

/** For each scope the filter draws on, its value strictly before `end`; summed. */
function availableAt(dataset: Dataset, product: Product, filter: readonly string[] | undefined, end: number): number {
  let total = 0;
  for (const scope of scopesOf(dataset, product)) {
    if (drawsOnScope(dataset, scope, filter)) total += scopeValueBefore(dataset, product, scope, end);
  }
  return total;
}

/** Matching denials (product, organization filter: a null organization only without a filter) with `at` in [start, end). */
function deniedIn(dataset: Dataset, product: Product, filter: readonly string[] | undefined, start: number, end: number): number {
  let n = 0;
  for (const d of dataset.denials ?? []) {
    if (d.product !== product || !inOrgFilter(dataset, d.organizationId, filter)) continue;
    const at = Date.parse(d.at);
    if (start <= at && at < end) n++;
  }
  return n;
}

/** The clipped range [from 00:00, min(to+1 00:00, asOf)) (possibly empty: start >= end). */
function clippedRange(from: YMD, to: YMD, timeZone: string, asOf: number): Period {
  return { start: localMidnight(from, timeZone), end: Math.min(localMidnight(addDays(to, 1), timeZone), asOf) };
}

/** CONTRACT 3.1 capacityChanges. */
function capacityChanges(
  dataset: Dataset,
  product: Product,
  filter: readonly string[] | undefined,
  range: Period,
  timeZone: string,
): CapacityChange[] {
  const found: Array<{ at: number; scope: string | null; before: number; after: number }> = [];
  for (const a of dataset.allocations) {
    const scope = a.organizationId ?? null;
    if (a.product !== product || !drawsOnScope(dataset, scope, filter)) continue;
    const at = Date.parse(a.effectiveFrom);
    if (!(range.start <= at && at < range.end)) continue;
    const before = scopeValueBefore(dataset, product, scope, at);
    if (before !== a.sessions) found.push({ at, scope, before, after: a.sessions });
  }
  found.sort(
    (x, y) =>
      x.at - y.at ||
      (x.scope === null ? 0 : 1) - (y.scope === null ? 0 : 1) ||
      (x.scope !== null && y.scope !== null ? compareCodePoints(x.scope, y.scope) : 0),
  );
  return found.map((c) => ({ at: isoInZone(c.at, timeZone), organizationId: c.scope, before: c.before, after: c.after }));
}

function mean(values: number[]): number {
  return values.length ? values.reduce((x, y) => x + y, 0) / values.length : 0;
}

function orgList(dataset: Dataset): Organization[] {
  return dataset.organizations.map((o) => ({ id: o.id, name: o.name, parentId: o.parentId ?? null }));
}

type Span = { start: number; end: number };

/** The active spans of the sessions matching product and organization filter, as of `asOf`. */
function matchingSpans(dataset: Dataset, product: Product, filter: readonly string[] | undefined, asOf: number): Span[] {
  return dataset.sessions
    .filter((s) => s.product === product && inOrgFilter(dataset, s.organizationId, filter))
    .map((s) => span(s, asOf))
    .filter((sp): sp is Span => sp !== null);
}

// ---------------------------------------------------------------------------------------------
// Usage (CONTRACT 3.1 and 4)

export function oracleUsage(dataset: Dataset, query: UsageQuery, asOfInput: string | Date): UsageResponse {
  const asOf = typeof asOfInput === 'string' ? Date.parse(asOfInput) : asOfInput.getTime();
  const from = parseDate(query.from);
  const to = parseDate(query.to);
  const tz = query.timeZone;
  const filter = query.organizationIds;
  const spans = matchingSpans(dataset, query.product, filter, asOf);
  const days = rangeDays(from, to, tz, asOf);
  const out: UsageBucket[] = buckets(query.interval, from, to, tz, asOf).map((b) => {
    const { peak, at } = peakOver(spans, b.start, b.end);
    const subs = subPeriods(query.interval, b, days).map((p) => peakOver(spans, p.start, p.end).peak);
    return {
      start: isoInZone(b.start, tz),
      end: isoInZone(b.end, tz),
      available: availableAt(dataset, query.product, filter, b.end),
      peak,
      peakAt: peak === 0 ? null : isoInZone(at, tz),
      averagePeak: mean(subs),
      denied: deniedIn(dataset, query.product, filter, b.start, b.end),
    };
  });
  const available = out.length ? out[out.length - 1].available : 0;
  const peak = out.reduce((m, b) => Math.max(m, b.peak), 0);
  let utilization: number | null = null;
  for (const b of out) {
    if (b.available > 0 && (utilization === null || b.peak / b.available > utilization)) utilization = b.peak / b.available;
  }
  return {
    product: query.product,
    interval: query.interval,
    timeZone: tz,
    from: query.from,
    to: query.to,
    asOf: isoUtc(asOf),
    buckets: out,
    summary: {
      available,
      peak,
      averageDailyPeak: mean(days.map((d) => peakOver(spans, d.start, d.end).peak)),
      utilization,
      denied: out.reduce((n, b) => n + b.denied, 0),
    },
    capacityChanges: capacityChanges(dataset, query.product, filter, clippedRange(from, to, tz, asOf), tz),
    organizations: orgList(dataset),
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions list (CONTRACT 3.2 and 4)

function sortText(dataset: Dataset, field: SortField, s: SessionRecord): string {
  switch (field) {
    case 'user': return s.user.name;
    case 'email': return s.user.email;
    case 'sessionId': return s.sessionId;
    case 'machineId': return s.machineId;
    case 'licenseSource': return s.licenseSource;
    case 'licenseType': return s.licenseType;
    case 'organization': return s.organizationId === null ? '' : orgPath(dataset, s.organizationId).join(' / ');
    default: throw new Error(`oracle: ${field} is not a text field`);
  }
}

/** Whether a session that started before `asOf` is still active at it (ended null or after it). */
function activeAt(s: SessionRecord, asOf: number): boolean {
  return s.ended === null || Date.parse(s.ended) > asOf;
}

/**
 * The comparator of a sort field and order: the primary key in the direction of `order`, then
 * `sessionId` ascending in code-point order whatever `order` says. `ended`: active sessions after
 * every ended one (equal among themselves); `duration`: (ended, or asOf when active) - started.
 */
export function comparator(
  dataset: Dataset,
  field: SortField,
  order: 'asc' | 'desc',
  asOf: number,
): (a: SessionRecord, b: SessionRecord) => number {
  const primary = (a: SessionRecord, b: SessionRecord): number => {
    switch (field) {
      case 'started':
        return Date.parse(a.started) - Date.parse(b.started);
      case 'ended': {
        const aa = activeAt(a, asOf);
        const ba = activeAt(b, asOf);
        if (aa || ba) return (aa ? 1 : 0) - (ba ? 1 : 0);
        return Date.parse(a.ended!) - Date.parse(b.ended!);
      }
      case 'duration': {
        const d = (s: SessionRecord): number => (activeAt(s, asOf) ? asOf : Date.parse(s.ended!)) - Date.parse(s.started);
        return d(a) - d(b);
      }
      default:
        return compareText(sortText(dataset, field, a), sortText(dataset, field, b));
    }
  };
  const sign = order === 'asc' ? 1 : -1;
  return (a, b) => sign * Math.sign(primary(a, b)) || compareCodePoints(a.sessionId, b.sessionId);
}

function toItem(dataset: Dataset, s: SessionRecord, asOf: number): SessionItem {
  let organization: SessionItem['organization'] = null;
  if (s.organizationId !== null) {
    const org = dataset.organizations.find((o) => o.id === s.organizationId)!;
    organization = { id: org.id, name: org.name, path: orgPath(dataset, org.id) };
  }
  return {
    sessionId: s.sessionId,
    user: { name: s.user.name, email: s.user.email },
    machineId: s.machineId,
    licenseSource: s.licenseSource,
    organization,
    licenseType: s.licenseType,
    started: isoUtc(Date.parse(s.started)),
    ended: activeAt(s, asOf) ? null : isoUtc(Date.parse(s.ended!)),
  };
}

/**
 * The sessions that started before `asOf`, of the date range (by `started`, in the zone) or active
 * at `activeAt` (their span, cut at `asOf`, contains it).
 */
function baseSessions(dataset: Dataset, query: SessionsQuery, asOf: number): SessionRecord[] {
  const ofProduct = dataset.sessions.filter((s) => s.product === query.product && Date.parse(s.started) < asOf);
  if (query.activeAt !== undefined) {
    const t = Date.parse(query.activeAt);
    return ofProduct.filter((s) => {
      const sp = span(s, asOf);
      return sp !== null && sp.start <= t && t < sp.end;
    });
  }
  const start = localMidnight(parseDate(query.from!), query.timeZone);
  const end = localMidnight(addDays(parseDate(query.to!), 1), query.timeZone);
  return ofProduct.filter((s) => {
    const t = Date.parse(s.started);
    return start <= t && t < end;
  });
}

/** Thrown by the oracle for a query `asOf` after the service's now (core answers 400 / ContractError). */
export class OracleAsOfError extends Error {}

/**
 * The body of 3.2. The effective asOf is `query.asOf` when given, else the service's now
 * (`asOfInput`); a `query.asOf` after the now throws `OracleAsOfError`. Facets: `licenseSources`
 * holds the distinct license sources of the base set (date range or `activeAt`, after the asOf
 * cut) before the other filters, in `compareText` order (a total order). Items' `started`/`ended`
 * are written in UTC (`...Z`).
 */
export function oracleSessions(dataset: Dataset, query: SessionsQuery, asOfInput: string | Date): SessionsResponse {
  const now = typeof asOfInput === 'string' ? Date.parse(asOfInput) : asOfInput.getTime();
  const asOf = query.asOf === undefined ? now : Date.parse(query.asOf);
  if (asOf > now) throw new OracleAsOfError(`asOf ${query.asOf} is after the service's now ${isoUtc(now)}`);
  const base = baseSessions(dataset, query, asOf);
  const needle = (query.q ?? '').toLowerCase();
  const sources = query.licenseSources ?? [];
  const matched = base.filter(
    (s) =>
      (sources.length === 0 || sources.includes(s.licenseSource)) &&
      inOrgFilter(dataset, s.organizationId, query.organizationIds) &&
      (needle === '' ||
        [s.user.name, s.user.email, s.sessionId, s.machineId].some((f) => f.toLowerCase().includes(needle))),
  );
  const sorted = [...matched].sort(comparator(dataset, query.sort ?? 'started', query.order ?? 'desc', asOf));
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 50;
  return {
    asOf: isoUtc(asOf),
    total: matched.length,
    offset,
    limit,
    items: sorted.slice(offset, offset + limit).map((s) => toItem(dataset, s, asOf)),
    facets: {
      licenseSources: [...new Set(base.map((s) => s.licenseSource))].sort(compareText),
      organizations: orgList(dataset),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Capacity (CONTRACT 3.4 and 4)

/** The pieces [a, b) of `range` on which c(t) is constant, with that value (evaluated at a). */
function levelPieces(spans: readonly Span[], range: Period): Array<{ start: number; end: number; c: number }> {
  const cuts = [range.start, range.end];
  for (const sp of spans) {
    if (sp.start > range.start && sp.start < range.end) cuts.push(sp.start);
    if (sp.end > range.start && sp.end < range.end) cuts.push(sp.end);
  }
  const sorted = [...new Set(cuts)].sort((x, y) => x - y);
  const pieces: Array<{ start: number; end: number; c: number }> = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    pieces.push({ start: sorted[i], end: sorted[i + 1], c: concurrency(spans, sorted[i]) });
  }
  return pieces;
}

/** 1 Monday ... 7 Sunday, local, and the local hour of an instant. */
function localWeekdayHour(ms: number, timeZone: string): { weekday: number; hour: number } {
  const w = wallClock(ms, timeZone);
  return { weekday: isoWeekday(w), hour: w.hour };
}

/**
 * The replay of CONTRACT 3.4: candidates in `started` order (ties by sessionId in code-point
 * order); a candidate is refused when `licenses` admitted sessions are still active at its start
 * (an admitted session whose end is <= that start has freed its license), else admitted.
 */
function replay(
  sessions: readonly SessionRecord[],
  asOf: number,
  range: Period,
  licenses: number,
): { refused: number; peak: number } {
  const candidates = sessions
    .map((s) => ({ s, sp: span(s, asOf) }))
    .filter((x): x is { s: SessionRecord; sp: Span } => x.sp !== null && x.sp.start < range.end && x.sp.end > range.start)
    .sort((x, y) => x.sp.start - y.sp.start || compareCodePoints(x.s.sessionId, y.s.sessionId));
  const admitted: Span[] = [];
  let refused = 0;
  for (const { sp } of candidates) {
    const holding = admitted.filter((a) => a.end > sp.start).length;
    if (holding >= licenses) refused++;
    else admitted.push(sp);
  }
  // The most admitted sessions active at once: c of the admitted spans at each admitted start.
  let peak = 0;
  for (const a of admitted) peak = Math.max(peak, concurrency(admitted, a.start));
  return { refused, peak };
}

export function oracleCapacity(dataset: Dataset, query: CapacityQuery, asOfInput: string | Date): CapacityResponse {
  const asOf = typeof asOfInput === 'string' ? Date.parse(asOfInput) : asOfInput.getTime();
  const tz = query.timeZone;
  const filter = query.organizationIds;
  const from = parseDate(query.from);
  const to = parseDate(query.to);
  const range = clippedRange(from, to, tz, asOf);
  const head = { product: query.product, timeZone: tz, from: query.from, to: query.to, asOf: isoUtc(asOf) };

  // byHour: the range's hour buckets (3.1, no 31-day limit), grouped by local weekday and hour of their start.
  const groups = new Map<string, number[]>();
  const spans = matchingSpans(dataset, query.product, filter, asOf);
  if (range.start < range.end) {
    for (const b of buckets('hour', from, to, tz, asOf)) {
      const { weekday, hour } = localWeekdayHour(b.start, tz);
      const key = `${weekday} ${hour}`;
      groups.set(key, [...(groups.get(key) ?? []), peakOver(spans, b.start, b.end).peak]);
    }
  }
  const byHour: CapacityHour[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    for (let hour = 0; hour < 24; hour++) {
      const peaks = groups.get(`${weekday} ${hour}`) ?? [];
      byHour.push({ weekday, hour, peak: peaks.reduce((m, p) => Math.max(m, p), 0), averagePeak: mean(peaks) });
    }
  }

  if (!(range.start < range.end)) {
    const empty: CapacityResponse = {
      ...head,
      seconds: 0,
      levels: [{ level: 0, seconds: 0 }],
      coverage: { p50: 0, p90: 0, p95: 0, p99: 0, max: 0 },
      byHour,
      available: 0,
      denied: 0,
    };
    if (query.licenses !== undefined) empty.replay = { licenses: query.licenses, refused: 0, secondsOver: 0, peak: 0 };
    return empty;
  }

  const total = range.end - range.start;
  const pieces = levelPieces(spans, range);
  const max = pieces.reduce((m, p) => Math.max(m, p.c), 0);
  const msAt = (k: number): number => pieces.filter((p) => p.c === k).reduce((n, p) => n + (p.end - p.start), 0);
  const msAtMost = (k: number): number => pieces.filter((p) => p.c <= k).reduce((n, p) => n + (p.end - p.start), 0);
  const levels = [];
  for (let k = 0; k <= max; k++) levels.push({ level: k, seconds: msAt(k) / 1000 });
  const percentile = (n: number): number => {
    for (let k = 0; ; k++) if (msAtMost(k) * 100 >= n * total) return k;
  };

  const out: CapacityResponse = {
    ...head,
    seconds: total / 1000,
    levels,
    coverage: { p50: percentile(50), p90: percentile(90), p95: percentile(95), p99: percentile(99), max },
    byHour,
    available: availableAt(dataset, query.product, filter, range.end),
    denied: deniedIn(dataset, query.product, filter, range.start, range.end),
  };
  if (query.licenses !== undefined) {
    const L = query.licenses;
    const matching = dataset.sessions.filter((s) => s.product === query.product && inOrgFilter(dataset, s.organizationId, filter));
    const { refused, peak } = replay(matching, asOf, range, L);
    const over = pieces.filter((p) => p.c > L).reduce((n, p) => n + (p.end - p.start), 0);
    out.replay = { licenses: L, refused, secondsOver: over / 1000, peak };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Random scenarios for the property tests (fast-check). Times sit on a coarse grid (15 minutes,
// sometimes whole minutes) so that ties, back-to-back, zero-length and reversed sessions, sessions
// before the range, active sessions, sessions after asOf, allocations and denials at bucket edges,
// range edges and asOf, and allocations that change nothing all occur.

/** UTC plus zones with DST at 02:00 (New York), 02:00/03:00 (Berlin), none (Kolkata), a 30-minute
 *  DST (Lord Howe), DST at midnight (Santiago, Havana: local midnight skipped or repeated). */
export const ZONES = [
  'UTC',
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'America/Santiago',
  'America/Havana',
] as const;

/** Dates near the 2026 DST changes of those zones, and month and year ends. */
export const ANCHORS = [
  '2026-03-08', // US spring forward, Havana (midnight)
  '2026-03-29', // EU spring forward
  '2026-04-05', // Lord Howe and Santiago fall back
  '2026-09-06', // Santiago spring forward (midnight skipped)
  '2026-10-04', // Lord Howe spring forward (30 minutes)
  '2026-10-25', // EU fall back
  '2026-11-01', // US and Havana fall back
  '2026-12-31', // year end
  '2026-02-28', // month end
] as const;

const USERS = ['Ada Lovelace', 'ada lovelace', 'Ádá', 'Bob 10', 'Bob 9', 'bob 9', 'Zoë', 'zoe', '', 'Ω mega', '李雷', "O'Brien, Pat"];
const EMAILS = ['ada@example.com', 'ADA@example.com', 'bob@example.org', 'z@x.io', '', 'ß@straße.de'];
const MACHINES = ['m-1', 'm-10', 'm-2', 'M-1', 'host"q"', 'mé'];
export const SOURCES = ['Acme Corp', 'acme corp', 'QA Europe', 'Beta 2', 'Beta 10', 'Ünï'];
const TYPES = ['KRE Session', 'KRE Floating', 'kre session', 'TestCloud'];
const ORG_NAMES = ['Acme Corp', 'Acme', 'QA Europe', 'QA', 'QA 10', 'QA 9', 'qa europe', 'Dev', 'Ω'];
const ID_PREFIXES = ['s-', 'S-', 's-0', 'x', 'é', ''];
const OFFSETS = [0, 0, 0, 120, -300, 330]; // how an instant is written in the dataset (minutes)

const MAX_DAYS: Record<Interval, number> = { hour: 3, day: 12, week: 30, month: 75 };
const SLOT = 15 * MINUTE;

export interface Scenario {
  dataset: Dataset;
  product: Product;
  timeZone: string;
  interval: Interval;
  from: string;
  to: string;
  asOf: string;
  organizationIds: string[];
  /** Interesting instants (ms) of the scenario: session starts and ends, range edges, asOf. */
  instants: number[];
  /** A license count to replay against (capacity), or undefined. */
  licenses: number | undefined;
}

/** An instant written with a fixed offset, `Z` for 0. */
export function writeInstant(ms: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return isoUtc(ms);
  const local = new Date(ms + offsetMinutes * MINUTE).toISOString().slice(0, ms % 1000 === 0 ? 19 : 23);
  const abs = Math.abs(offsetMinutes);
  return `${local}${offsetMinutes < 0 ? '-' : '+'}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

const rawSession = fc.record({
  pos: fc.integer({ min: 0, max: 10_000 }),
  jitter: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 14 }) }),
  millis: fc.oneof({ weight: 20, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }) }),
  link: fc.constantFrom('none', 'none', 'none', 'none', 'afterPrev', 'samePrev', 'sameEndPrev', 'nearStart', 'nearEnd'),
  near: fc.integer({ min: -4, max: 4 }),
  dur: fc.oneof(
    { weight: 2, arbitrary: fc.constant<number | null>(null) }, // active
    { weight: 1, arbitrary: fc.constant(0) }, // zero length
    { weight: 1, arbitrary: fc.constantFrom(-SLOT, -DAY) }, // reversed
    { weight: 5, arbitrary: fc.integer({ min: 1, max: 96 }).map((k) => k * SLOT) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 20 }).map((k) => k * 6 * HOUR) },
  ),
  org: fc.option(fc.nat(), { freq: 5 }),
  user: fc.nat(),
  email: fc.nat(),
  machine: fc.nat(),
  source: fc.nat(),
  type: fc.nat(),
  prefix: fc.nat(),
  testcloud: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  startOffset: fc.nat(),
  endOffset: fc.nat(),
});

const rawAllocation = fc.record({
  scope: fc.option(fc.nat(), { freq: 3 }),
  testcloud: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  kind: fc.constantFrom('midnight', 'slot', 'slot', 'hour', 'asOf', 'rangeStart'),
  pos: fc.integer({ min: 0, max: 10_000 }),
  // Often one of a few values, so that an allocation repeating its scope's value (no change) occurs.
  sessions: fc.oneof(fc.constantFrom(0, 5, 5, 10), fc.integer({ min: 0, max: 50 })),
});

const rawDenial = fc.record({
  kind: fc.constantFrom('slot', 'slot', 'slot', 'midnight', 'hour', 'asOf', 'rangeStart', 'rangeEnd', 'sessionStart'),
  pos: fc.integer({ min: 0, max: 10_000 }),
  shift: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constantFrom(-1, 1, -1000, 1000) }),
  org: fc.option(fc.nat(), { freq: 4 }),
  testcloud: fc.integer({ min: 0, max: 7 }).map((n) => n === 0),
  user: fc.nat(),
  email: fc.nat(),
  machine: fc.nat(),
  source: fc.nat(),
  offset: fc.nat(),
});

export const scenarioArb = (intervals: readonly Interval[] = ['hour', 'day', 'week', 'month']): fc.Arbitrary<Scenario> =>
  fc
    .record({
      timeZone: fc.constantFrom(...ZONES),
      anchor: fc.constantFrom(...ANCHORS),
      interval: fc.constantFrom(...intervals),
      back: fc.integer({ min: 0, max: 3 }),
      length: fc.integer({ min: 1, max: 75 }),
      orgs: fc.array(fc.record({ parent: fc.option(fc.nat(), { freq: 3 }), name: fc.nat() }), { maxLength: 6 }),
      sessions: fc.array(rawSession, { maxLength: 30, size: 'max' }),
      allocations: fc.array(rawAllocation, { maxLength: 10, size: 'max' }),
      denials: fc.option(fc.array(rawDenial, { maxLength: 12, size: 'max' }), { freq: 6 }),
      licenses: fc.option(fc.oneof(fc.integer({ min: 0, max: 12 }), fc.constant(0), fc.constant(1)), { freq: 3 }),
      asOf: fc.record({
        kind: fc.constantFrom('after', 'after', 'after', 'inside', 'inside', 'inside', 'inside', 'rangeEnd', 'rangeStart', 'before'),
        pos: fc.integer({ min: 0, max: 10_000 }),
        seconds: fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 59 }) }),
        millis: fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 999 }) }),
      }),
      filter: fc.oneof(fc.constant<number[]>([]), fc.array(fc.nat(), { minLength: 1, maxLength: 3 })),
      testcloud: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    })
    .map((r): Scenario => {
      const interval = r.interval;
      const from = addDays(parseDate(r.anchor), -r.back);
      const to = addDays(from, (r.length - 1) % MAX_DAYS[interval]);
      const rangeStart = localMidnight(from, r.timeZone);
      const rangeEnd = localMidnight(addDays(to, 1), r.timeZone);
      // Sessions and allocations fall in [window start, window end): from a day before the range
      // to a day after it, on 15-minute slots.
      const winStart = rangeStart - DAY;
      const winEnd = rangeEnd + DAY;
      const slotAt = (pos: number, lo = winStart, hi = winEnd): number =>
        lo + Math.floor(((pos / 10_001) * (hi - lo)) / SLOT) * SLOT;

      const organizations: Organization[] = r.orgs.map((o, i) => ({
        id: `org-${i}`,
        name: pick(ORG_NAMES, o.name),
        parentId: o.parent === null || i === 0 ? null : `org-${o.parent % i}`,
      }));
      const orgId = (n: number | null): string | null =>
        n === null || organizations.length === 0 ? null : organizations[n % organizations.length].id;

      let asOf: number;
      switch (r.asOf.kind) {
        case 'after': asOf = rangeEnd + Math.floor((r.asOf.pos / 10_001) * 3 * DAY / SLOT) * SLOT; break;
        case 'inside': asOf = slotAt(r.asOf.pos, rangeStart, rangeEnd); break;
        case 'rangeEnd': asOf = rangeEnd; break;
        case 'rangeStart': asOf = rangeStart; break;
        default: asOf = rangeStart - SLOT - Math.floor((r.asOf.pos / 10_001) * DAY / SLOT) * SLOT;
      }
      asOf += r.asOf.seconds * 1000 + r.asOf.millis;

      const sessions: SessionRecord[] = [];
      let prev: { start: number; end: number | null } | null = null;
      r.sessions.forEach((s, i) => {
        let start = slotAt(s.pos) + s.jitter * MINUTE + s.millis;
        if (s.link === 'nearStart') start = rangeStart + s.near * SLOT; // around the range's edges
        if (s.link === 'nearEnd') start = rangeEnd + s.near * SLOT;
        if (prev && s.link === 'afterPrev' && prev.end !== null) start = prev.end; // back-to-back
        if (prev && s.link === 'samePrev') start = prev.start; // same start
        let end = s.dur === null ? null : start + s.dur;
        if (prev && s.link === 'sameEndPrev' && prev.end !== null && end !== null) end = prev.end;
        sessions.push({
          sessionId: `${pick(ID_PREFIXES, s.prefix)}${i}`,
          product: s.testcloud ? 'testcloud' : 'kre',
          user: { name: pick(USERS, s.user), email: pick(EMAILS, s.email) },
          machineId: pick(MACHINES, s.machine),
          licenseSource: pick(SOURCES, s.source),
          organizationId: orgId(s.org),
          licenseType: pick(TYPES, s.type),
          started: writeInstant(start, pick(OFFSETS, s.startOffset)),
          ended: end === null ? null : writeInstant(end, pick(OFFSETS, s.endOffset)),
        });
        prev = { start, end };
      });

      // Allocations: at most one per (product, scope, instant), so "the latest" is unambiguous.
      const allocations: Allocation[] = [];
      const seen = new Set<string>();
      for (const a of r.allocations) {
        let at: number;
        switch (a.kind) {
          case 'midnight': at = localMidnight(addDays(from, (a.pos % (MAX_DAYS[interval] + 3)) - 1), r.timeZone); break;
          case 'hour': at = rangeStart + (a.pos % 80) * HOUR; break;
          case 'asOf': at = asOf; break;
          case 'rangeStart': at = rangeStart; break;
          default: at = slotAt(a.pos);
        }
        const allocation: Allocation = {
          product: a.testcloud ? 'testcloud' : 'kre',
          organizationId: orgId(a.scope),
          effectiveFrom: writeInstant(at, 0),
          sessions: a.sessions,
        };
        const key = `${allocation.product} ${allocation.organizationId} ${at}`;
        if (seen.has(key)) continue;
        seen.add(key);
        allocations.push(allocation);
      }

      // Denials: on the slot grid, at midnights, hour edges, range edges, asOf and session starts,
      // sometimes a millisecond or a second off. `denials` is sometimes absent.
      let denials: DenialRecord[] | undefined;
      if (r.denials !== null) {
        denials = r.denials.map((d, i) => {
          let at: number;
          switch (d.kind) {
            case 'midnight': at = localMidnight(addDays(from, (d.pos % (MAX_DAYS[interval] + 3)) - 1), r.timeZone); break;
            case 'hour': at = rangeStart + (d.pos % 80) * HOUR; break;
            case 'asOf': at = asOf; break;
            case 'rangeStart': at = rangeStart; break;
            case 'rangeEnd': at = rangeEnd; break;
            case 'sessionStart': at = sessions.length ? Date.parse(sessions[d.pos % sessions.length].started) : rangeStart; break;
            default: at = slotAt(d.pos);
          }
          at += d.shift;
          return {
            requestId: `r-${i}`,
            product: d.testcloud ? 'testcloud' : 'kre',
            at: writeInstant(at, pick(OFFSETS, d.offset)),
            user: { name: pick(USERS, d.user), email: pick(EMAILS, d.email) },
            machineId: pick(MACHINES, d.machine),
            licenseSource: pick(SOURCES, d.source),
            organizationId: orgId(d.org),
          };
        });
      }

      const organizationIds = organizations.length ? [...new Set(r.filter.map((n) => organizations[n % organizations.length].id))] : [];
      const instants = [rangeStart, rangeEnd, asOf];
      for (const s of sessions) {
        instants.push(Date.parse(s.started));
        if (s.ended !== null) instants.push(Date.parse(s.ended));
      }
      return {
        dataset: denials === undefined ? { organizations, allocations, sessions } : { organizations, allocations, sessions, denials },
        product: r.testcloud ? 'testcloud' : 'kre',
        timeZone: r.timeZone,
        interval,
        from: dateText(from),
        to: dateText(to),
        asOf: isoUtc(asOf),
        organizationIds,
        instants,
        licenses: r.licenses ?? undefined,
      };
    });
