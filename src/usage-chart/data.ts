/**
 * The usage report on screen, as a shared `reportTask`: its args are the query (endpoint, product,
 * range, interval, zone, organizations, fetch), so a change of any of them starts a new request and
 * aborts the older one; while a run is pending the previous response stays in `value` (shown,
 * marked busy); after an error it is gone.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Interval } from '../core/types.js';
import type { FetchLike } from '../shared/api.js';
import { checkUsageResponse } from '../shared/check-response.js';
import { reportTask } from '../shared/report-task.js';
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

export const usageTask = (host: ReactiveControllerHost, { args, load }: UsageSource) =>
  reportTask(host, args, ([endpoint, , from, to, interval, timeZone, organizations], signal) =>
    endpoint ? load({ from, to, interval, timeZone, organizationId: organizations ? organizations.split(',') : undefined }, signal).then(checkUsageResponse) : undefined,
  );
