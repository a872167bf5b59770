/**
 * `querySessions`: the body of `GET {endpoint}/{product}/sessions` (CONTRACT 3.2 and 4).
 *
 * Order: `sort` ascending breaks ties by `started`, then `sessionId`; `desc` is the exact reverse
 * of `asc`. Text compares with a base-sensitivity, numeric-aware English collation (`compareText`);
 * `ended` sorts active sessions after every ended one.
 */
import { localToInstant, civilToDays, formatUtc } from './tz.js';
import { instant, validateSessionsQuery, type ValidSessionsQuery } from './validate.js';
import { iota, organizationMask, productIndex, type ProductIndex } from './prepare.js';
import { countAtOrBefore, countBefore } from './sweep.js';
import type { Dataset, SessionItem, SessionRecord, SessionsQuery, SessionsResponse, SortField } from './types.js';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
/** The text order of the sessions list. */
export const compareText: (a: string, b: string) => number = collator.compare;

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

/** Dense ranks of every session by a text field, built once per field. */
function textRanks(index: ProductIndex, field: SortField): Uint32Array {
  return lazy(index, `rank:${field}`, () => {
    const n = index.records.length;
    const text = index.records.map((s, i) => sortText(field, s, index.org[i] >= 0 ? index.orgs.paths[index.org[i]] : null));
    const unique = [...new Set(text)].sort(compareText);
    const rankOf = new Map<string, number>();
    let rank = 0;
    unique.forEach((value, k) => {
      if (k > 0 && compareText(unique[k - 1], value) !== 0) rank++;
      rankOf.set(value, rank);
    });
    const ranks = new Uint32Array(n);
    for (let i = 0; i < n; i++) ranks[i] = rankOf.get(text[i]) as number;
    return ranks;
  });
}

/** Ranks by `ended`, active sessions last. */
function endedRanks(index: ProductIndex): Uint32Array {
  return lazy(index, 'rank:ended', () => {
    const { end } = index;
    const order = iota(end.length);
    order.sort((a, b) => (Number.isNaN(end[a]) ? Infinity : end[a]) - (Number.isNaN(end[b]) ? Infinity : end[b]) || 0);
    const ranks = new Uint32Array(end.length);
    let rank = 0;
    for (let k = 0; k < order.length; k++) {
      const prev = order[k - 1];
      const cur = order[k];
      if (k > 0 && !(end[prev] === end[cur] || (Number.isNaN(end[prev]) && Number.isNaN(end[cur])))) rank++;
      ranks[cur] = rank;
    }
    return ranks;
  });
}

function searchText(index: ProductIndex): string[] {
  return lazy(index, 'search', () =>
    index.records.map((s) => `${s.user.name}\u0000${s.user.email}\u0000${s.sessionId}\u0000${s.machineId}`.toLowerCase()),
  );
}

/** Sessions of the date range (by `started`) or active at `activeAt`, in `byStart` order. */
function baseSet(index: ProductIndex, q: ValidSessionsQuery, now: number): Uint32Array {
  const { byStart, sortedStart, end } = index;
  if (q.activeAt !== null) {
    const t = q.activeAt;
    const stop = countAtOrBefore(sortedStart, t);
    const out = new Uint32Array(stop);
    let k = 0;
    for (let x = 0; x < stop; x++) {
      const i = byStart[x];
      const e = Number.isNaN(end[i]) ? now : end[i];
      if (e > t && e > index.start[i]) out[k++] = i;
    }
    return out.subarray(0, k);
  }
  const from = localToInstant(q.timeZone, civilToDays(q.from!));
  const to = localToInstant(q.timeZone, civilToDays(q.to!) + 1);
  return byStart.subarray(countBefore(sortedStart, from), countBefore(sortedStart, to));
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

/** `matched` (in start order) sorted by `q.sort`/`q.order`. */
function sortMatches(index: ProductIndex, matched: Uint32Array, q: ValidSessionsQuery, now: number): Uint32Array {
  const m = matched.length;
  let asc: Uint32Array;
  if (q.sort === 'started') {
    asc = matched;
  } else if (q.sort === 'duration') {
    const duration = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const i = matched[k];
      duration[k] = (Number.isNaN(index.end[i]) ? now : index.end[i]) - index.start[i];
    }
    const positions = iota(m);
    positions.sort((a, b) => duration[a] - duration[b] || a - b);
    asc = positions.map((k) => matched[k]);
  } else {
    const ranks = q.sort === 'ended' ? endedRanks(index) : textRanks(index, q.sort);
    // One numeric key per row: rank, then position in start order. Exact below 2^53.
    const keys = new Float64Array(m);
    for (let k = 0; k < m; k++) keys[k] = ranks[matched[k]] * m + k;
    keys.sort();
    asc = new Uint32Array(m);
    for (let k = 0; k < m; k++) asc[k] = matched[keys[k] % m];
  }
  return asc;
}

function toItem(index: ProductIndex, i: number): SessionItem {
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
    ended: s.ended === null ? null : formatUtc(index.end[i]),
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
  const index = productIndex(dataset, q.product);
  const base = baseSet(index, q, now);
  const matched = applyFilters(index, base, q);
  const total = matched.length;
  const items: SessionItem[] = [];
  if (q.offset < total) {
    const asc = sortMatches(index, matched, q, now);
    const stop = Math.min(q.offset + q.limit, total);
    for (let k = q.offset; k < stop; k++) items.push(toItem(index, asc[q.order === 'asc' ? k : total - 1 - k]));
  }
  return {
    asOf: formatUtc(now),
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
