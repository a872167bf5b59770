/**
 * The planner's requests (shared `reportTask`s: a change of the query aborts the older request,
 * and while one is pending the previous response stays on screen, marked busy):
 *
 * - capacity: `GET {endpoint}/{product}/capacity` without `licenses` (coverage, hours, real figures);
 * - replay: the same with `licenses` (the what-if), only once there is a count to try;
 * - organizations: the filter's options. 3.4 does not list them; 3.1 lists every organization the
 *   caller may filter on whatever the range, so they are asked once per endpoint and product, of
 *   the cheapest usage report: one day, one bucket.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Organization, Product } from '../core/types.js';
import type { FetchLike } from '../shared/api.js';
import { checkCapacityResponse, checkUsageResponse } from '../shared/check-response.js';
import { reportTask } from '../shared/report-task.js';
import type { ParamValue } from '../shared/url.js';

export type CapacityArgs = readonly [
  endpoint: string | null,
  product: Product,
  from: string,
  to: string,
  timeZone: string,
  organizations: string,
  fetch: FetchLike | null,
  /** The license count to replay; undefined: none asked; null: not known yet (no request). */
  licenses: number | null | undefined,
];

export type Load = (resource: 'capacity' | 'usage', params: Record<string, ParamValue>, signal: AbortSignal) => Promise<unknown>;

/** A whole number of licenses as `licenses` takes it (up to 10^9, the service's limit), else null. */
export const wholeCount = (v: unknown): number | null =>
  typeof v === 'number' ? (Number.isInteger(v) && v >= 0 && v <= 1e9 ? v : null) : typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : null;

export const capacityTask = (host: ReactiveControllerHost, args: () => CapacityArgs, load: Load) =>
  reportTask(host, args, ([endpoint, , from, to, timeZone, organizations, , licenses], signal) =>
    endpoint && licenses !== null
      ? load('capacity', { from, to, timeZone, organizationId: organizations ? organizations.split(',') : undefined, licenses }, signal).then(checkCapacityResponse)
      : undefined,
  );

/** Only the options of a filter: a failure leaves the picker with "All organizations". */
export const organizationsTask = (
  host: ReactiveControllerHost,
  args: () => readonly [endpoint: string | null, product: Product, fetch: FetchLike | null],
  day: () => readonly [to: string, timeZone: string],
  load: Load,
) =>
  reportTask(host, args, ([endpoint], signal) => {
    if (!endpoint) return undefined;
    const [to, timeZone] = day();
    return load('usage', { from: to, to, timeZone, interval: 'day' }, signal).then(
      (body): readonly Organization[] => checkUsageResponse(body).organizations,
      () => [],
    );
  });
