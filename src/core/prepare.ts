/**
 * A validated, column-oriented index of a dataset, built once per dataset object and product and
 * cached in a WeakMap: times as Float64Arrays, organizations as indices, and the session orders
 * the sweep and the sessions list walk. Treat a dataset as immutable once it has been queried;
 * to change the data, pass a new dataset object (or call `forgetDataset`).
 */
import { ContractError, describeValue } from './errors.js';
import type { Dataset, Organization, Product, SessionRecord } from './types.js';
import { PRODUCTS } from './types.js';
import { oneOf, optionalId, requireString } from './validate.js';

export interface OrgIndex {
  list: Organization[];
  byId: Map<string, number>;
  parent: Int32Array;
  children: number[][];
  /** Names from the root down, per organization. */
  paths: string[][];
}

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

function indexOrganizations(list: unknown): OrgIndex {
  if (!Array.isArray(list)) throw new ContractError('organizations', `expected a list, got ${describeValue(list)}`);
  const byId = new Map<string, number>();
  list.forEach((org: Organization, i) => {
    if (!org || typeof org !== 'object') throw new ContractError(`organizations[${i}]`, 'expected an object');
    const id = requireString(`organizations[${i}].id`, org.id);
    requireString(`organizations[${i}].name`, org.name);
    if (byId.has(id)) throw new ContractError(`organizations[${i}].id`, `duplicate id ${describeValue(id)}`);
    byId.set(id, i);
  });
  const parent = new Int32Array(list.length).fill(-1);
  const children: number[][] = list.map(() => []);
  list.forEach((org: Organization, i) => {
    const parentId = optionalId(`organizations[${i}].parentId`, org.parentId ?? null);
    if (parentId === null) return;
    const p = byId.get(parentId);
    if (p === undefined) throw new ContractError(`organizations[${i}].parentId`, `unknown organization ${describeValue(parentId)}`);
    parent[i] = p;
    children[p].push(i);
  });
  const paths: string[][] = new Array(list.length);
  const pathOf = (i: number, depth: number): string[] => {
    if (paths[i]) return paths[i];
    if (depth > list.length) throw new ContractError(`organizations[${i}].parentId`, 'the organization tree has a cycle');
    const own = (list[i] as Organization).name;
    paths[i] = parent[i] < 0 ? [own] : [...pathOf(parent[i], depth + 1), own];
    return paths[i];
  };
  for (let i = 0; i < list.length; i++) pathOf(i, 0);
  return { list: list as Organization[], byId, parent, children, paths };
}

const FAST_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const ANY_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

function recordInstant(field: string, text: unknown): number {
  const ms = typeof text === 'string' && (FAST_UTC.test(text) || ANY_INSTANT.test(text)) ? Date.parse(text) : NaN;
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
  dataset.sessions.forEach((s, i) => {
    const p = oneOf(`sessions[${i}].product`, s?.product, PRODUCTS);
    if (p === product) {
      records.push(s);
      positions.push(i);
    }
  });
  const n = records.length;
  const start = new Float64Array(n);
  const end = new Float64Array(n);
  const org = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const s = records[k];
    const at = `sessions[${positions[k]}]`;
    validateSession(s, at);
    start[k] = recordInstant(`${at}.started`, s.started);
    end[k] = s.ended === null ? NaN : recordInstant(`${at}.ended`, s.ended);
    org[k] = orgOf(orgs, `${at}.organizationId`, s.organizationId);
  }
  const byStart = new Uint32Array(n).map((_, i) => i);
  byStart.sort((a, b) => start[a] - start[b] || compareCodeUnits(records[a].sessionId, records[b].sessionId) || a - b);
  const sweepByStart = byStart.filter((i) => !(end[i] <= start[i]));
  const sweepByEnd = sweepByStart.filter((i) => !Number.isNaN(end[i]));
  sweepByEnd.sort((a, b) => end[a] - end[b] || a - b);
  return {
    orgs,
    records,
    start,
    end,
    org,
    byStart,
    sortedStart: Float64Array.from(byStart, (i) => start[i]),
    sweepByStart,
    sweepByEnd,
    sweepStarts: Float64Array.from(sweepByStart, (i) => start[i]),
    sweepEnds: Float64Array.from(sweepByEnd, (i) => end[i]),
    allocations: indexAllocations(dataset, orgs, product),
    lazy: new Map(),
  };
}

function indexAllocations(dataset: Dataset, orgs: OrgIndex, product: Product): AllocationSeries[] {
  if (!Array.isArray(dataset.allocations)) {
    throw new ContractError('allocations', `expected a list, got ${describeValue(dataset.allocations)}`);
  }
  const scopes = new Map<number, Array<[number, number]>>();
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
    list.push([time, a.sessions]);
    scopes.set(scope, list);
  });
  return [...scopes].map(([scope, list]) => {
    // Stable by time: of two allocations at one instant, the later record wins.
    list.sort((x, y) => x[0] - y[0]);
    return {
      org: scope,
      times: Float64Array.from(list, (x) => x[0]),
      sessions: Float64Array.from(list, (x) => x[1]),
    };
  });
}

export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * The organizations an organization filter matches: each id and all its descendants. Null when
 * there is no filter (everything matches, sessions and scopes without an organization included).
 */
export function organizationMask(orgs: OrgIndex, ids: readonly string[]): Uint8Array | null {
  if (!ids.length) return null;
  const mask = new Uint8Array(orgs.list.length);
  const stack: number[] = [];
  for (const id of ids) {
    const i = orgs.byId.get(id);
    if (i === undefined) throw new ContractError('organizationId', `unknown organization ${describeValue(id)}`);
    stack.push(i);
  }
  while (stack.length) {
    const i = stack.pop() as number;
    if (mask[i]) continue;
    mask[i] = 1;
    stack.push(...orgs.children[i]);
  }
  return mask;
}

/** Whether organization index `org` (-1: none) passes a mask from `organizationMask`. */
export function orgMatches(mask: Uint8Array | null, org: number): boolean {
  return mask === null || (org >= 0 && mask[org] === 1);
}
