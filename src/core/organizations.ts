/**
 * The organization tree of a dataset, indexed: ids to indices, parents, children and each
 * organization's path of names; and the masks an organization filter makes of it (CONTRACT 4,
 * "Organization filter").
 */
import { ContractError, describeValue } from './errors.js';
import type { Organization } from './types.js';
import { optionalId, requireString } from './validate.js';

export interface OrgIndex {
  list: Organization[];
  byId: Map<string, number>;
  parent: Int32Array;
  children: number[][];
  /** Names from the root down, per organization. */
  paths: string[][];
}

export function indexOrganizations(list: unknown): OrgIndex {
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

/**
 * The allocation scopes an organization filter draws on (CONTRACT 4): the matched organizations
 * (each id and its descendants) and their ancestors. The account-wide scope (-1) always counts.
 * Null when there is no filter (every scope).
 */
export function scopeMask(orgs: OrgIndex, ids: readonly string[]): Uint8Array | null {
  const mask = organizationMask(orgs, ids);
  if (!mask) return null;
  for (const id of ids) {
    for (let a = orgs.parent[orgs.byId.get(id) as number]; a >= 0 && !mask[a]; a = orgs.parent[a]) mask[a] = 1;
  }
  return mask;
}

/** Whether allocation scope `org` (-1: account-wide) is in a mask from `scopeMask`. */
export function scopeMatches(mask: Uint8Array | null, org: number): boolean {
  return mask === null || org < 0 || mask[org] === 1;
}

/** Whether organization index `org` (-1: none) passes a mask from `organizationMask`. */
export function orgMatches(mask: Uint8Array | null, org: number): boolean {
  return mask === null || (org >= 0 && mask[org] === 1);
}
