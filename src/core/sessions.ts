/**
 * `querySessions`: the body of `GET {endpoint}/{product}/sessions` (CONTRACT 3.2 and 4).
 *
 * Order: by `sort` in `order`; rows with equal sort keys by `sessionId` ascending (code point
 * order) whatever `order` says, so pages never overlap or skip. Text compares with `compareText`
 * (./text-order.ts); `ended` sorts active sessions after every ended one.
 *
 * Snapshot: the answer is as of `query.asOf` when given (never after the service's now), else as
 * of the now: sessions that started at or after it are left out, and sessions running at it are
 * active (`ended: null`), whatever their record says about later instants.
 */
import { ContractError } from './errors.js';
import { localToInstant, civilToDays, formatUtc } from './tz.js';
import { instant, validateSessionsQuery, type ValidSessionsQuery } from './validate.js';
import { productIndex, type ProductIndex } from './prepare.js';
import { organizationMask } from './organizations.js';
import { iota, orderTexts } from './order.js';
import { countAtOrBefore, countBefore } from './sweep.js';
import { compareText, textSortKey } from './text-order.js';
import type { Dataset, SessionItem, SessionRecord, SessionsQuery, SessionsResponse, SortField } from './types.js';

export { compareText };

/** The text a sort field compares, per session. */
export function sortText(field: SortField, s: SessionRecord, orgPath: string[] | null): string {
  switch (field) {
    case 'user': return s.user.name;
    case 'email': return s.user.email;
    case 'sessionId': return s.sessionId;
    case 'machineId': return s.machineId;
    case 'licenseSource': return s.licenseSource;
    case 'organization': return orgPath ? orgPath.join(' / ') : '';
    case 'licenseType': return s.licenseType;
    default: return '';
  }
}

function lazy<T>(index: ProductIndex, key: string, build: () => T): T {
  let value = index.lazy.get(key) as T | undefined;
  if (value === undefined) {
    value = build();
    index.lazy.set(key, value);
  }
  return value;
}

/**
 * Sorts distinct texts by `compareText` and returns each one's rank. Texts whose `key NUL text`
 * holds no surrogate or NUL sort natively (their UTF-16 code units are then code points).
 */
function rankTexts(unique: string[]): Map<string, number> {
  // NUL and surrogates (a native sort compares UTF-16 code units, a packed key splits on NUL).
  // eslint-disable-next-line no-control-regex
  const plain = !unique.some((t) => /[\u0000\ud800-\udfff]/.test(textSortKey(t) + t));
  let sorted: string[];
  if (plain) {
    const packed = unique.map((t) => `${textSortKey(t)}\u0000${t}`);
    packed.sort();
    sorted = packed.map((p) => p.slice(p.indexOf('\u0000') + 1));
  } else {
    sorted = unique.slice().sort(compareText);
  }
  const rankOf = new Map<string, number>();
  sorted.forEach((text, k) => rankOf.set(text, k));
  return rankOf;
}

/** Ranks of every session by a text field in `compareText` order, built once per field. */
function textRanks(index: ProductIndex, field: SortField): Uint32Array {
  return lazy(index, `rank:${field}`, () => {
    const n = index.records.length;
    const text = index.records.map((s, i) => sortText(field, s, index.org[i] >= 0 ? index.orgs.paths[index.org[i]] : null));
    const rankOf = rankTexts([...new Set(text)]);
    const ranks = new Uint32Array(n);
    for (let i = 0; i < n; i++) ranks[i] = rankOf.get(text[i]) as number;
    return ranks;
  });
}

/** Sessions in `sessionId` order (code points; ids are unique): the tie-break of every sort. */
function idOrder(index: ProductIndex): Uint32Array {
  return lazy(index, 'order:id', () => orderTexts(index.records.map((s) => s.sessionId)));
}

/** Ranks of every session by `sessionId`: the inverse of `idOrder`. */
function idRanks(index: ProductIndex): Uint32Array {
  return lazy(index, 'rank:id', () => {
    const order = idOrder(index);
    const ranks = new Uint32Array(order.length);
    for (let k = 0; k < order.length; k++) ranks[order[k]] = k;
    return ranks;
  });
}

/** Dense ranks of every session by a time (NaN: after every time). */
function timeRanks(index: ProductIndex, key: string, times: Float64Array): Uint32Array {
  return lazy(index, key, () => {
    const t = (i: number): number => (Number.isNaN(times[i]) ? Infinity : times[i]);
    const order = iota(times.length).sort((a, b) => t(a) - t(b));
    const ranks = new Uint32Array(times.length);
    let rank = 0;
    for (let k = 0; k < order.length; k++) {
      if (k > 0 && t(order[k - 1]) !== t(order[k])) rank++;
      ranks[order[k]] = rank;
    }
    return ranks;
  });
}

function searchText(index: ProductIndex): string[] {
  return lazy(index, 'search', () =>
    index.records.map((s) => `${s.user.name}\u0000${s.user.email}\u0000${s.sessionId}\u0000${s.machineId}`.toLowerCase()),
  );
}

/** Whether session `i` is still running at `cut` (no end, or an end after it). */
function runningAt(index: ProductIndex, i: number, cut: number): boolean {
  const e = index.end[i];
  return Number.isNaN(e) || e > cut;
}

/** Sessions of the date range (by `started`) or active at `activeAt`, started before `cut`, in `byStart` order. */
function baseSet(index: ProductIndex, q: ValidSessionsQuery, cut: number): Uint32Array {
  const { byStart, sortedStart, start, end } = index;
  if (q.activeAt !== null) {
    const t = q.activeAt;
    // A span ends at `cut` at the latest, so none contains an instant at or after it.
    if (t >= cut) return new Uint32Array(0);
    const stop = countAtOrBefore(sortedStart, t);
    const out = new Uint32Array(stop);
    let k = 0;
    for (let x = 0; x < stop; x++) {
      const i = byStart[x];
      const e = runningAt(index, i, cut) ? cut : end[i];
      if (e > t && e > start[i]) out[k++] = i;
    }
    return out.subarray(0, k);
  }
  const from = localToInstant(q.timeZone, civilToDays(q.from!));
  const to = Math.min(localToInstant(q.timeZone, civilToDays(q.to!) + 1), cut);
  const lo = countBefore(sortedStart, from);
  return byStart.subarray(lo, Math.max(lo, countBefore(sortedStart, to)));
}

function applyFilters(index: ProductIndex, base: Uint32Array, q: ValidSessionsQuery): Uint32Array {
  const mask = organizationMask(index.orgs, q.organizationIds);
  const sources = q.licenseSources.length ? new Set(q.licenseSources) : null;
  const needle = q.q.toLowerCase();
  if (!mask && !sources && !needle) return base;
  const haystack = needle ? searchText(index) : null;
  const out = new Uint32Array(base.length);
  let k = 0;
  for (let x = 0; x < base.length; x++) {
    const i = base[x];
    if (mask) {
      const o = index.org[i];
      if (o < 0 || mask[o] !== 1) continue;
    }
    if (sources && !sources.has(index.records[i].licenseSource)) continue;
    if (haystack && !haystack[i].includes(needle)) continue;
    out[k++] = i;
  }
  return out.subarray(0, k);
}

/** The primary sort rank of each matched row (equal ranks: equal sort keys). */
function primaryRanks(index: ProductIndex, matched: Uint32Array, q: ValidSessionsQuery, cut: number): Float64Array {
  const m = matched.length;
  const out = new Float64Array(m);
  if (q.sort === 'duration') {
    // Durations depend on `cut`: rank them among the rows.
    const duration = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const i = matched[k];
      duration[k] = (runningAt(index, i, cut) ? cut : index.end[i]) - index.start[i];
    }
    const byDuration = iota(m).sort((a, b) => duration[a] - duration[b]);
    let rank = 0;
    for (let k = 0; k < m; k++) {
      if (k > 0 && duration[byDuration[k - 1]] !== duration[byDuration[k]]) rank++;
      out[byDuration[k]] = rank;
    }
    return out;
  }
  if (q.sort === 'ended') {
    const ranks = timeRanks(index, 'rank:ended', index.end);
    // Running at `cut`: after every ended session (ranks stay below the session count).
    for (let k = 0; k < m; k++) out[k] = runningAt(index, matched[k], cut) ? ranks.length : ranks[matched[k]];
    return out;
  }
  const ranks = q.sort === 'started' ? timeRanks(index, 'rank:started', index.start) : textRanks(index, q.sort);
  for (let k = 0; k < m; k++) out[k] = ranks[matched[k]];
  return out;
}

/**
 * Start order reversed, each run of equal starts kept in session id order (the tie-break does not
 * turn with `order`): the default view, in one pass and without ranking every session id.
 */
function newestFirst(index: ProductIndex, matched: Uint32Array): Uint32Array {
  const m = matched.length;
  const out = new Uint32Array(m);
  const { start } = index;
  let k = 0;
  for (let b = m; b > 0; ) {
    let a = b - 1;
    while (a > 0 && start[matched[a - 1]] === start[matched[b - 1]]) a--;
    for (let x = a; x < b; x++) out[k++] = matched[x];
    b = a;
  }
  return out;
}

/** `matched` (in start order) sorted by `q.sort` in `q.order`, ties by session id ascending. */
function sortMatches(index: ProductIndex, matched: Uint32Array, q: ValidSessionsQuery, cut: number): Uint32Array {
  // In start order, equal starts are already in session id order.
  if (q.sort === 'started') return q.order === 'asc' ? matched : newestFirst(index, matched);
  const m = matched.length;
  const primary = primaryRanks(index, matched, q, cut);
  const ids = idRanks(index);
  const n = Math.max(index.records.length, 1);
  let top = 0;
  for (let k = 0; k < m; k++) if (primary[k] > top) top = primary[k];
  const sign = q.order === 'asc' ? 1 : -1;
  if ((top + 1) * n < Number.MAX_SAFE_INTEGER) {
    // One exact numeric key per row: the primary rank (reversed for desc), then the id rank.
    const bySessionId = idOrder(index);
    const keys = new Float64Array(m);
    for (let k = 0; k < m; k++) keys[k] = (sign > 0 ? primary[k] : top - primary[k]) * n + ids[matched[k]];
    keys.sort();
    const out = new Uint32Array(m);
    for (let k = 0; k < m; k++) out[k] = bySessionId[keys[k] % n];
    return out;
  }
  const rows = iota(m).sort((a, b) => sign * (primary[a] - primary[b]) || ids[matched[a]] - ids[matched[b]]);
  return rows.map((k) => matched[k]);
}

function toItem(index: ProductIndex, i: number, cut: number): SessionItem {
  const s = index.records[i];
  const o = index.org[i];
  return {
    sessionId: s.sessionId,
    user: { name: s.user.name, email: s.user.email },
    machineId: s.machineId,
    licenseSource: s.licenseSource,
    organization: o < 0 ? null : { id: index.orgs.list[o].id, name: index.orgs.list[o].name, path: [...index.orgs.paths[o]] },
    licenseType: s.licenseType,
    // Normalised: a dataset may say 2026-10-30T09:00+01:00; the response always says ...Z.
    started: formatUtc(index.start[i]),
    ended: runningAt(index, i, cut) ? null : formatUtc(index.end[i]),
  };
}

function licenseSourceFacet(index: ProductIndex, base: Uint32Array): string[] {
  const seen = new Set<string>();
  for (let x = 0; x < base.length; x++) seen.add(index.records[base[x]].licenseSource);
  return [...seen].sort(compareText);
}

export function querySessions(dataset: Dataset, query: SessionsQuery, asOf: string | Date): SessionsResponse {
  const q = validateSessionsQuery(query);
  const now = instant('asOf', asOf);
  if (q.asOf !== null && q.asOf > now) {
    throw new ContractError('asOf', `must not be after the service's now (${formatUtc(now)}), got ${JSON.stringify(query.asOf)}`);
  }
  const cut = q.asOf ?? now;
  const index = productIndex(dataset, q.product);
  const base = baseSet(index, q, cut);
  const matched = applyFilters(index, base, q);
  const total = matched.length;
  const items: SessionItem[] = [];
  if (q.offset < total) {
    const sorted = sortMatches(index, matched, q, cut);
    const stop = Math.min(q.offset + q.limit, total);
    for (let k = q.offset; k < stop; k++) items.push(toItem(index, sorted[k], cut));
  }
  return {
    asOf: formatUtc(cut),
    total,
    offset: q.offset,
    limit: q.limit,
    items,
    facets: {
      licenseSources: licenseSourceFacet(index, base),
      organizations: index.orgs.list.map(({ id, name, parentId }) => ({ id, name, parentId: parentId ?? null })),
    },
  };
}
