/**
 * A validated, column-oriented index of a dataset, built once per dataset object and product and
 * cached in a WeakMap: times as Float64Arrays, organizations as indices, and the session orders
 * the sweep and the sessions list walk. Treat a dataset as immutable once it has been queried;
 * to change the data, pass a new dataset object (or call `forgetDataset`).
 */
import { ContractError, describeValue } from './errors.js';
import type { Dataset, DenialRecord, Product, SessionRecord } from './types.js';
import { indexOrganizations, type OrgIndex } from './organizations.js';
import { gather, iota, keep, orderBy } from './order.js';
import { PRODUCTS } from './types.js';
import { oneOf, optionalId, requireString } from './validate.js';
import { parseInstant } from './tz.js';
import { compareCodePoints } from './text-order.js';

export interface AllocationSeries {
  /** Index of the scope's organization, -1 for the account-wide scope. */
  org: number;
  times: Float64Array;
  sessions: Float64Array;
}

export interface ProductIndex {
  orgs: OrgIndex;
  records: SessionRecord[];
  start: Float64Array;
  /** NaN while active. */
  end: Float64Array;
  /** Organization index, -1 for none. */
  org: Int32Array;
  /** Every session, by start, then session id. */
  byStart: Uint32Array;
  /** `start` in the order of `byStart`. */
  sortedStart: Float64Array;
  /** Sessions that are ever active (no `ended <= started`), by start. */
  sweepByStart: Uint32Array;
  /** Sessions of `sweepByStart` that have ended, by end. */
  sweepByEnd: Uint32Array;
  sweepStarts: Float64Array;
  sweepEnds: Float64Array;
  allocations: AllocationSeries[];
  /** Denial times, ascending (ties in record order). */
  denialTimes: Float64Array;
  /** Organization index of each denial of `denialTimes`, -1 for none. */
  denialOrgs: Int32Array;
  /** Per-field sort ranks and search text, built on first use. */
  lazy: Map<string, unknown>;
}

interface DatasetIndex {
  orgs: OrgIndex;
  products: Map<Product, ProductIndex>;
}

const cache = new WeakMap<Dataset, DatasetIndex>();

export function forgetDataset(dataset: Dataset): void {
  cache.delete(dataset);
}

function recordInstant(field: string, text: unknown): number {
  const ms = parseInstant(text);
  if (Number.isNaN(ms)) throw new ContractError(field, `expected an ISO 8601 instant with an offset, got ${describeValue(text)}`);
  return ms;
}

function orgOf(orgs: OrgIndex, field: string, id: unknown): number {
  const value = optionalId(field, id ?? null);
  if (value === null) return -1;
  const i = orgs.byId.get(value);
  if (i === undefined) throw new ContractError(field, `unknown organization ${describeValue(value)}`);
  return i;
}

/** The checks of `validateSession` without building a field name: the fast path for good records. */
function looksValid(s: SessionRecord): boolean {
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.sessionId === 'string' &&
    typeof s.user === 'object' &&
    s.user !== null &&
    typeof s.user.name === 'string' &&
    typeof s.user.email === 'string' &&
    typeof s.machineId === 'string' &&
    typeof s.licenseSource === 'string' &&
    typeof s.licenseType === 'string'
  );
}

function validateSession(s: SessionRecord, at: string): void {
  if (!s || typeof s !== 'object') throw new ContractError(at, 'expected an object');
  requireString(`${at}.sessionId`, s.sessionId);
  if (!s.user || typeof s.user !== 'object') throw new ContractError(`${at}.user`, 'expected { name, email }');
  requireString(`${at}.user.name`, s.user.name);
  requireString(`${at}.user.email`, s.user.email);
  requireString(`${at}.machineId`, s.machineId);
  requireString(`${at}.licenseSource`, s.licenseSource);
  requireString(`${at}.licenseType`, s.licenseType);
}

function buildProduct(dataset: Dataset, orgs: OrgIndex, product: Product): ProductIndex {
  const records: SessionRecord[] = [];
  const positions: number[] = [];
  const all = dataset.sessions;
  for (let i = 0; i < all.length; i++) {
    const p = all[i]?.product;
    if (p !== 'kre' && p !== 'testcloud') oneOf(`sessions[${i}].product`, p, PRODUCTS);
    if (p === product) {
      records.push(all[i]);
      positions.push(i);
    }
  }
  const n = records.length;
  uniqueIds(sessionIds(records), positions, 'sessions', 'sessionId', 'session id');
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const org = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = records[k];
    if (!looksValid(s)) validateSession(s, `sessions[${positions[k]}]`);
    start[k] = parseInstant(s.started);
    end[k] = s.ended === null ? NaN : parseInstant(s.ended);
    const o = typeof s.organizationId === 'string' ? orgs.byId.get(s.organizationId) : undefined;
    if (Number.isNaN(start[k]) || (s.ended !== null && Number.isNaN(end[k])) || (o === undefined && s.organizationId !== null)) {
      const at = `sessions[${positions[k]}]`;
      recordInstant(`${at}.started`, s.started);
      if (s.ended !== null) recordInstant(`${at}.ended`, s.ended);
      orgOf(orgs, `${at}.organizationId`, s.organizationId);
    }
    org[k] = o ?? -1;
  }
  const byStart = orderBy(start, iota(n));
  // Equal starts: by session id (unique), in code point order (runs are short).
  for (let a = 0, b = 1; a < n; a = b, b = a + 1) {
    while (b < n && start[byStart[b]] === start[byStart[a]]) b++;
    if (b - a > 1) {
      const run = byStart.subarray(a, b);
      run.sort((x, y) => compareCodePoints(records[x].sessionId, records[y].sessionId));
    }
  }
  const sweepByStart = keep(byStart, (i) => !(end[i] <= start[i]));
  const sweepByEnd = orderBy(end, keep(sweepByStart, (i) => !Number.isNaN(end[i])));
  return {
    orgs,
    records,
    start,
    end,
    org,
    byStart,
    sortedStart: gather(start, byStart),
    sweepByStart,
    sweepByEnd,
    sweepStarts: gather(start, sweepByStart),
    sweepEnds: gather(end, sweepByEnd),
    allocations: indexAllocations(dataset, orgs, product),
    ...indexDenials(dataset, orgs, product),
    lazy: new Map(),
  };
}

/** Throws when two records of one product share an id: a service holds each session or denial once. */
function uniqueIds(ids: readonly string[], positions: number[], list: string, key: string, what: string): void {
  // Open addressing over an Int32Array with an FNV-1a hash: a million ids take a fraction of a
  // Set's time and garbage (a dataset index is built once, but its first answer waits for it).
  let size = 16;
  while (size < ids.length * 2) size *= 2;
  const mask = size - 1;
  const table = new Int32Array(size).fill(-1);
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    let h = 0x811c9dc5;
    for (let c = 0; c < id.length; c++) h = Math.imul(h ^ id.charCodeAt(c), 0x01000193);
    for (h &= mask; ; h = (h + 1) & mask) {
      const other = table[h];
      if (other === -1) {
        table[h] = k;
        break;
      }
      if (ids[other] === id) {
        throw new ContractError(`${list}[${positions[k]}].${key}`, `duplicate ${what} ${describeValue(id)} (also ${list}[${positions[other]}])`);
      }
    }
  }
}

function sessionIds(records: readonly SessionRecord[]): string[] {
  const ids = new Array<string>(records.length);
  for (let k = 0; k < records.length; k++) ids[k] = records[k].sessionId;
  return ids;
}

function validateDenial(d: DenialRecord, at: string): void {
  if (!d || typeof d !== 'object') throw new ContractError(at, 'expected an object');
  requireString(`${at}.requestId`, d.requestId);
  if (!d.user || typeof d.user !== 'object') throw new ContractError(`${at}.user`, 'expected { name, email }');
  requireString(`${at}.user.name`, d.user.name);
  requireString(`${at}.user.email`, d.user.email);
  requireString(`${at}.machineId`, d.machineId);
  requireString(`${at}.licenseSource`, d.licenseSource);
}

function indexDenials(dataset: Dataset, orgs: OrgIndex, product: Product): { denialTimes: Float64Array; denialOrgs: Int32Array } {
  const list = dataset.denials ?? [];
  if (!Array.isArray(list)) throw new ContractError('denials', `expected a list, got ${describeValue(list)}`);
  const records: DenialRecord[] = [];
  const positions: number[] = [];
  const times: number[] = [];
  const owners: number[] = [];
  list.forEach((d: DenialRecord, i) => {
    const at = `denials[${i}]`;
    if (!d || typeof d !== 'object') throw new ContractError(at, 'expected an object');
    if (oneOf(`${at}.product`, d.product, PRODUCTS) !== product) return;
    validateDenial(d, at);
    records.push(d);
    positions.push(i);
    times.push(recordInstant(`${at}.at`, d.at));
    owners.push(orgOf(orgs, `${at}.organizationId`, d.organizationId));
  });
  uniqueIds(records.map((d) => d.requestId), positions, 'denials', 'requestId', 'request id');
  const order = orderBy(Float64Array.from(times), iota(times.length));
  return {
    denialTimes: Float64Array.from(order, (k) => times[k]),
    denialOrgs: Int32Array.from(order, (k) => owners[k]),
  };
}

function indexAllocations(dataset: Dataset, orgs: OrgIndex, product: Product): AllocationSeries[] {
  if (!Array.isArray(dataset.allocations)) {
    throw new ContractError('allocations', `expected a list, got ${describeValue(dataset.allocations)}`);
  }
  const scopes = new Map<number, Array<[time: number, sessions: number, position: number]>>();
  dataset.allocations.forEach((a, i) => {
    const at = `allocations[${i}]`;
    if (!a || typeof a !== 'object') throw new ContractError(at, 'expected an object');
    if (oneOf(`${at}.product`, a.product, PRODUCTS) !== product) return;
    const scope = orgOf(orgs, `${at}.organizationId`, a.organizationId);
    const time = recordInstant(`${at}.effectiveFrom`, a.effectiveFrom);
    if (typeof a.sessions !== 'number' || !Number.isInteger(a.sessions) || a.sessions < 0) {
      throw new ContractError(`${at}.sessions`, `expected a whole number of sessions, got ${describeValue(a.sessions)}`);
    }
    const list = scopes.get(scope) ?? [];
    list.push([time, a.sessions, i]);
    scopes.set(scope, list);
  });
  return [...scopes].map(([scope, list]) => {
    list.sort((x, y) => x[0] - y[0]);
    // One scope's allocation at one instant is one event (CONTRACT 3.5): a second is a duplicate.
    for (let k = 1; k < list.length; k++) {
      if (list[k][0] === list[k - 1][0]) {
        const [a, b] = [list[k - 1][2], list[k][2]].sort((x, y) => x - y);
        throw new ContractError(
          `allocations[${b}].effectiveFrom`,
          `duplicate allocation of the ${scope < 0 ? 'account-wide scope' : `scope ${describeValue(orgs.list[scope].id)}`} at ${describeValue(dataset.allocations[b].effectiveFrom)} (also allocations[${a}])`,
        );
      }
    }
    return {
      org: scope,
      times: Float64Array.from(list, (x) => x[0]),
      sessions: Float64Array.from(list, (x) => x[1]),
    };
  });
}

function datasetIndex(dataset: Dataset): DatasetIndex {
  let index = cache.get(dataset);
  if (!index) {
    if (!dataset || typeof dataset !== 'object') throw new ContractError('dataset', 'expected an object');
    if (!Array.isArray(dataset.sessions)) {
      throw new ContractError('sessions', `expected a list, got ${describeValue(dataset.sessions)}`);
    }
    index = { orgs: indexOrganizations(dataset.organizations), products: new Map() };
    cache.set(dataset, index);
  }
  return index;
}

export function productIndex(dataset: Dataset, product: Product): ProductIndex {
  const index = datasetIndex(dataset);
  let p = index.products.get(product);
  if (!p) {
    p = buildProduct(dataset, index.orgs, product);
    index.products.set(product, p);
  }
  return p;
}
