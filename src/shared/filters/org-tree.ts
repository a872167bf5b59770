/**
 * The organization hierarchy as the filters show it: depth-first rows with depths and ancestors.
 */
import type { Organization } from '../../core/types.js';
import type { OptionRow } from './multi-select.js';

/** Depth-first rows, children in the order given; an org whose parent is unknown is a root. */
export function orgOptions(orgs: readonly Organization[]): OptionRow[] {
  const ids = new Set(orgs.map((o) => o.id));
  const children = new Map<string | null, Organization[]>();
  for (const org of orgs) {
    const parent = org.parentId !== null && ids.has(org.parentId) && org.parentId !== org.id ? org.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(org);
    children.set(parent, list);
  }
  const rows: OptionRow[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, ancestors: string[]) => {
    for (const org of children.get(parent) ?? []) {
      if (seen.has(org.id)) continue;
      seen.add(org.id);
      rows.push({ id: org.id, label: org.name, depth: ancestors.length, ancestors });
      walk(org.id, [...ancestors, org.id]);
    }
  };
  walk(null, []);
  // Orgs reachable only through a cycle in bad data: list them once, at the top level.
  for (const org of orgs) if (!seen.has(org.id)) rows.push({ id: org.id, label: org.name, depth: 0, ancestors: [] });
  return rows;
}

/** Flat rows for a plain list of values (license sources). */
export function flatOptions(values: readonly string[]): OptionRow[] {
  return values.map((v) => ({ id: v, label: v, depth: 0, ancestors: [] }));
}

/** The names of the organizations `ids` (an id itself when `orgs` does not list it), joined with commas. */
export function orgNames(ids: readonly string[], orgs: readonly Organization[]): string {
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return ids.map((id) => names.get(id) ?? id).join(', ');
}
