/**
 * The usage report on screen, as a `Task`: its args are the query (endpoint, product, range,
 * interval, zone, organizations, fetch), so a change of any of them starts a new request and aborts
 * the older one; only the latest run's result is ever kept. While a run is pending the previous
 * response stays in `value` (shown, marked busy); after an error it is gone.
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { Interval, UsageResponse } from '../core/types.js';
import type { FetchLike } from '../shared/api.js';
import { checkUsageResponse } from '../shared/check-response.js';
import type { ParamValue } from '../shared/url.js';

export type UsageArgs = readonly [
  endpoint: string | null,
  product: string,
  from: string,
  to: string,
  interval: Interval,
  timeZone: string,
  organizations: string,
  fetch: FetchLike | null,
];

export interface UsageSource {
  args: () => UsageArgs;
  load: (params: Record<string, ParamValue>, signal: AbortSignal) => Promise<unknown>;
}

/** The endpoint each response came from: a response of another endpoint is never shown as current. */
const sources = new WeakMap<UsageResponse, string>();

/** Whether `data` answers for this endpoint and product (not a leftover of the previous ones). */
export function answersFor(data: UsageResponse, endpoint: string | null, product: string): boolean {
  return sources.get(data) === endpoint && data.product === product;
}

export function usageTask(host: ReactiveControllerHost, { args, load }: UsageSource): Task<UsageArgs, UsageResponse> {
  return new Task<UsageArgs, UsageResponse>(host, {
    task: async ([endpoint, , from, to, interval, timeZone, organizations], { signal }) => {
      if (!endpoint) return initialState;
      const organizationId = organizations ? organizations.split(',') : undefined;
      const body = await load({ from, to, interval, timeZone, organizationId }, signal);
      signal.throwIfAborted();
      const response = checkUsageResponse(body);
      sources.set(response, endpoint);
      return response;
    },
    args,
  });
}
