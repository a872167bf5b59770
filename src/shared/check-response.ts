/**
 * Runtime checks that a response body matches the contract (CONTRACT 3.1, 3.2, 3.4) before any of
 * it is shown. The first mismatch becomes a 'contract' ReportError naming its path.
 */
import { INTERVALS, PRODUCTS, type CapacityResponse, type SessionsResponse, type UsageResponse } from '../core/types.js';
import { isTimeZone, parseCivilDate, parseInstant } from '../core/tz.js';
import { contractViolation } from './api.js';

type Check = (value: unknown, path: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A check of one value: `test`, else a violation that says what was `expected`. */
const is =
  (test: (v: unknown) => boolean, expected: string): Check =>
  (v, p) => {
    if (!test(v)) throw contractViolation(p, expected, v);
  };

const string = is((v) => typeof v === 'string', 'text');
// The same parser the elements format with: an instant this accepts can always be shown.
const instant = is((v) => !Number.isNaN(parseInstant(v)), 'an ISO 8601 instant');
const date = is((v) => !!parseCivilDate(v), 'a date YYYY-MM-DD');
const zone = is(isTimeZone, 'an IANA time zone');
const oneOf = (values: readonly string[]) => is((v) => values.includes(v as string), `one of ${values.join(', ')}`);
const count = is((v) => Number.isInteger(v) && (v as number) >= 0, 'a whole number');
const number = is((v) => Number.isFinite(v) && (v as number) >= 0, 'a number');
const nullable = (check: Check): Check => (v, p) => {
  if (v !== null) check(v, p);
};
const isList = is(Array.isArray, 'a list');
const list = (check: Check): Check => (v, p) => {
  isList(v, p);
  (v as unknown[]).forEach((item, i) => check(item, `${p}[${i}]`));
};
const isShape = is(isObject, 'an object');
const shape = (fields: Record<string, Check>): Check => {
  const entries = Object.entries(fields);
  return (v, p) => {
    isShape(v, p);
    for (const [name, check] of entries) check((v as Record<string, unknown>)[name], `${p}.${name}`);
  };
};

const range = (min: number, max: number): Check => (v, p) => {
  count(v, p);
  if ((v as number) < min || (v as number) > max) throw contractViolation(p, `a whole number from ${min} to ${max}`, v);
};
const exactly = (n: number, check: Check): Check => (v, p) => {
  list(check)(v, p);
  if ((v as unknown[]).length !== n) throw contractViolation(p, `a list of ${n}`, `${(v as unknown[]).length} items`);
};

const organization = shape({ id: string, name: string, parentId: nullable(string) });
const bucket = shape({
  start: instant,
  end: instant,
  available: count,
  peak: count,
  peakAt: nullable(instant),
  averagePeak: number,
  denied: count,
});
const capacityChange = shape({ at: instant, organizationId: nullable(string), before: count, after: count });
const usage = shape({
  product: oneOf(PRODUCTS),
  interval: oneOf(INTERVALS),
  timeZone: zone,
  from: date,
  to: date,
  buckets: list(bucket),
  summary: shape({ available: count, peak: count, averageDailyPeak: number, utilization: nullable(number), denied: count }),
  capacityChanges: list(capacityChange),
  organizations: list(organization),
  asOf: instant,
});
const capacity = shape({
  product: oneOf(PRODUCTS),
  timeZone: zone,
  from: date,
  to: date,
  asOf: instant,
  seconds: number,
  levels: list(shape({ level: count, seconds: number })),
  coverage: shape({ p50: count, p90: count, p95: count, p99: count, max: count }),
  byHour: exactly(168, shape({ weekday: range(1, 7), hour: range(0, 23), peak: count, averagePeak: number })),
  available: count,
  denied: count,
});
const replay = shape({ licenses: count, refused: count, secondsOver: number, peak: count });
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

export function checkCapacityResponse(body: unknown): CapacityResponse {
  capacity(body, 'response');
  const replayBody = (body as Record<string, unknown>).replay;
  if (replayBody !== undefined) replay(replayBody, 'response.replay');
  return body as CapacityResponse;
}
