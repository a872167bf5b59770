/**
 * The planner's requests, as `Task`s whose args are the query, so a change of any of them starts
 * a new request and aborts the older one; only the latest run's result is ever kept, and while a
 * run is pending the previous response stays in `value` (shown, marked busy).
 *
 * - capacity: `GET {endpoint}/{product}/capacity` without `licenses` (coverage, hours, real figures);
 * - replay: the same with `licenses` (the what-if), only once there is a count to try;
 * - organizations: the filter's options, from `GET …/usage` by month (3.4 does not list them).
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { CapacityResponse, Organization, Product } from '../core/types.js';
import type { FetchLike } from '../shared/api.js';
import { checkCapacityResponse, checkUsageResponse } from '../shared/check-response.js';
import type { ParamValue } from '../shared/url.js';

export type CapacityArgs = readonly [
  endpoint: string | null,
  product: Product,
  from: string,
  to: string,
  timeZone: string,
  organizations: string,
  fetch: FetchLike | null,
  /** The licence count to replay; undefined: none asked; null: not known yet (no request). */
  licenses: number | null | undefined,
];

/** A whole number of licences as `licenses` takes it (up to 10^9, the service's limit), else null. */
export const wholeCount = (v: unknown): number | null =>
  typeof v === 'number' ? (Number.isInteger(v) && v >= 0 && v <= 1e9 ? v : null) : typeof v === 'string' && /^\s*\d{1,9}\s*$/.test(v) ? Number(v) : null;

export type Load = (resource: 'capacity' | 'usage', params: Record<string, ParamValue>, signal: AbortSignal) => Promise<unknown>;

/** The query each response answered (endpoint, product, range, zone, organizations, licences). */
const queries = new WeakMap<object, { key: string; endpoint: string }>();

export const queryKey = (args: CapacityArgs) => JSON.stringify([args[0], args[1], args[2], args[3], args[4], args[5], args[7]]);

/** Whether `data` answers exactly this query. */
export const answers = (data: object | undefined, args: CapacityArgs) => data !== undefined && queries.get(data)?.key === queryKey(args);

/** Whether `data` came from this endpoint and product (not a leftover of the previous ones). */
export const sameSource = (data: CapacityResponse | undefined, args: CapacityArgs) =>
  data !== undefined && queries.get(data)?.endpoint === args[0] && data.product === args[1];

export function capacityTask(host: ReactiveControllerHost, args: () => CapacityArgs, load: Load): Task<CapacityArgs, CapacityResponse> {
  return new Task<CapacityArgs, CapacityResponse>(host, {
    args,
    task: async (a, { signal }) => {
      const [endpoint, , from, to, timeZone, organizations, , licenses] = a;
      if (!endpoint || licenses === null) return initialState;
      const organizationId = organizations ? organizations.split(',') : undefined;
      const body = await load('capacity', { from, to, timeZone, organizationId, licenses }, signal);
      signal.throwIfAborted();
      const response = checkCapacityResponse(body);
      queries.set(response, { key: queryKey(a), endpoint });
      return response;
    },
  });
}

export function organizationsTask(
  host: ReactiveControllerHost,
  args: () => readonly [endpoint: string | null, product: Product, fetch: FetchLike | null],
  params: () => Record<string, ParamValue>,
  load: Load,
): Task<readonly unknown[], readonly Organization[]> {
  return new Task<readonly unknown[], readonly Organization[]>(host, {
    args,
    task: async ([endpoint], { signal }) => {
      if (!endpoint) return initialState;
      // Only the options of a filter: a failure leaves the picker with "All organizations".
      try {
        return checkUsageResponse(await load('usage', { ...params(), interval: 'month' }, signal)).organizations;
      } catch {
        signal.throwIfAborted();
        return [];
      }
    },
  });
}
