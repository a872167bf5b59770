/**
 * The plain data of the report contract (../shared/spec/CONTRACT.md): the dataset a service holds,
 * the queries of the two endpoints and their response bodies. No DOM, no runtime code.
 */

export type Product = 'kre' | 'testcloud';
export type Interval = 'hour' | 'day' | 'week' | 'month';
export type SortField =
  | 'user'
  | 'email'
  | 'sessionId'
  | 'machineId'
  | 'licenseSource'
  | 'organization'
  | 'licenseType'
  | 'started'
  | 'ended'
  | 'duration';
export type SortOrder = 'asc' | 'desc';

export const PRODUCTS: readonly Product[] = ['kre', 'testcloud'];
export const INTERVALS: readonly Interval[] = ['hour', 'day', 'week', 'month'];
export const SORT_FIELDS: readonly SortField[] = [
  'user',
  'email',
  'sessionId',
  'machineId',
  'licenseSource',
  'organization',
  'licenseType',
  'started',
  'ended',
  'duration',
];
export const SORT_ORDERS: readonly SortOrder[] = ['asc', 'desc'];
/** An `hour` usage query may span at most this many days (CONTRACT 3.1). */
export const MAX_HOUR_RANGE_DAYS = 31;
export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

// ---------------------------------------------------------------------------------------------
// The dataset (CONTRACT 5)

export interface Organization {
  id: string;
  name: string;
  parentId: string | null;
}

export interface Allocation {
  product: Product;
  /** `null` is the account-wide scope. */
  organizationId: string | null;
  /** ISO 8601 instant. */
  effectiveFrom: string;
  sessions: number;
}

export interface SessionUser {
  name: string;
  email: string;
}

export interface SessionRecord {
  sessionId: string;
  product: Product;
  user: SessionUser;
  machineId: string;
  licenseSource: string;
  organizationId: string | null;
  licenseType: string;
  /** ISO 8601 instant. */
  started: string;
  /** ISO 8601 instant, or `null` while the session is active. */
  ended: string | null;
}

export interface Dataset {
  organizations: Organization[];
  allocations: Allocation[];
  sessions: SessionRecord[];
}

// ---------------------------------------------------------------------------------------------
// GET {endpoint}/{product}/usage (CONTRACT 3.1)

export interface UsageQuery {
  product: Product;
  /** Inclusive calendar date `YYYY-MM-DD` in `timeZone`. */
  from: string;
  /** Inclusive calendar date `YYYY-MM-DD` in `timeZone`. */
  to: string;
  interval: Interval;
  timeZone: string;
  organizationIds?: readonly string[];
}

export interface UsageBucket {
  start: string;
  end: string;
  available: number;
  peak: number;
  peakAt: string | null;
  averagePeak: number;
}

export interface UsageSummary {
  available: number;
  peak: number;
  averageDailyPeak: number;
  /** `peak / available`, `null` when `available` is 0. */
  utilization: number | null;
}

export interface UsageResponse {
  product: Product;
  interval: Interval;
  timeZone: string;
  from: string;
  to: string;
  asOf: string;
  buckets: UsageBucket[];
  summary: UsageSummary;
  organizations: Organization[];
}

// ---------------------------------------------------------------------------------------------
// GET {endpoint}/{product}/sessions (CONTRACT 3.2)

export interface SessionsQuery {
  product: Product;
  /** Required unless `activeAt` is given. */
  from?: string;
  /** Required unless `activeAt` is given. */
  to?: string;
  timeZone: string;
  q?: string;
  licenseSources?: readonly string[];
  organizationIds?: readonly string[];
  /** ISO 8601 instant: only the sessions active at it; replaces the date range. */
  activeAt?: string;
  sort?: SortField;
  order?: SortOrder;
  offset?: number;
  limit?: number;
}

export interface SessionOrganization {
  id: string;
  name: string;
  /** Names from the root organization down to this one. */
  path: string[];
}

export interface SessionItem {
  sessionId: string;
  user: SessionUser;
  machineId: string;
  licenseSource: string;
  organization: SessionOrganization | null;
  licenseType: string;
  started: string;
  ended: string | null;
}

export interface SessionsFacets {
  licenseSources: string[];
  organizations: Organization[];
}

export interface SessionsResponse {
  asOf: string;
  total: number;
  offset: number;
  limit: number;
  items: SessionItem[];
  facets: SessionsFacets;
}

// ---------------------------------------------------------------------------------------------
// Errors (CONTRACT 3.3)

/** An RFC 9457 problem body. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** The query or dataset field at fault, when one is. */
  field?: string;
}
