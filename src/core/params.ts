/**
 * Reading the query strings of CONTRACT 3.1, 3.2 and 3.4 into core queries, for the mock and the
 * report service alike. Only the shape is checked here (a single-valued parameter given twice, a
 * number that is not a whole number); the meaning (dates, zones, ranges, limits) is core's to
 * judge, so no service can disagree with core.
 */
import { ContractError, describeValue } from './errors.js';
import type { CapacityQuery, Interval, Product, SessionsQuery, SortField, SortOrder, UsageQuery } from './types.js';

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new ContractError(name, `expected one value, got ${values.length}`);
  return values[0];
}

function repeated(params: URLSearchParams, name: string): string[] | undefined {
  const values = params.getAll(name);
  return values.length ? values : undefined;
}

function wholeNumber(params: URLSearchParams, name: string): number | undefined {
  const text = single(params, name);
  if (text === undefined) return undefined;
  if (!/^\d{1,15}$/.test(text)) throw new ContractError(name, `expected a whole number, got ${describeValue(text)}`);
  return Number(text);
}

/** `GET {endpoint}/{product}/usage?from&to&interval&timeZone&organizationId*` */
export function parseUsageQuery(product: Product, params: URLSearchParams): UsageQuery {
  return {
    product,
    from: single(params, 'from') as string,
    to: single(params, 'to') as string,
    interval: single(params, 'interval') as Interval,
    timeZone: single(params, 'timeZone') as string,
    organizationIds: repeated(params, 'organizationId'),
  };
}

/**
 * `GET {endpoint}/{product}/sessions?from&to&timeZone&q&licenseSource*&organizationId*&activeAt
 * &sort&order&offset&limit&asOf`
 */
export function parseSessionsQuery(product: Product, params: URLSearchParams): SessionsQuery {
  return {
    product,
    from: single(params, 'from'),
    to: single(params, 'to'),
    timeZone: single(params, 'timeZone') as string,
    q: single(params, 'q'),
    licenseSources: repeated(params, 'licenseSource'),
    organizationIds: repeated(params, 'organizationId'),
    activeAt: single(params, 'activeAt'),
    sort: single(params, 'sort') as SortField | undefined,
    order: single(params, 'order') as SortOrder | undefined,
    offset: wholeNumber(params, 'offset'),
    limit: wholeNumber(params, 'limit'),
    asOf: single(params, 'asOf'),
  };
}

/** `GET {endpoint}/{product}/capacity?from&to&timeZone&organizationId*&licenses` */
export function parseCapacityQuery(product: Product, params: URLSearchParams): CapacityQuery {
  return {
    product,
    from: single(params, 'from') as string,
    to: single(params, 'to') as string,
    timeZone: single(params, 'timeZone') as string,
    organizationIds: repeated(params, 'organizationId'),
    licenses: wholeNumber(params, 'licenses'),
  };
}
