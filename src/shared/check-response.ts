/**
 * Runtime checks that a response body matches the contract (CONTRACT 3.1, 3.2) before any of it is
 * shown. The first mismatch becomes a 'contract' ReportError naming its path.
 */
import type { SessionsResponse, UsageResponse } from '../core/types.js';
import { contractViolation } from './api.js';

type Check = (value: unknown, path: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

const string: Check = (v, p) => {
  if (typeof v !== 'string') throw contractViolation(p, 'text', v);
};
const instant: Check = (v, p) => {
  if (typeof v !== 'string' || !ISO_INSTANT.test(v) || Number.isNaN(Date.parse(v))) throw contractViolation(p, 'an ISO 8601 instant', v);
};
const count: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw contractViolation(p, 'a whole number', v);
};
const number: Check = (v, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw contractViolation(p, 'a number', v);
};
const nullable = (check: Check): Check => (v, p) => {
  if (v !== null) check(v, p);
};
const list = (check: Check): Check => (v, p) => {
  if (!Array.isArray(v)) throw contractViolation(p, 'a list', v);
  v.forEach((item, i) => check(item, `${p}[${i}]`));
};
const shape = (fields: Record<string, Check>): Check => (v, p) => {
  if (!isObject(v)) throw contractViolation(p, 'an object', v);
  for (const [name, check] of Object.entries(fields)) check(v[name], `${p}.${name}`);
};

const organization = shape({ id: string, name: string, parentId: nullable(string) });
const bucket = shape({ start: instant, end: instant, available: count, peak: count, peakAt: nullable(instant), averagePeak: number });
const usage = shape({
  buckets: list(bucket),
  summary: shape({ available: count, peak: count, averageDailyPeak: number, utilization: nullable(number) }),
  organizations: list(organization),
  asOf: instant,
});
const session = shape({
  sessionId: string,
  user: shape({ name: string, email: string }),
  machineId: string,
  licenseSource: string,
  organization: nullable(shape({ id: string, name: string, path: list(string) })),
  licenseType: string,
  started: instant,
  ended: nullable(instant),
});
const sessions = shape({
  asOf: instant,
  total: count,
  offset: count,
  limit: count,
  items: list(session),
  facets: shape({ licenseSources: list(string), organizations: list(organization) }),
});

export function checkUsageResponse(body: unknown): UsageResponse {
  usage(body, 'response');
  return body as UsageResponse;
}

export function checkSessionsResponse(body: unknown): SessionsResponse {
  sessions(body, 'response');
  return body as SessionsResponse;
}

