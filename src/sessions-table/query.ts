/**
 * The sessions query of the element's filter state (CONTRACT 3.2): the request parameters of a
 * page and of an export, and the normalised sort and page size.
 */
import { parseInstant } from '../core/tz.js';
import { SORT_FIELDS, type SortField, type SortOrder } from '../core/types.js';
import type { ParamValue } from '../shared/url.js';

export const PAGE_SIZES = [25, 50, 100, 250] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
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

export const normalSort = (value: unknown): SortField => (SORT_FIELDS.includes(value as SortField) ? (value as SortField) : 'started');

export const normalOrder = (value: unknown): SortOrder => (value === 'asc' ? value : 'desc');

export const normalPageSize = (value: unknown): PageSize => (PAGE_SIZES.includes(value as PageSize) ? (value as PageSize) : 50);

/** An ISO 8601 instant with an offset as core reads it (the one parser of instants), or null. */
export const normalInstant = (value: string | null): string | null => (value && !Number.isNaN(parseInstant(value)) ? value : null);

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

/** The offset of the last page of `total` rows, `limit` rows a page (0 when there are none). */
export const lastOffset = (total: number, limit: number) => Math.max(0, Math.floor((total - 1) / limit) * limit);

/** Text columns start ascending; times and durations start with the latest/longest. */
export const firstOrder = (field: SortField): SortOrder => (SORT_FIELDS.indexOf(field) > 6 ? 'desc' : 'asc');

/**
 * `license-source` is comma-separated (CONTRACT 2), but a source's name may hold a comma
 * ("Mobile, Web & API"): inside a name it is escaped with a backslash (as is a backslash).
 */
export const splitSources = (value: string | null): string[] =>
  (value?.match(/(?:\\.|[^,\\]|\\$)+/gs) ?? []).map((s) => s.replace(/\\(.)/gs, '$1').trim()).filter(Boolean);

export const joinSources = (values: readonly string[]) => values.map((v) => v.replace(/[\\,]/g, '\\$&')).join(',');
