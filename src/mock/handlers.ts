/**
 * MSW request handlers that serve the report contract (CONTRACT 3) from a dataset, through core,
 * so the mock answers exactly what the reference computation says.
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import { computeCapacity, computeUsage, querySessions } from '../core/index.js';
import { PRODUCTS, type Dataset, type Product } from '../core/types.js';
import { MockControl, type MockEndpoint, type MockSettings } from './control.js';
import { failureResponse, violateContract } from './failures.js';
import { errorResponse, problemResponse } from './problem.js';
import { parseCapacityQuery, parseSessionsQuery, parseUsageQuery } from '../core/params.js';

export interface MockServiceOptions {
  /** Base URL of the service, absolute (`https://api.example.test/reports`) or relative (`/api`). */
  endpoint: string;
  /**
   * The data served. Keep passing the same object: core caches its index per dataset object. A
   * function is read at each request: return a new object when the data changes (sessions that
   * arrive while an export runs, in tests).
   */
  dataset: Dataset | (() => Dataset);
  /** The server's "now": an instant, or a function read at each request. Default: the current time. */
  asOf?: string | Date | (() => string | Date);
  /** Initial control settings (delay, failure). */
  settings?: Partial<MockSettings>;
}

export interface MockService {
  handlers: HttpHandler[];
  control: MockControl;
}

export function createMockService(options: MockServiceOptions): MockService {
  const control = new MockControl(options.settings);
  const base = options.endpoint.replace(/\/+$/, '');
  const asOf = options.asOf ?? (() => new Date());
  const now = typeof asOf === 'function' ? asOf : () => asOf;

  const handler = (endpoint: MockEndpoint) =>
    http.get<{ product: string }>(`${base}/:product/${endpoint}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const plan = control.take(url, endpoint);
      if (plan.delayMs > 0) await delay(plan.delayMs);
      if (plan.failure) {
        const failed = await failureResponse(plan.failure, request, control);
        if (failed) return failed;
      }
      const product = params.product as Product;
      if (!PRODUCTS.includes(product)) {
        return problemResponse(404, `Unknown product ${JSON.stringify(params.product)}: expected ${PRODUCTS.join(' or ')}.`);
      }
      let body;
      try {
        const dataset = typeof options.dataset === 'function' ? options.dataset() : options.dataset;
        const params = url.searchParams;
        body =
          endpoint === 'usage'
            ? computeUsage(dataset, parseUsageQuery(product, params), now())
            : endpoint === 'sessions'
              ? querySessions(dataset, parseSessionsQuery(product, params), now())
              : computeCapacity(dataset, parseCapacityQuery(product, params), now());
      } catch (error) {
        return errorResponse(error);
      }
      return HttpResponse.json((plan.failure === 'contract-violation' ? violateContract(endpoint, body) : body) as never);
    });

  return { handlers: [handler('usage'), handler('sessions'), handler('capacity')], control };
}

/** The handlers alone, without a control (never slow, never failing). */
export function createHandlers(options: MockServiceOptions): HttpHandler[] {
  return createMockService(options).handlers;
}
