/**
 * The page of sessions on screen, as a `Task`: its args are the endpoint, product, fetch and
 * the page's query parameters, so a change of any of them starts a new request and aborts the
 * older one (the Task aborts its signal; a stale result is never shown). The last page stays in
 * `value` while the next one loads.
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import type { SessionsResponse } from '../core/types.js';
import type { FetchLike } from '../shared/api.js';
import { checkSessionsResponse } from '../shared/check-response.js';
import type { ParamValue } from '../shared/url.js';

export interface SessionsPage {
  response: SessionsResponse;
  /** `Date.now()` when it arrived: active durations count on from the response's `asOf`. */
  receivedAt: number;
  /** Where it came from: a page of another endpoint or product is never shown as current. */
  endpoint: string;
  product: string;
}

type Params = Record<string, ParamValue>;
type Args = readonly [endpoint: string | null, product: string, params: Params, fetch: FetchLike | null];

export interface SessionsSource {
  args: () => Args;
  load: (params: Params, signal: AbortSignal) => Promise<unknown>;
  onComplete: (page: SessionsPage) => void;
}

export function sessionsTask(host: ReactiveControllerHost, { args, load, onComplete }: SessionsSource): Task<Args, SessionsPage> {
  return new Task<Args, SessionsPage>(host, {
    task: async ([endpoint, product, params], { signal }) => {
      if (!endpoint) return initialState;
      const body = await load(params, signal);
      signal.throwIfAborted();
      return { response: checkSessionsResponse(body), receivedAt: Date.now(), endpoint, product };
    },
    args,
    argsEqual: (a, b) => a[0] === b[0] && a[1] === b[1] && a[3] === b[3] && JSON.stringify(a[2]) === JSON.stringify(b[2]),
    onComplete,
  });
}
