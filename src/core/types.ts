/**
 * The plain data of the report contract 1.1 (../shared/spec/CONTRACT.md): the dataset a service
 * holds, the queries of the report endpoints and their response bodies. No DOM, no runtime code
 * beyond the lists of allowed values.
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

/** A request refused because no license was free (CONTRACT 5, 1.1). */
export interface DenialRecord {
  requestId: string;
  product: Product;
  /** ISO 8601 instant. */
  at: string;
  user: SessionUser;
  machineId: string;
  licenseSource: string;
  organizationId: string | null;
}

export interface Dataset {
  organizations: Organization[];
  allocations: Allocation[];
  sessions: SessionRecord[];
  /** Absent: no denial recorded. */
  denials?: DenialRecord[];
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
  /** Matching denials whose `at` lies in the clipped bucket (1.1). */
  denied: number;
}

export interface UsageSummary {
  available: number;
  peak: number;
  averageDailyPeak: number;
  /** The highest `peak / available` of the buckets whose `available` is above 0; `null` when none (1.1). */
  utilization: number | null;
  /** The sum of the buckets' `denied` (1.1). */
  denied: number;
}

/** A change of one allocation scope's licenses inside the clipped range (CONTRACT 3.1, 1.1). */
export interface CapacityChange {
  /** ISO 8601 with the zone's offset. */
  at: string;
  /** `null` is the account-wide scope. */
  organizationId: string | null;
  before: number;
  after: number;
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
  capacityChanges: CapacityChange[];
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
  /**
   * ISO 8601 instant, not after the service's now: answer as of it (1.1). Sessions that started at
   * or after it are left out; sessions still running at it are active (`ended: null`).
   */
  asOf?: string;
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
// GET {endpoint}/{product}/capacity (CONTRACT 3.4, 1.1)

export interface CapacityQuery {
  product: Product;
  from: string;
  to: string;
  timeZone: string;
  organizationIds?: readonly string[];
  /** The license count to replay the demand against (a whole number >= 0). */
  licenses?: number;
}

export interface CapacityLevel {
  /** Concurrency `k`. */
  level: number;
  /** Seconds of the clipped range during which `c(t) = k`. */
  seconds: number;
}

export interface CapacityCoverage {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

export interface CapacityHour {
  /** 1 Monday ... 7 Sunday, local. */
  weekday: number;
  /** 0-23, local. */
  hour: number;
  /** Max of the peaks of the hour buckets starting on that weekday and hour (0 where none). */
  peak: number;
  /** Mean of those peaks (0 where none). */
  averagePeak: number;
}

export interface CapacityReplay {
  licenses: number;
  /** Sessions that would have been refused. */
  refused: number;
  /** Seconds during which the real `c(t)` exceeded `licenses`. */
  secondsOver: number;
  /** The replayed peak. */
  peak: number;
}

export interface CapacityResponse {
  product: Product;
  timeZone: string;
  from: string;
  to: string;
  asOf: string;
  /** Length of the clipped range in seconds. */
  seconds: number;
  levels: CapacityLevel[];
  coverage: CapacityCoverage;
  /** 168 entries, weekday 1 hour 0 first. */
  byHour: CapacityHour[];
  available: number;
  denied: number;
  /** Present only when the query gave `licenses`. */
  replay?: CapacityReplay;
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
