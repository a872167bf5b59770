/**
 * Validation of queries and dataset records. Every failure is a ContractError naming the field.
 */
import { ContractError, describeValue } from './errors.js';
import { rangeDays } from './calendar.js';
import {
  DEFAULT_LIMIT,
  INTERVALS,
  MAX_HOUR_RANGE_DAYS,
  MAX_LIMIT,
  PRODUCTS,
  SORT_FIELDS,
  SORT_ORDERS,
  type CapacityQuery,
  type Interval,
  type Product,
  type SessionsQuery,
  type SortField,
  type SortOrder,
  type UsageQuery,
} from './types.js';
import { assertTimeZone, civilToDays, parseCivilDate, parseInstant, type CivilDate } from './tz.js';

export function oneOf<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw new ContractError(field, `expected one of ${allowed.join(', ')}, got ${describeValue(value)}`);
}

export function civilDate(field: string, value: unknown): CivilDate {
  const date = parseCivilDate(value);
  if (!date) throw new ContractError(field, `expected a calendar date YYYY-MM-DD, got ${describeValue(value)}`);
  return date;
}

export function instant(field: string, value: unknown): number {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.getTime();
  const ms = parseInstant(value);
  if (Number.isNaN(ms)) {
    throw new ContractError(field, `expected an ISO 8601 instant with an offset, such as 2026-10-30T08:00:00Z, got ${describeValue(value)}`);
  }
  return ms;
}

function stringList(field: string, value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new ContractError(field, `expected a list of strings, got ${describeValue(value)}`);
  }
  return value as string[];
}

function integer(field: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ContractError(field, `expected a whole number from ${min} to ${max}, got ${describeValue(value)}`);
  }
  return value;
}

function dateRange(from: unknown, to: unknown): { from: CivilDate; to: CivilDate } {
  const start = civilDate('from', from);
  const end = civilDate('to', to);
  if (civilToDays(end) < civilToDays(start)) {
    throw new ContractError('to', `must not be before from (${String(from)}), got ${describeValue(to)}`);
  }
  return { from: start, to: end };
}

export interface ValidUsageQuery {
  product: Product;
  from: CivilDate;
  to: CivilDate;
  interval: Interval;
  timeZone: string;
  organizationIds: string[];
}

export function validateUsageQuery(query: UsageQuery): ValidUsageQuery {
  if (!query || typeof query !== 'object') throw new ContractError('query', 'expected an object');
  const product = oneOf('product', query.product, PRODUCTS);
  const { from, to } = dateRange(query.from, query.to);
  const interval = oneOf('interval', query.interval, INTERVALS);
  const timeZone = assertTimeZone(query.timeZone);
  if (interval === 'hour' && rangeDays(from, to) > MAX_HOUR_RANGE_DAYS) {
    throw new ContractError(
      'interval',
      `an hour interval may span at most ${MAX_HOUR_RANGE_DAYS} days; ${query.from} to ${query.to} spans ${rangeDays(from, to)}`,
    );
  }
  return { product, from, to, interval, timeZone, organizationIds: stringList('organizationId', query.organizationIds) };
}

export interface ValidSessionsQuery {
  product: Product;
  from: CivilDate | null;
  to: CivilDate | null;
  timeZone: string;
  q: string;
  licenseSources: string[];
  organizationIds: string[];
  activeAt: number | null;
  sort: SortField;
  order: SortOrder;
  offset: number;
  limit: number;
  /** The snapshot instant the query asks for, or null for the service's now. */
  asOf: number | null;
}

export function validateSessionsQuery(query: SessionsQuery): ValidSessionsQuery {
  if (!query || typeof query !== 'object') throw new ContractError('query', 'expected an object');
  const product = oneOf('product', query.product, PRODUCTS);
  const activeAt = query.activeAt === undefined || query.activeAt === null ? null : instant('activeAt', query.activeAt);
  // activeAt replaces the date range (CONTRACT 3.2): from and to are then not read at all.
  const range = activeAt === null ? dateRange(query.from, query.to) : null;
  if (query.q !== undefined && query.q !== null && typeof query.q !== 'string') {
    throw new ContractError('q', `expected text, got ${describeValue(query.q)}`);
  }
  return {
    product,
    from: range?.from ?? null,
    to: range?.to ?? null,
    timeZone: assertTimeZone(query.timeZone),
    q: (query.q ?? '').trim(),
    licenseSources: stringList('licenseSource', query.licenseSources),
    organizationIds: stringList('organizationId', query.organizationIds),
    activeAt,
    sort: query.sort === undefined ? 'started' : oneOf('sort', query.sort, SORT_FIELDS),
    order: query.order === undefined ? 'desc' : oneOf('order', query.order, SORT_ORDERS),
    offset: integer('offset', query.offset, 0, 0, Number.MAX_SAFE_INTEGER),
    limit: integer('limit', query.limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
    asOf: query.asOf === undefined || query.asOf === null ? null : instant('asOf', query.asOf),
  };
}

export interface ValidCapacityQuery {
  product: Product;
  from: CivilDate;
  to: CivilDate;
  timeZone: string;
  organizationIds: string[];
  licenses: number | null;
}

export function validateCapacityQuery(query: CapacityQuery): ValidCapacityQuery {
  if (!query || typeof query !== 'object') throw new ContractError('query', 'expected an object');
  const product = oneOf('product', query.product, PRODUCTS);
  const { from, to } = dateRange(query.from, query.to);
  return {
    product,
    from,
    to,
    timeZone: assertTimeZone(query.timeZone),
    organizationIds: stringList('organizationId', query.organizationIds),
    licenses: query.licenses === undefined || query.licenses === null ? null : integer('licenses', query.licenses, 0, 0, 1_000_000_000),
  };
}

export function requireString(field: string, value: unknown): string {
  if (typeof value !== 'string') throw new ContractError(field, `expected text, got ${describeValue(value)}`);
  return value;
}

export function optionalId(field: string, value: unknown): string | null {
  if (value === null) return null;
  return requireString(field, value);
}
