/**
 * The sessions query of the element's filter state (CONTRACT 3.2): the request parameters of a
 * page and of an export, and the normalised sort.
 */
import { parseInstant } from '../core/tz.js';
import { SORT_FIELDS, type SortField, type SortOrder } from '../core/types.js';
import type { ParamValue } from '../shared/url.js';

export const PAGE_SIZES = [25, 50, 100, 250] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Rows per request of an export (the contract's maximum `limit`). */
export const EXPORT_PAGE = 1000;

export interface SessionsFilters {
  from: string;
  to: string;
  timeZone: string;
  organization: string[];
  q: string;
  licenseSource: string[];
  activeAt: string | null;
  sort: SortField;
  order: SortOrder;
}

export function normalSort(value: string | null | undefined): SortField {
  return SORT_FIELDS.includes(value as SortField) ? (value as SortField) : 'started';
}

export function normalOrder(value: string | null | undefined): SortOrder {
  return value === 'asc' ? 'asc' : 'desc';
}

export function isSortField(value: string | null | undefined): value is SortField {
  return SORT_FIELDS.includes(value as SortField);
}

export function normalPageSize(value: number): number {
  return (PAGE_SIZES as readonly number[]).includes(value) ? value : DEFAULT_PAGE_SIZE;
}

/** An ISO 8601 instant with an offset as core reads it (the one parser of instants), or null. */
export function normalInstant(value: string | null | undefined): string | null {
  return value && !Number.isNaN(parseInstant(value)) ? value : null;
}

/**
 * Query parameters of one page. `activeAt` replaces the date range (CONTRACT 3.2); `asOf` pins the
 * snapshot an export reads (the first page's).
 */
export function sessionsParams(f: SessionsFilters, offset: number, limit: number, asOf?: string): Record<string, ParamValue> {
  return {
    ...(f.activeAt ? { activeAt: f.activeAt } : { from: f.from, to: f.to }),
    timeZone: f.timeZone,
    q: f.q.trim() || undefined,
    licenseSource: f.licenseSource,
    organizationId: f.organization,
    sort: f.sort,
    order: f.order,
    offset,
    limit,
    asOf,
  };
}

/** Text columns start ascending; times and durations start with the latest/longest. */
export function firstOrder(field: SortField): SortOrder {
  return field === 'started' || field === 'ended' || field === 'duration' ? 'desc' : 'asc';
}

/**
 * `license-source` is comma-separated (CONTRACT 2), but a source's name may hold a comma
 * ("Mobile, Web & API"): inside a name it is written `\,` (and a backslash `\\`).
 */
export function splitSources(value: string | null | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) cur += value[++i];
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export function joinSources(values: readonly string[]): string {
  return values.map((v) => v.replace(/[\\,]/g, (c) => `\\${c}`)).join(',');
}
