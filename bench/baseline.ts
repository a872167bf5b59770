/**
 * Straightforward baselines for the core benchmark: the code one would write first. Sessions
 * stay objects and are parsed per query, events are objects sorted with Array.prototype.sort, and
 * the CSV is one string built by concatenation, with a (cached) Intl formatter's formatToParts per timestamp. They compute
 * the same results as core (the bench checks), so the ratio compares like with like. Contract 1.1:
 * `denied` per bucket, and `available` under an organization filter draws on the matched
 * organizations, their ancestors and the account-wide scope.
 */
import { bucketGrid, dayGrid, subGrid } from '../src/core/calendar.js';
import { compareText, civilToDays, formatInstant, parseCivilDate, localToInstant, type Dataset, type SessionItem, type SessionsQuery, type UsageQuery } from '../src/core/index.js';

function inFilter(ds: Dataset, orgId: string | null, filter: readonly string[] | undefined): boolean {
  if (!filter?.length) return true;
  for (let id = orgId; id; id = ds.organizations.find((o) => o.id === id)?.parentId ?? null) if (filter.includes(id)) return true;
  return false;
}

/** Whether an allocation scope counts under the filter: matched, an ancestor of a filter id, or account-wide. */
function inScope(ds: Dataset, scope: string | null, filter: readonly string[] | undefined): boolean {
  if (!filter?.length || scope === null || inFilter(ds, scope, filter)) return true;
  for (const id of filter) {
    for (let a = ds.organizations.find((o) => o.id === id)?.parentId ?? null; a; a = ds.organizations.find((o) => o.id === a)?.parentId ?? null) {
      if (a === scope) return true;
    }
  }
  return false;
}

export function baselineUsage(ds: Dataset, q: UsageQuery, asOf: string) {
  const now = Date.parse(asOf);
  const range = { fromDays: civilToDays(parseCivilDate(q.from)!), toDays: civilToDays(parseCivilDate(q.to)!), timeZone: q.timeZone };
  const grid = bucketGrid(q.interval, range, now);
  const sub = subGrid(q.interval, grid, dayGrid(range, now));
  const orgOk = new Map<string | null, boolean>();
  const events: { t: number; d: number }[] = [];
  for (const s of ds.sessions) {
    if (s.product !== q.product) continue;
    if (!orgOk.has(s.organizationId)) orgOk.set(s.organizationId, inFilter(ds, s.organizationId, q.organizationIds) && (!q.organizationIds?.length || s.organizationId !== null));
    if (!orgOk.get(s.organizationId)) continue;
    const start = Date.parse(s.started);
    const end = s.ended === null ? Infinity : Date.parse(s.ended);
    if (end <= start) continue;
    events.push({ t: start, d: 1 });
    if (end !== Infinity) events.push({ t: end, d: -1 });
  }
  events.sort((a, b) => a.t - b.t || a.d - b.d);
  const denials: number[] = [];
  for (const d of ds.denials ?? []) {
    if (d.product !== q.product) continue;
    if (q.organizationIds?.length && (d.organizationId === null || !inFilter(ds, d.organizationId, q.organizationIds))) continue;
    denials.push(Date.parse(d.at));
  }
  const peaks: number[] = [];
  const at: number[] = [];
  let e = 0;
  let c = 0;
  for (let p = 0; p + 1 < sub.grid.length; p++) {
    const a = sub.grid[p];
    const b = sub.grid[p + 1];
    while (e < events.length && events[e].t <= a) c += events[e++].d;
    let max = c;
    let maxAt = a;
    while (e < events.length && events[e].t < b) {
      const t = events[e].t;
      while (e < events.length && events[e].t === t) c += events[e++].d;
      if (c > max) {
        max = c;
        maxAt = t;
      }
    }
    peaks.push(max);
    at.push(maxAt);
  }
  return {
    buckets: grid.slice(0, -1).map((start, i) => {
      const subs = peaks.slice(sub.firstSub[i], sub.firstSub[i + 1]);
      const peak = Math.max(0, ...subs);
      const k = subs.indexOf(peak);
      const end = grid[i + 1];
      let available = 0;
      const latest = new Map<string | null, { t: number; n: number }>();
      for (const a of ds.allocations) {
        if (a.product !== q.product || !inScope(ds, a.organizationId, q.organizationIds)) continue;
        const t = Date.parse(a.effectiveFrom);
        if (t < end && (latest.get(a.organizationId)?.t ?? -Infinity) <= t) latest.set(a.organizationId, { t, n: a.sessions });
      }
      for (const v of latest.values()) available += v.n;
      return {
        start: formatInstant(start, q.timeZone),
        end: formatInstant(end, q.timeZone),
        available,
        peak,
        peakAt: peak === 0 ? null : formatInstant(at[sub.firstSub[i] + k], q.timeZone),
        averagePeak: subs.reduce((x, y) => x + y, 0) / subs.length,
        denied: denials.filter((t) => t >= start && t < end).length,
      };
    }),
  };
}

/** Sorted by user name (`sort: 'user'`), ties by session id ascending (contract 1.1); as of `asOf`. */
export function baselineSessions(ds: Dataset, q: SessionsQuery, asOf: string): string[] {
  const from = localToInstant(q.timeZone, civilToDays(parseCivilDate(q.from)!));
  const to = Math.min(localToInstant(q.timeZone, civilToDays(parseCivilDate(q.to)!) + 1), Date.parse(asOf));
  const needle = (q.q ?? '').toLowerCase();
  const matches = ds.sessions.filter((s) => {
    if (s.product !== q.product) return false;
    const t = Date.parse(s.started);
    if (t < from || t >= to) return false;
    return [s.user.name, s.user.email, s.sessionId, s.machineId].some((f) => f.toLowerCase().includes(needle));
  });
  const sign = q.order === 'desc' ? -1 : 1;
  matches.sort(
    (a, b) => sign * compareText(a.user.name, b.user.name) || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0),
  );
  return matches.slice(q.offset ?? 0, (q.offset ?? 0) + (q.limit ?? 50)).map((s) => s.sessionId);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function isoWithOffset(ms: number, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    });
    formatters.set(timeZone, format);
  }
  const parts = format.formatToParts(ms);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  const offset = get('timeZoneName').replace('GMT', '') || '+00:00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}${offset}`;
}

function field(v: string): string {
  let t = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  if (/[",\r\n]/.test(t)) t = `"${t.replace(/"/g, '""')}"`;
  return t;
}

export function baselineCsv(items: SessionItem[], timeZone: string, asOf: string): string {
  const now = Date.parse(asOf);
  let out = '\uFEFFUser,Email,Session ID,Machine ID,License Source,Organization,License Type,Started,Ended,Duration\r\n';
  for (const i of items) {
    const start = Date.parse(i.started);
    const end = i.ended === null ? now : Date.parse(i.ended);
    const secs = Math.floor((end - start) / 1000);
    const duration = `${Math.floor(secs / 3600)}:${String(Math.floor((secs % 3600) / 60)).padStart(2, '0')}:${String(secs % 60).padStart(2, '0')}`;
    out +=
      [
        i.user.name,
        i.user.email,
        i.sessionId,
        i.machineId,
        i.licenseSource,
        i.organization ? i.organization.path.join(' / ') : '',
        i.licenseType,
        isoWithOffset(start, timeZone),
        i.ended === null ? '' : isoWithOffset(end, timeZone),
        duration,
      ]
        .map(field)
        .join(',') + '\r\n';
  }
  return out;
}
