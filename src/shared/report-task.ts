/**
 * A report request as a `Task` (lit/task): its args are the query, so a change of any of them
 * starts a new request and aborts the older one, and only the latest run's result is kept; while a
 * run is pending the previous response stays in `value` (shown, marked busy). Each response
 * remembers the query it answered, so "is this response still current" has one answer.
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';

/** The args of a report's query: the endpoint first, the product second. */
export type ReportArgs = readonly [endpoint: string | null, product: string, ...query: unknown[]];

const asked = new WeakMap<object, { endpoint: string | null; product: string; key: string }>();

/** The query as a key: functions (a host's `fetch`) do not change what is asked. */
const keyOf = (args: ReportArgs) => JSON.stringify(args, (_, v: unknown) => (typeof v === 'function' ? undefined : v));

/**
 * `load` asks for the report of `args` (and checks it), or returns undefined when there is nothing
 * to ask (no endpoint, or a query not known yet): the Task then keeps its initial state.
 */
export function reportTask<A extends ReportArgs, R extends object>(
  host: ReactiveControllerHost,
  args: () => A,
  load: (args: A, signal: AbortSignal) => Promise<R> | undefined,
): Task<A, R> {
  return new Task<A, R>(host, {
    args,
    task: async (a, { signal }) => {
      const pending = load(a, signal);
      if (!pending) return initialState;
      const response = await pending;
      signal.throwIfAborted();
      asked.set(response, { endpoint: a[0], product: a[1], key: keyOf(a) });
      return response;
    },
  });
}

/** Whether `response` answers exactly the query `args`. */
export const answers = (response: object | undefined, args: ReportArgs) => !!response && asked.get(response)?.key === keyOf(args);

/**
 * Whether `response` came from this endpoint and product (not a leftover of the previous ones),
 * whatever else of the query changed since: it stays on screen, marked busy, while the next loads.
 */
export const sameSource = (response: object | undefined, endpoint: string | null, product: string) => {
  const asking = response && asked.get(response);
  return !!asking && asking.endpoint === endpoint && asking.product === product;
};
